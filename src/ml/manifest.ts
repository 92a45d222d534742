/**
 * The dataset manifest: the small JSON file that describes a web payload (names, labels, and where the
 * pixels are at each resolution). Written by scripts/lib/dataset/buildWebPayload.ts, read by the browser.
 * Shared by Node and browser: no DOM, no Node APIs.
 */
import { z } from 'zod';

export const MANIFEST_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';

// A file name the payload may reference: no directories, nothing that could climb out of the payload.
const PLAIN_FILE_NAME = /^(?!\.{1,2}$)[^/\\\u0000-\u001f]+$/;
const SHARD_FILE_NAME = /^[A-Za-z0-9._-]+\.(jpg|jpeg|png|webp)$/;

const positiveInteger = () => z.number().int('expected a positive integer').positive('expected a positive integer');
const nonNegativeInteger = () => z.number().int('expected an integer ≥ 0').nonnegative('expected an integer ≥ 0');

/** "images/" or "a/b/": relative, forward slashes, ends in "/", never "." or ".." segments. */
function isSafeRelativeDirectory(directory: string): boolean {
  if (!directory.endsWith('/') || directory.startsWith('/') || directory.includes('\\') || directory.includes(':')) return false;
  return directory.slice(0, -1).split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

// Messages in words ("expected number, got string") rather than zod's defaults.
const errorMap: z.ZodErrorMap = (issue, ctx) => {
  if (issue.code === 'invalid_type') {
    return { message: issue.received === 'undefined' ? `missing (expected ${issue.expected})` : `expected ${issue.expected}, got ${issue.received}` };
  }
  if (issue.code === 'invalid_enum_value') {
    return { message: `expected one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}` };
  }
  return { message: ctx.defaultError };
};

const datasetInfoSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase slug such as "default" or "av-emergency"'),
  title: z.string().min(1, 'expected a non-empty title'),
  source: z.enum(['generated', 'imported']),
  // Free text saying how the data was made, e.g. "scripts/generate-default-dataset.ts seed 1".
  origin: z.string(),
});

const shardSchema = z.object({
  file: z.string().regex(SHARD_FILE_NAME, 'expected a plain image file name such as "x64-0-1a2b3c4d.jpg"'),
  first: nonNegativeInteger(),
  count: positiveInteger(),
  bytes: positiveInteger(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
});

/** Images packed into JPEG sprite sheets: row-major tiles, `tilesPerRow` across. */
const spriteSheetResolutionSchema = z.object({
  size: positiveInteger(),
  tilesPerRow: positiveInteger(),
  shards: z.array(shardSchema).min(1, 'expected at least one shard'),
});

/** Images served one file each, `directory + names[i]` relative to the manifest. */
const directoryResolutionSchema = z.object({
  size: positiveInteger(),
  directory: z.string().refine(isSafeRelativeDirectory, 'expected a relative directory ending in "/", such as "images/"'),
});

export type DatasetInfo = z.infer<typeof datasetInfoSchema>;
export type SpriteShard = z.infer<typeof shardSchema>;
export type SpriteSheetResolution = z.infer<typeof spriteSheetResolutionSchema>;
export type DirectoryResolution = z.infer<typeof directoryResolutionSchema>;
export type Resolution = SpriteSheetResolution | DirectoryResolution;

export function isSpriteSheetResolution(resolution: Resolution): resolution is SpriteSheetResolution {
  return 'shards' in resolution;
}

// Which of the two shapes applies is decided by the presence of `directory`, so errors describe the
// shape the author meant instead of zod's generic "invalid union".
const resolutionsSchema = z.record(z.string(), z.unknown()).transform((resolutions, ctx) => {
  if (Object.keys(resolutions).length === 0) ctx.addIssue({ code: 'custom', message: 'expected at least one resolution' });
  const checked: Record<string, Resolution> = {};
  for (const [key, value] of Object.entries(resolutions)) {
    const isDirectory = typeof value === 'object' && value !== null && 'directory' in value;
    const parsed = (isDirectory ? directoryResolutionSchema : spriteSheetResolutionSchema).safeParse(value, { errorMap });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
    } else if (String(parsed.data.size) !== key) {
      ctx.addIssue({ code: 'custom', message: `key "${key}" must equal the resolution's size (${parsed.data.size})`, path: [key, 'size'] });
    } else {
      checked[key] = parsed.data;
    }
  }
  return checked;
});

const manifestShape = z.object({
  format: z.literal(MANIFEST_FORMAT, { errorMap: () => ({ message: `expected format ${MANIFEST_FORMAT} (this site reads only that version)` }) }),
  dataset: datasetInfoSchema,
  count: positiveInteger(),
  classes: z.array(z.string().min(1, 'expected a non-empty class name')).min(2, 'expected at least two classes'),
  names: z.array(z.string().regex(PLAIN_FILE_NAME, 'expected a plain file name (no folders, not "." or "..")')),
  labels: z.array(nonNegativeInteger()),
  resolutions: resolutionsSchema,
  // Groups of exactly identical images (indices into names), so a split can keep each group on one side.
  // Optional: payloads written before it existed, and datasets without duplicates, omit it.
  duplicateGroups: z.array(z.array(nonNegativeInteger()).min(2, 'expected a group of at least two images')).optional(),
});

export type DatasetManifest = z.infer<typeof manifestShape>;

const manifestSchema = manifestShape.superRefine(checkConsistency);

/** Cross-field rules zod cannot express field by field. */
function checkConsistency(manifest: DatasetManifest, ctx: z.RefinementCtx): void {
  const { count, names, labels, classes } = manifest;
  if (names.length !== count) ctx.addIssue({ code: 'custom', path: ['names'], message: `expected ${count} names (count), found ${names.length}` });
  if (labels.length !== count) ctx.addIssue({ code: 'custom', path: ['labels'], message: `expected ${count} labels (count), found ${labels.length}` });
  if (new Set(classes).size !== classes.length) ctx.addIssue({ code: 'custom', path: ['classes'], message: 'expected distinct class names' });

  const badLabel = labels.findIndex((label) => label >= classes.length);
  if (badLabel >= 0) {
    ctx.addIssue({ code: 'custom', path: ['labels', badLabel], message: `expected a class index below ${classes.length}, got ${labels[badLabel]}` });
  }
  const firstIndexOfName = new Map<string, number>();
  names.forEach((name, i) => {
    const earlier = firstIndexOfName.get(name);
    if (earlier !== undefined) ctx.addIssue({ code: 'custom', path: ['names', i], message: `"${name}" repeats names[${earlier}]` });
    else firstIndexOfName.set(name, i);
  });

  checkDuplicateGroups(manifest.duplicateGroups ?? [], count, ctx);

  const shardFiles = new Set<string>();
  for (const [key, resolution] of Object.entries(manifest.resolutions)) {
    if (!isSpriteSheetResolution(resolution)) continue;
    let expectedFirst = 0;
    resolution.shards.forEach((shard, i) => {
      const path = ['resolutions', key, 'shards', i];
      if (shard.first !== expectedFirst) {
        ctx.addIssue({ code: 'custom', path: [...path, 'first'], message: `expected ${expectedFirst} (shards must cover the images in order without gaps), got ${shard.first}` });
      }
      if (shardFiles.has(shard.file)) ctx.addIssue({ code: 'custom', path: [...path, 'file'], message: `"${shard.file}" is used by another shard` });
      shardFiles.add(shard.file);
      expectedFirst = shard.first + shard.count;
    });
    if (expectedFirst !== count) {
      ctx.addIssue({ code: 'custom', path: ['resolutions', key, 'shards'], message: `shards hold ${expectedFirst} images but count is ${count}` });
    }
  }
}

/** Every index names an image, and no image is in two groups (a group is all copies of one picture). */
function checkDuplicateGroups(groups: number[][], count: number, ctx: z.RefinementCtx): void {
  const groupOf = new Map<number, number>();
  groups.forEach((group, g) => {
    group.forEach((index, i) => {
      const path = ['duplicateGroups', g, i];
      if (index >= count) ctx.addIssue({ code: 'custom', path, message: `expected an image index below ${count} (count), got ${index}` });
      const earlier = groupOf.get(index);
      if (earlier !== undefined) ctx.addIssue({ code: 'custom', path, message: `image ${index} is already in duplicateGroups[${earlier}]` });
      groupOf.set(index, g);
    });
  });
}

function valueAt(json: unknown, path: (string | number)[]): unknown {
  let value = json;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '') || '(root)';
}

/** Validates untrusted JSON (e.g. a fetched manifest.json). Throws an Error listing what is wrong and where. */
export function parseManifest(json: unknown): DatasetManifest {
  const parsed = manifestSchema.safeParse(json, { errorMap });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    // Show the offending value when it is short and the message does not already describe it.
    const value = valueAt(json, issue.path);
    const text = value !== null && typeof value !== 'object' && value !== undefined ? JSON.stringify(value) : undefined;
    const shown = text !== undefined && !/\bgot\b/.test(issue.message) && !issue.message.includes(text);
    const got = shown ? `, got ${text.slice(0, 80)}` : '';
    return `${formatPath(issue.path)}: ${issue.message}${got}`;
  });
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  throw new Error(`invalid dataset manifest: ${shown}${more}`);
}

/** The sprite sheets at one size, or an error naming the sizes that do exist. */
export function spriteSheetsAt(manifest: DatasetManifest, size: number): SpriteSheetResolution {
  const resolution = manifest.resolutions[String(size)];
  if (resolution && isSpriteSheetResolution(resolution)) return resolution;
  const available = Object.values(manifest.resolutions).filter(isSpriteSheetResolution).map((r) => `${r.size}x${r.size}`);
  throw new Error(`dataset "${manifest.dataset.id}" has no ${size}x${size} sprite sheets (available: ${available.join(', ') || 'none'})`);
}
