/**
 * Imports a dataset as the course's active one: locate → validate (labels, then every image decoded) →
 * quality report → web payload with report.json → a timestamped copy of the report. Everything that can
 * reject the input runs before the payload builder, which itself only swaps in a complete payload, so a
 * failed import leaves the active dataset as it was.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { parseDatasetReport, REPORT_FILE, REPORT_FORMAT, type DatasetReport } from '../../../src/lib/datasetReport';
import type { DatasetInfo } from '../../../src/ml/manifest';
import { buildWebPayload, type WebPayloadSummary } from './buildWebPayload';
import { inspectImages } from './inspectImages';
import { locateDataset, type LocatedDataset } from './locateDataset';
import { buildQualityReport } from './qualityReport';
import { ARTICLE_CSV_FILE, ARTICLE_IMAGES_DIR, readArticleLayout, type ArticleLayout } from './readArticleLayout';
import { readUnlabelled, type UnlabelledImages } from './readUnlabelled';
import { stagePayloadSource } from './stagePayloadSource';

export interface ImportProgress {
  phase: 'extracting' | 'checking' | 'normalising' | 'packing' | 'encoding';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** A dataset folder, the folder above it, or a .zip of either (see locateDataset). */
  input: string;
  /** The payload folder to replace, e.g. public/data. */
  payloadDir: string;
  /** Where the timestamped copy of the report goes, e.g. data/reports; none when omitted. */
  reportsDir?: string;
  /** `origin` defaults to the input's name; `source` to "imported". */
  dataset: Omit<DatasetInfo, 'source' | 'origin'> & Partial<Pick<DatasetInfo, 'source' | 'origin'>>;
  /** Where zips are extracted and sources staged; default os.tmpdir(). */
  tempParent?: string;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** For tests: the clock that stamps the report. */
  now?: () => Date;
}

export interface ImportResult {
  report: DatasetReport;
  /** The timestamped copy under `reportsDir`, when one was asked for. */
  reportPath?: string;
  payload: WebPayloadSummary;
}

/** A rejected import; `reportPath` points at the report of what was found, when one was written. */
export class DatasetImportError extends Error {
  constructor(
    message: string,
    readonly reportPath?: string,
  ) {
    super(message);
    this.name = 'DatasetImportError';
  }
}

// Enough to name the problem files without flooding the terminal.
const MAX_LISTED = 10;

export async function importDataset(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const createdAt = (options.now ?? (() => new Date()))();
  const inputName = basename(options.input);
  const dataset: DatasetInfo = {
    source: 'imported',
    origin: `npm run dataset:import from ${inputName}`,
    ...options.dataset,
  };
  const progress = (phase: ImportProgress['phase']) => (done: number, total: number) => options.onProgress?.({ phase, done, total });

  const located = await locateDataset(options.input, { tempParent: options.tempParent, signal: options.signal, onProgress: progress('extracting') });
  try {
    const layout = await readArticleLayout(located.root, { csvPath: located.csvPath, imagesDir: located.imagesDir });
    if (layout.rows.length < 2) throw new Error(`${layout.csvPath} lists ${layout.rows.length} image; a split needs at least 2`);
    const unlabelled = located.unlabelled ? await readUnlabelled(located.unlabelled.csvPath, located.unlabelled.imagesDir) : { names: [], warnings: [] };
    const inspections = await inspectImages(layout.imagesDir, layout.rows.map((row) => row.name), { signal: options.signal, onProgress: progress('checking') });

    const findings = buildQualityReport(layout.rows, inspections);
    const relative = (text: string) => text.split(`${located.root}${sep}`).join('');
    const report: DatasetReport = {
      format: REPORT_FORMAT,
      createdAt: createdAt.toISOString(),
      dataset,
      input: { name: inputName, layout: located.layout, zip: located.zip },
      counts: { ...findings.counts, unlabelled: unlabelled.names.length },
      unlabelled: unlabelled.names,
      unlisted: unlistedFiles(layout, located, unlabelled),
      sizes: findings.sizes,
      normalised: 0,
      quality: findings.quality,
      splits: findings.splits,
      warnings: [...layoutWarnings(layout, located, unlabelled), ...unlabelled.warnings, ...findings.warnings].map(relative),
    };

    const unreadable = findings.quality.unreadable;
    if (unreadable.length > 0) {
      const reportPath = options.reportsDir ? await writeReportCopy(options.reportsDir, report) : undefined;
      const listed = unreadable.slice(0, MAX_LISTED).map(({ name, problem }) => `\n  ${join(layout.imagesDir, name)}: ${problem}`);
      const more = unreadable.length > MAX_LISTED ? `\n  … and ${unreadable.length - MAX_LISTED} more` : '';
      const seeReport = reportPath ? `\nThe report of what was found: ${reportPath}` : '';
      throw new DatasetImportError(`${unreadable.length} of ${layout.rows.length} images cannot be used, so nothing was imported:${listed.join('')}${more}${seeReport}`, reportPath);
    }

    const staged = await stagePayloadSource({
      isArticleLayout: located.layout === 'article' && located.imagesDir === join(located.root, ARTICLE_IMAGES_DIR),
      root: located.root,
      imagesDir: layout.imagesDir,
      rows: layout.rows,
      inspections,
      tempParent: options.tempParent,
      signal: options.signal,
      onProgress: progress('normalising'),
    });
    try {
      report.normalised = staged.normalised;
      let published = report;
      const payload = await buildWebPayload({
        sourceDir: staged.dir,
        outDir: options.payloadDir,
        dataset,
        duplicateGroups: findings.quality.duplicateGroups.map((group) => group.indices),
        onProgress: ({ phase, done, total }) => options.onProgress?.({ phase: phase === 'images' ? 'packing' : 'encoding', done, total }),
        extraFiles: ({ spriteBytes, originalBytes }) => {
          published = parseDatasetReport({ ...report, payload: { spriteBytes, originalBytes } });
          return { [REPORT_FILE]: `${JSON.stringify(published, null, 1)}\n` };
        },
        signal: options.signal,
      });
      const final = { ...published, seconds: (performance.now() - started) / 1000 };
      const reportPath = options.reportsDir ? await writeReportCopy(options.reportsDir, final) : undefined;
      return { report: final, reportPath, payload };
    } finally {
      await staged.cleanup();
    }
  } catch (error) {
    throw located.extractedTo ? renameExtractedPaths(error, located.extractedTo, resolve(options.input)) : error;
  } finally {
    await located.cleanup();
  }
}

/** Files in the image folders that no CSV names (Kaggle's test images, when they share images/, are named). */
function unlistedFiles(layout: ArticleLayout, located: LocatedDataset, unlabelled: UnlabelledImages): string[] {
  const inTestCsv = located.unlabelled?.imagesDir === layout.imagesDir ? new Set(unlabelled.names) : new Set<string>();
  return layout.unlisted.filter((name) => !inTestCsv.has(name));
}

function layoutWarnings(layout: ArticleLayout, located: LocatedDataset, unlabelled: UnlabelledImages): string[] {
  const unlisted = unlistedFiles(layout, located, unlabelled);
  if (unlisted.length === 0) return [];
  const shown = unlisted.slice(0, MAX_LISTED).join(', ') + (unlisted.length > MAX_LISTED ? `, … (${unlisted.length} in all)` : '');
  const csvName = located.layout === 'article' ? ARTICLE_CSV_FILE : basename(layout.csvPath);
  return [`${layout.imagesDir}${sep}: ${unlisted.length} file${unlisted.length === 1 ? '' : 's'} not named in ${csvName}, ignored: ${shown}`];
}

/** data/reports/<id>-<2025-01-31T12-00-00Z>.json */
async function writeReportCopy(reportsDir: string, report: DatasetReport): Promise<string> {
  await mkdir(reportsDir, { recursive: true });
  const stamp = report.createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const path = join(reportsDir, `${report.dataset.id}-${stamp}.json`);
  await writeFile(path, `${JSON.stringify(report, null, 1)}\n`);
  return path;
}

/** Errors about extracted files name them inside the zip ("Dataset.zip:Dataset/images/3.jpg"), not in a deleted temp folder. */
function renameExtractedPaths(error: unknown, extractedTo: string, zipPath: string): unknown {
  if (!(error instanceof Error) || !error.message.includes(extractedTo)) return error;
  const message = error.message.split(`${extractedTo}${sep}`).join(`${zipPath}:`);
  // Some errors (an abort's DOMException) have a read-only message; those get a copy.
  try {
    error.message = message;
    return error;
  } catch {
    return Object.assign(new Error(message, { cause: error }), { name: error.name });
  }
}
