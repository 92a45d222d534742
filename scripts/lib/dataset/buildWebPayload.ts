/**
 * Turns an article-layout dataset folder into the web payload the browser loads:
 *   manifest.json, JPEG sprite sheets at small sizes (x32-*.jpg, x64-*.jpg), and the originals in images/.
 * The payload is built in a temporary sibling folder and renamed into place only when complete, so a
 * failed or interrupted build never leaves a half-written payload and keeps the previous one intact.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { MANIFEST_FILE, MANIFEST_FORMAT, parseManifest, type DatasetInfo, type DatasetManifest, type Resolution, type SpriteShard } from '../../../src/ml/manifest';
import { rgbSheetFromTiles } from '../../../src/ml/sprites';
import { forEachConcurrently } from '../forEachConcurrently';
import { ARTICLE_IMAGES_DIR, readArticleLayout, type LabeledImage } from './readArticleLayout';

export const DEFAULT_SPRITE_SIZES = [32, 64] as const;
export const CLASS_NAMES = ['non-emergency', 'emergency'];

/**
 * JPEG settings for sprite sheets (mozjpeg), measured on the real 2352-image dataset: 64x64 sheets total
 * 5.5 MB with a mean abs error of 3.9/255 per channel (worst image 5.6). 4:2:0 saves little at these
 * sizes and doubles the worst image's error (colour edges, bleeding across tile borders), so 4:4:4.
 */
export const DEFAULT_JPEG_QUALITY = 90;
export const DEFAULT_CHROMA_SUBSAMPLING = '4:4:4';

// Sheets at most ~1024 px across: cheap to decode, and within every browser's canvas/texture limits.
const MAX_SHEET_WIDTH = 1024;
const DEFAULT_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism()));

// Temporary folders are siblings named "<outDir>.partial-<pid>-<random>", so they can be traced to their process.
const TEMP_MARKER = '.partial-';

export interface BuildProgress {
  /** "images": decoding, resizing and copying originals; "shards": encoding sprite sheets. */
  phase: 'images' | 'shards';
  done: number;
  total: number;
}

export interface BuildWebPayloadOptions {
  /** Folder in the article layout (emergency_classification.csv + images/). */
  sourceDir: string;
  /** Payload folder; replaced as a whole, so it must be empty, missing, or an earlier payload. */
  outDir: string;
  dataset: DatasetInfo;
  /** Sprite-sheet sizes in px; default 32 and 64. */
  resolutions?: readonly number[];
  jpegQuality?: number;
  chromaSubsampling?: '4:4:4' | '4:2:0';
  /** Images or shards processed at once; default 2. */
  concurrency?: number;
  onProgress?: (progress: BuildProgress) => void;
  /** Groups of identical images (indices in CSV order), recorded in the manifest for leakage-free splits. */
  duplicateGroups?: number[][];
  /**
   * More files to publish with the payload (e.g. report.json), by plain file name. Called once the images
   * are packed and written before the swap, so they appear together with the payload or not at all.
   */
  extraFiles?: (payload: PackedPayload) => Record<string, string>;
  /** Aborting stops the build and removes the temporary folder. */
  signal?: AbortSignal;
}

export interface PackedPayload {
  manifest: DatasetManifest;
  /** Total bytes of the sprite sheets per size, e.g. { 32: …, 64: … }. */
  spriteBytes: Record<number, number>;
  /** Total bytes of the copied originals. */
  originalBytes: number;
}

export interface WebPayloadSummary extends PackedPayload {
  outDir: string;
  seconds: number;
}

export async function buildWebPayload(options: BuildWebPayloadOptions): Promise<WebPayloadSummary> {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  const spriteSizes = checkSpriteSizes(options.resolutions ?? DEFAULT_SPRITE_SIZES);
  const layout = await readArticleLayout(options.sourceDir);
  await mkdir(dirname(outDir), { recursive: true });
  await removeAbandonedTempDirs(outDir);
  await assertReplaceable(outDir);
  const tempDir = join(dirname(outDir), `${basename(outDir)}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(join(tempDir, ARTICLE_IMAGES_DIR), { recursive: true });
  try {
    const build = await writePayload(tempDir, layout.rows, layout.imagesDir, spriteSizes, options);
    await writeExtraFiles(tempDir, options.extraFiles?.(build) ?? {});
    options.signal?.throwIfAborted();
    await replaceDirectory(tempDir, outDir);
    return { outDir, ...build, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after builds that crashed (their process is gone; running builds are left alone): partial
 * folders are deleted, and a previous payload moved aside mid-swap is put back if nothing replaced it.
 */
async function removeAbandonedTempDirs(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}${TEMP_MARKER}`;
  for (const entry of await readdir(parent)) {
    const match = entry.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}(-previous)?$/.exec(entry.slice(prefix.length)) : null;
    if (!match || isProcessRunning(Number(match[1]))) continue;
    const abandoned = join(parent, entry);
    const isPreviousPayload = match[2] !== undefined;
    if (isPreviousPayload && !(await pathExists(outDir))) await rename(abandoned, outDir);
    else await rm(abandoned, { recursive: true, force: true });
  }
}

async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function checkSpriteSizes(sizes: readonly number[]): number[] {
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_SHEET_WIDTH) {
      throw new Error(`sprite size must be an integer from 1 to ${MAX_SHEET_WIDTH} px, got ${size}`);
    }
  }
  if (new Set(sizes).size !== sizes.length) throw new Error(`sprite sizes must be distinct, got ${sizes.join(', ')}`);
  return [...sizes];
}

/** Refuses to replace a folder that is not a payload, e.g. a mistyped --out pointing at public/. */
async function assertReplaceable(outDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
    throw new Error(`refusing to replace ${outDir}: it is not empty and has no ${MANIFEST_FILE}, so it does not look like a dataset payload`);
  }
}

async function writePayload(
  tempDir: string,
  rows: LabeledImage[],
  imagesDir: string,
  spriteSizes: number[],
  options: BuildWebPayloadOptions,
): Promise<PackedPayload> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const count = rows.length;
  // All resized images stay in memory (2352 images ≈ 36 MB at 32 + 64 px), packed RGB per size.
  const tiles = new Map(spriteSizes.map((size) => [size, new Uint8Array(count * size * size * 3)]));
  let originalSize: { width: number; height: number; name: string } | undefined;
  let originalBytes = 0;
  let imagesDone = 0;

  await forEachConcurrently(count, concurrency, options.signal, async (index) => {
    const { name } = rows[index];
    const file = await readFile(join(imagesDir, name));
    const { data, info } = await sharp(file)
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true })
      .catch((error: Error) => {
        throw new Error(`cannot decode ${join(imagesDir, name)}: ${error.message}`);
      });
    originalSize ??= { width: info.width, height: info.height, name };
    if (info.width !== originalSize.width || info.height !== originalSize.height || info.width !== info.height) {
      throw new Error(
        `${join(imagesDir, name)} is ${info.width}x${info.height} but ${originalSize.name} is ${originalSize.width}x${originalSize.height}: originals must all be square and the same size`,
      );
    }
    for (const [size, target] of tiles) {
      const resized = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
        .resize(size, size, { fit: 'fill', kernel: 'lanczos3' })
        .raw()
        .toBuffer();
      target.set(resized, index * size * size * 3);
    }
    await writeFile(join(tempDir, ARTICLE_IMAGES_DIR, name), file);
    originalBytes += file.length;
    options.onProgress?.({ phase: 'images', done: ++imagesDone, total: count });
  });

  const originalEdge = originalSize!.width;
  if (tiles.has(originalEdge)) {
    throw new Error(`sprite size ${originalEdge} equals the originals' size; the originals already serve ${originalEdge}x${originalEdge}`);
  }

  const resolutions: Record<string, Resolution> = {};
  const spriteBytes: Record<number, number> = {};
  const jobs = spriteSizes.flatMap((size) => shardPlan(size, count).map((shard, index) => ({ size, index, ...shard })));
  const shardsBySize = new Map(spriteSizes.map((size) => [size, [] as SpriteShard[]]));
  let shardsDone = 0;
  await forEachConcurrently(jobs.length, concurrency, options.signal, async (jobIndex) => {
    const { size, index, tilesPerRow, first, count: shardCount } = jobs[jobIndex];
    const sheet = rgbSheetFromTiles(tiles.get(size)!, size, tilesPerRow, first, shardCount);
    const jpeg = await sharp(sheet, { raw: { width: tilesPerRow * size, height: sheet.length / (tilesPerRow * size * 3), channels: 3 } })
      .jpeg({
        quality: options.jpegQuality ?? DEFAULT_JPEG_QUALITY,
        chromaSubsampling: options.chromaSubsampling ?? DEFAULT_CHROMA_SUBSAMPLING,
        mozjpeg: true,
      })
      .toBuffer();
    const sha256 = createHash('sha256').update(jpeg).digest('hex');
    // The hash in the name lets browsers cache shards forever: new content means a new URL.
    const file = `x${size}-${index}-${sha256.slice(0, 8)}.jpg`;
    await writeFile(join(tempDir, file), jpeg);
    shardsBySize.get(size)![index] = { file, first, count: shardCount, bytes: jpeg.length, sha256 };
    spriteBytes[size] = (spriteBytes[size] ?? 0) + jpeg.length;
    options.onProgress?.({ phase: 'shards', done: ++shardsDone, total: jobs.length });
  });
  for (const size of spriteSizes) {
    resolutions[String(size)] = { size, tilesPerRow: tilesPerRowFor(size), shards: shardsBySize.get(size)! };
  }
  resolutions[String(originalEdge)] = { size: originalEdge, directory: `${ARTICLE_IMAGES_DIR}/` };

  // Validate what we are about to publish with the same parser the browser uses.
  const manifest = parseManifest({
    format: MANIFEST_FORMAT,
    dataset: options.dataset,
    count,
    classes: CLASS_NAMES,
    names: rows.map((row) => row.name),
    labels: rows.map((row) => row.label),
    resolutions,
    ...(options.duplicateGroups?.length ? { duplicateGroups: options.duplicateGroups } : {}),
  });
  await writeFile(join(tempDir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  return { manifest, spriteBytes, originalBytes };
}

async function writeExtraFiles(tempDir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    // Plain names only, and never one the payload itself uses.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name === MANIFEST_FILE || name === ARTICLE_IMAGES_DIR || /^x\d+-/.test(name)) {
      throw new Error(`extra payload file name ${JSON.stringify(name)} must be a plain file name other than ${MANIFEST_FILE}, ${ARTICLE_IMAGES_DIR} and the sprite sheets`);
    }
    await writeFile(join(tempDir, name), text);
  }
}

function tilesPerRowFor(size: number): number {
  return Math.max(1, Math.floor(MAX_SHEET_WIDTH / size));
}

/** Square sheets of tilesPerRow² tiles (e.g. 16×16 tiles of 64 px = 1024×1024); the last may be partial. */
function shardPlan(size: number, count: number): { tilesPerRow: number; first: number; count: number }[] {
  const tilesPerRow = tilesPerRowFor(size);
  const perShard = tilesPerRow * tilesPerRow;
  const plan = [];
  for (let first = 0; first < count; first += perShard) plan.push({ tilesPerRow, first, count: Math.min(perShard, count - first) });
  return plan;
}

/** Swaps the finished payload in: the old one is moved aside first and restored if the swap fails. */
async function replaceDirectory(tempDir: string, outDir: string): Promise<void> {
  if (!(await pathExists(outDir))) {
    await rename(tempDir, outDir);
    return;
  }
  const previous = `${tempDir}-previous`;
  await rename(outDir, previous);
  try {
    await rename(tempDir, outDir);
  } catch (error) {
    await rename(previous, outDir);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
