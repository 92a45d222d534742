/**
 * The importer, the same in Node and in the browser: locate the layout → read and check the labels →
 * check the files → one pass over the images (decode, fingerprint, resize, originals) → the quality
 * report → sprite sheets, manifest and report. Everything goes to `target`, a staging area the caller
 * commits only when this returns; a rejected import throws before the caller makes anything visible.
 */
import { parseDatasetReport, REPORT_FILE, REPORT_FORMAT, type DatasetReport } from '../lib/datasetReport';
import { MANIFEST_FILE, MANIFEST_FORMAT, parseManifest, type DatasetInfo, type DatasetManifest, type Resolution } from '../ml/manifest';
import type { ImageCodec } from './codec';
import { checkImageFiles } from './checkFiles';
import { readLabelledImages, readUnlabelled, type LabelledImages } from './labels';
import { ARTICLE_CSV_FILE, ARTICLE_IMAGES_DIR, locateLayout, type Layout } from './layout';
import { printable, withPrintableMessage } from './names';
import { ORIGINAL_EDGE, packImages } from './packImages';
import { buildQualityReport } from './qualityReport';
import type { DatasetSource } from './source';
import { checkSpriteSizes, DEFAULT_SPRITE_SIZES, writeSpriteSheets } from './spriteSheets';

const CLASS_NAMES = ['non-emergency', 'emergency'];

export interface ImportProgress {
  phase: 'reading' | 'packing' | 'encoding';
  done: number;
  total: number;
}

/** Where the payload is written: paths like "manifest.json", "x64-0-1a2b3c4d.jpg", "images/0.jpg". */
export interface ImportTarget {
  write(path: string, data: Uint8Array | string): Promise<void>;
}

export interface RunImportOptions {
  source: DatasetSource;
  codec: ImageCodec;
  target: ImportTarget;
  dataset: DatasetInfo;
  /** The file or folder name the reader chose (the report never records a full path). */
  inputName: string;
  spriteSizes?: readonly number[];
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  now?: () => Date;
}

export interface ImportOutcome {
  report: DatasetReport;
  manifest: DatasetManifest;
  spriteBytes: Record<number, number>;
  originalBytes: number;
}

/** A rejected import; `report` is what was found, when the import got as far as looking at every image. */
export class DatasetImportError extends Error {
  constructor(
    message: string,
    readonly report?: DatasetReport,
  ) {
    super(message);
    this.name = 'DatasetImportError';
  }
}

// Enough to name the problem files without flooding a terminal.
const MAX_LISTED = 10;

/** Every message it throws is printable: names and paths in it come from strangers' archives (see names.ts). */
export async function runImport(options: RunImportOptions): Promise<ImportOutcome> {
  return importPayload(options).catch((error: unknown) => {
    throw withPrintableMessage(error);
  });
}

async function importPayload(options: RunImportOptions): Promise<ImportOutcome> {
  const started = performance.now();
  const createdAt = (options.now ?? (() => new Date()))();
  const { source, signal } = options;
  const progress = (phase: ImportProgress['phase']) => (done: number, total: number) => options.onProgress?.({ phase, done, total });
  const spriteSizes = checkSpriteSizes(options.spriteSizes ?? DEFAULT_SPRITE_SIZES, ORIGINAL_EDGE);

  progress('reading')(0, 1);
  const layout = await locateLayout(source);
  const labelled = await readLabelledImages(source, layout);
  if (labelled.rows.length < 2) throw new Error(`${source.where(layout.kind === 'folders' ? layout.root : layout.csvPath)} lists ${labelled.rows.length} image; a split needs at least 2`);
  const unlabelled = await readUnlabelled(source, layout);
  await checkImageFiles(source, labelled.rows);
  signal?.throwIfAborted();
  progress('reading')(1, 1);

  const { inspections, tiles } = await packImages({
    source,
    rows: labelled.rows,
    codec: options.codec,
    spriteSizes,
    writeOriginal: (name, bytes) => options.target.write(`${ARTICLE_IMAGES_DIR}/${name}`, bytes),
    concurrency: options.concurrency,
    signal,
    onProgress: progress('packing'),
  });
  const findings = buildQualityReport(labelled.rows, inspections, labelled.orderSource);
  const report: DatasetReport = {
    format: REPORT_FORMAT,
    createdAt: createdAt.toISOString(),
    dataset: options.dataset,
    input: { name: options.inputName, layout: layout.kind, zip: source.isZip },
    counts: { ...findings.counts, unlabelled: unlabelled.names.length },
    unlabelled: unlabelled.names,
    unlisted: unlistedFiles(labelled, layout, unlabelled.names),
    sizes: findings.sizes,
    normalised: inspections.filter((inspection) => inspection.normalised).length,
    quality: findings.quality,
    splits: findings.splits,
    warnings: [...layoutWarnings(labelled, layout, unlabelled.names), ...labelled.warnings, ...unlabelled.warnings, ...findings.warnings].map((warning) => relativeTo(layout.root, warning)),
  };

  const unreadable = findings.quality.unreadable;
  if (unreadable.length > 0) {
    const pathOf = new Map(labelled.rows.map((row) => [row.name, row.path]));
    const listed = unreadable.slice(0, MAX_LISTED).map(({ name, problem }) => `\n  ${source.where(pathOf.get(name)!)}: ${problem}`);
    const more = unreadable.length > MAX_LISTED ? `\n  … and ${unreadable.length - MAX_LISTED} more` : '';
    throw new DatasetImportError(`${unreadable.length} of ${labelled.rows.length} images cannot be used, so nothing was imported:${listed.join('')}${more}`, report);
  }

  const sheets = await writeSpriteSheets({ tiles, count: labelled.rows.length, codec: options.codec, write: (file, bytes) => options.target.write(file, bytes), concurrency: 2, signal, onProgress: progress('encoding') });
  const resolutions: Record<string, Resolution> = { ...sheets.resolutions, [String(ORIGINAL_EDGE)]: { size: ORIGINAL_EDGE, directory: `${ARTICLE_IMAGES_DIR}/` } };
  const duplicateGroups = findings.quality.duplicateGroups.map((group) => group.indices);
  // Validated with the parser the browser uses, before anything is published.
  const manifest = parseManifest({
    format: MANIFEST_FORMAT,
    dataset: options.dataset,
    count: labelled.rows.length,
    classes: CLASS_NAMES,
    names: labelled.rows.map((row) => row.name),
    labels: labelled.rows.map((row) => row.label),
    resolutions,
    ...(duplicateGroups.length ? { duplicateGroups } : {}),
  });
  const originalBytes = inspections.reduce((sum, inspection) => sum + inspection.originalBytes, 0);
  const published = parseDatasetReport({ ...report, payload: { spriteBytes: sheets.spriteBytes, originalBytes }, seconds: (performance.now() - started) / 1000 });
  signal?.throwIfAborted();
  await options.target.write(MANIFEST_FILE, `${JSON.stringify(manifest)}\n`);
  await options.target.write(REPORT_FILE, `${JSON.stringify(published, null, 1)}\n`);
  return { report: published, manifest, spriteBytes: sheets.spriteBytes, originalBytes };
}

/** Files in the image folders that no CSV names (Kaggle's test images, when they share images/, are named). */
function unlistedFiles(labelled: LabelledImages, layout: Layout, unlabelled: string[]): string[] {
  const inTestCsv = layout.kind === 'kaggle' && layout.unlabelled?.imagesDir === layout.imagesDir ? new Set(unlabelled) : new Set<string>();
  return labelled.unlisted.filter((name) => !inTestCsv.has(name));
}

function layoutWarnings(labelled: LabelledImages, layout: Layout, unlabelled: string[]): string[] {
  const unlisted = unlistedFiles(labelled, layout, unlabelled);
  if (unlisted.length === 0) return [];
  const shown = unlisted.slice(0, MAX_LISTED).map(printable).join(', ') + (unlisted.length > MAX_LISTED ? `, … (${unlisted.length} in all)` : '');
  const files = `${unlisted.length} file${unlisted.length === 1 ? '' : 's'}`;
  if (layout.kind === 'folders') return [`${files} in the photo folders ignored (not JPEG, PNG or WebP): ${shown}`];
  const csvName = layout.kind === 'article' ? ARTICLE_CSV_FILE : layout.csvPath.split('/').pop();
  return [`${layout.imagesDir}/: ${files} not named in ${csvName}, ignored: ${shown}`];
}

/** Warnings name paths inside the dataset's folder ("images/: …"), never where it was on the importer's machine. */
function relativeTo(root: string, warning: string): string {
  return root === '' ? warning : warning.split(`${root}/`).join('');
}
