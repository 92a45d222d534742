/**
 * The command line's importer: a path (a folder, the folder above it, a .zip of either, the Kaggle layout,
 * or two folders of photos) → the importer's core (src/importer/runImport.ts) with sharp → a staged payload
 * → the report's copy under data/reports → the swap into the payload folder. Everything that can fail
 * happens before the swap, so a failed import always leaves the active dataset as it was.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { DatasetReport } from '../../../src/lib/datasetReport';
import type { DatasetInfo, DatasetManifest } from '../../../src/ml/manifest';
import { withPrintableMessage } from '../../../src/importer/names';
import { DatasetImportError, runImport, type ImportProgress } from '../../../src/importer/runImport';
import { openNodeSource } from './nodeSource';
import { diskFullError, openPayloadFolder, type PayloadFileSystem } from './payloadFolder';
import { sharpCodec, type SharpCodecOptions } from './sharpCodec';

export { DatasetImportError, type ImportProgress } from '../../../src/importer/runImport';

export interface ImportOptions {
  /** A dataset folder, the folder above it, a .zip of either, or two folders of photos (see src/importer/layout.ts). */
  input: string;
  /** The payload folder to replace, e.g. public/data. */
  payloadDir: string;
  /** Where the timestamped copy of the report goes, e.g. data/reports; none when omitted. */
  reportsDir?: string;
  /** `origin` defaults to the input's name; `source` to "imported". */
  dataset: Omit<DatasetInfo, 'source' | 'origin'> & Partial<Pick<DatasetInfo, 'source' | 'origin'>>;
  /** Sprite-sheet sizes in px; default 32 and 64. */
  resolutions?: readonly number[];
  jpeg?: SharpCodecOptions;
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** For tests: the clock that stamps the report. */
  now?: () => Date;
  /** For tests: where the payload's files are written (to make a write fail as a full disk does). */
  payloadFileSystem?: PayloadFileSystem;
}

export interface WebPayloadSummary {
  outDir: string;
  manifest: DatasetManifest;
  /** Total bytes of the sprite sheets per size, e.g. { 32: …, 64: … }. */
  spriteBytes: Record<number, number>;
  /** Total bytes of the 224 × 224 originals. */
  originalBytes: number;
  seconds: number;
}

export interface ImportResult {
  report: DatasetReport;
  /** The timestamped copy under `reportsDir`, when one was asked for. */
  reportPath?: string;
  payload: WebPayloadSummary;
  /** What could not be tidied up after the new dataset became active (the next start removes it). */
  warnings: string[];
}

/** Its messages are printable as they are: paths in them may hold escape codes (see src/importer/names.ts). */
export async function importDataset(options: ImportOptions): Promise<ImportResult> {
  return importIntoFolder(options).catch((error: unknown) => {
    throw withPrintableMessage(error);
  });
}

async function importIntoFolder(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const inputName = basename(resolve(options.input));
  const dataset: DatasetInfo = { source: 'imported', origin: `npm run dataset:import from ${inputName}`, ...options.dataset };
  const outDir = resolve(options.payloadDir);
  const source = await openNodeSource(options.input);
  try {
    const folder = await openPayloadFolder(outDir, { input: resolve(options.input), fileSystem: options.payloadFileSystem });
    try {
      const outcome = await runImport({
        source,
        codec: sharpCodec(options.jpeg),
        target: folder.target,
        dataset,
        inputName,
        spriteSizes: options.resolutions,
        concurrency: options.concurrency,
        signal: options.signal,
        onProgress: options.onProgress,
        now: options.now,
      }).catch(async (error: unknown) => {
        if (error instanceof DatasetImportError && error.report && options.reportsDir) {
          // The reason the import was refused comes first, whether or not its report could be kept.
          const reportPath = await writeReportCopy(options.reportsDir, error.report).catch((copyError: Error) => {
            throw new DatasetImportError(`${error.message}\nThe report of what was found could not be kept: ${copyError.message}`, error.report);
          });
          throw Object.assign(new DatasetImportError(`${error.message}\nThe report of what was found: ${reportPath}`, error.report), { reportPath });
        }
        throw error;
      });
      // The last step that can fail before the swap; after it nothing else is written, and nothing throws.
      const reportPath = options.reportsDir ? await writeReportCopy(options.reportsDir, outcome.report) : undefined;
      const warnings = await folder.commit();
      warnings.push(...(await folder.close()));
      await source.close?.().catch(() => undefined);
      const payload = { outDir, manifest: outcome.manifest, spriteBytes: outcome.spriteBytes, originalBytes: outcome.originalBytes, seconds: (performance.now() - started) / 1000 };
      return { report: outcome.report, reportPath, payload, warnings };
    } catch (error) {
      await folder.close();
      throw error;
    }
  } catch (error) {
    await source.close?.();
    throw error;
  }
}

/** data/reports/<id>-<2025-01-31T12-00-00Z>.json */
async function writeReportCopy(reportsDir: string, report: DatasetReport): Promise<string> {
  const stamp = report.createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const path = join(reportsDir, `${report.dataset.id}-${stamp}.json`);
  try {
    await mkdir(reportsDir, { recursive: true });
    await writeFile(path, `${JSON.stringify(report, null, 1)}\n`);
  } catch (error) {
    throw diskFullError(error as NodeJS.ErrnoException, path) ?? new Error(`cannot write the report's copy ${path}: ${(error as Error).message}`);
  }
  return path;
}
