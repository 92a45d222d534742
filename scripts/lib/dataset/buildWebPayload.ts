/**
 * Builds the browser's dataset payload from a dataset folder, with the importer's checks (see importDataset.ts):
 *   manifest.json, report.json, JPEG sprite sheets at small sizes (x32-*.jpg, x64-*.jpg), the 224 originals in images/.
 * The payload is staged beside the target and swapped in only when complete (see payloadFolder.ts).
 */
import type { DatasetInfo } from '../../../src/ml/manifest';
import { importDataset, type WebPayloadSummary } from './importDataset';
import type { SharpCodecOptions } from './sharpCodec';

export { DEFAULT_JPEG_QUALITY } from './sharpCodec';
export { DEFAULT_SPRITE_SIZES } from '../../../src/importer/spriteSheets';
export type { WebPayloadSummary } from './importDataset';

export interface BuildProgress {
  /** "images": decoding, resizing and copying originals; "shards": encoding sprite sheets. */
  phase: 'images' | 'shards';
  done: number;
  total: number;
}

export interface BuildWebPayloadOptions {
  sourceDir: string;
  /** Payload folder; replaced as a whole, so it must be empty, missing, or an earlier payload. */
  outDir: string;
  dataset: DatasetInfo;
  /** Sprite-sheet sizes in px; default 32 and 64. */
  resolutions?: readonly number[];
  jpegQuality?: number;
  chromaSubsampling?: SharpCodecOptions['chromaSubsampling'];
  concurrency?: number;
  onProgress?: (progress: BuildProgress) => void;
  signal?: AbortSignal;
}

export async function buildWebPayload(options: BuildWebPayloadOptions): Promise<WebPayloadSummary> {
  const { payload } = await importDataset({
    input: options.sourceDir,
    payloadDir: options.outDir,
    dataset: options.dataset,
    resolutions: options.resolutions,
    jpeg: { jpegQuality: options.jpegQuality, chromaSubsampling: options.chromaSubsampling },
    concurrency: options.concurrency,
    signal: options.signal,
    onProgress: ({ phase, done, total }) => {
      if (phase !== 'reading') options.onProgress?.({ phase: phase === 'packing' ? 'images' : 'shards', done, total });
    },
  });
  return payload;
}
