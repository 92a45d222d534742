import { ImageSet } from './imageSet';
import { isSpriteSheetResolution, MANIFEST_FILE, parseManifest, type DatasetManifest, type Resolution } from './manifest';
import { tilesFromRgba } from './sprites';
import { withTrailingSlash } from '../lib/siteBase';
import { forEachConcurrently } from '../lib/forEachConcurrently';

export interface LoadProgress {
  phase: 'manifest' | 'images';
  /** Files fetched and decoded so far, out of `total`. */
  done: number;
  total: number;
  bytes: number;
}

export interface LoadDatasetOptions {
  /** Image side in pixels: one of the manifest's resolutions (32, 64 or 224 for the course's payloads). */
  resolution?: number;
  onProgress?: (progress: LoadProgress) => void;
  fetch?: typeof globalThis.fetch;
}

export interface LoadedDataset {
  images: ImageSet;
  manifest: DatasetManifest;
  /** Bytes fetched (before the browser cache, i.e. what the payload costs on the wire). */
  bytes: number;
  milliseconds: number;
}

/**
 * Fetches the dataset payload under `baseUrl` (a folder holding manifest.json) and decodes it
 * to packed RGB bytes: sprite sheets for the small resolutions, one JPEG per image for 224.
 * Uses createImageBitmap and OffscreenCanvas, so it also runs in a worker.
 */
export async function loadDataset(baseUrl: string, options: LoadDatasetOptions = {}): Promise<LoadedDataset> {
  const started = performance.now();
  const fetchFile = options.fetch ?? globalThis.fetch.bind(globalThis);
  const folder = withTrailingSlash(baseUrl);
  const resolution = options.resolution ?? 64;
  options.onProgress?.({ phase: 'manifest', done: 0, total: 1, bytes: 0 });

  const manifestResponse = await fetchFile(`${folder}${MANIFEST_FILE}`);
  if (!manifestResponse.ok) throw new Error(`cannot load the dataset: ${folder}${MANIFEST_FILE} answered ${manifestResponse.status} ${manifestResponse.statusText}`);
  const manifest = parseManifest(await manifestResponse.json());
  const chosen: Resolution | undefined = manifest.resolutions[String(resolution)];
  if (!chosen) {
    throw new Error(`invalid resolution: ${resolution} (this dataset offers ${Object.keys(manifest.resolutions).join(', ')})`);
  }

  const size = chosen.size;
  const pixels = new Uint8Array(manifest.count * size * size * 3);
  let bytes = 0;
  let done = 0;
  const jobs: (() => Promise<void>)[] = isSpriteSheetResolution(chosen)
    ? chosen.shards.map((shard) => async () => {
        const blob = await fetchBlob(fetchFile, `${folder}${shard.file}`);
        bytes += blob.size;
        const { rgba, width } = await decodeImage(blob);
        tilesFromRgba(rgba, width, size, chosen.tilesPerRow, shard.count, pixels, shard.first);
      })
    : manifest.names.map((name, index) => async () => {
        const blob = await fetchBlob(fetchFile, originalUrl(folder, chosen, name), size);
        bytes += blob.size;
        const { rgba, width, height } = await decodeImage(blob, size);
        if (width !== size || height !== size) throw new Error(`${name}: decoded to ${width}×${height}, expected ${size}×${size}`);
        tilesFromRgba(rgba, size, size, 1, 1, pixels, index);
      });
  const total = jobs.length;
  await forEachConcurrently(total, isSpriteSheetResolution(chosen) ? 4 : 12, undefined, async (index) => {
    await jobs[index]!();
    done++;
    options.onProgress?.({ phase: 'images', done, total, bytes });
  });

  const labels = Uint8Array.from(manifest.labels);
  const images = new ImageSet(size, pixels, labels, manifest.names, manifest.classes as [string, string]);
  return { images, manifest, bytes, milliseconds: performance.now() - started };
}

/** The address of one original: the name encoded, since "#", "?" and "%" are legal in file names and not in a URL's path. */
export function originalUrl(folder: string, resolution: { directory: string }, name: string): string {
  return `${folder}${resolution.directory}${encodeURIComponent(name)}`;
}

/** `original`: the size a side of the one-file-per-image resolution being loaded (not saved for offline use). */
async function fetchBlob(fetchFile: typeof globalThis.fetch, url: string, original?: number): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchFile(url);
  } catch (error) {
    // fetch rejects (Chromium: "Failed to fetch") when neither the network nor the offline copy has the file.
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(original
      ? `cannot load the ${original}×${original} images: they are not saved for offline use (the course saves the 32 and 64 px sheets), and the network cannot be reached (${url}: ${cause}). ` +
        'Run the cell again once the page is online (the images are then kept for next time), or load the dataset at resolution 64.'
      : `cannot load ${url}: the network cannot be reached and this file is not saved for offline use (${cause}). Run the cell again once the page is online.`);
  }
  if (!response.ok) throw new Error(`cannot load ${url}: the server answered ${response.status} ${response.statusText}`);
  return response.blob();
}

/** Decodes an image file to RGBA bytes, optionally resized to a square of `size` px. */
async function decodeImage(blob: Blob, size?: number): Promise<{ rgba: Uint8ClampedArray; width: number; height: number }> {
  const bitmap = await createImageBitmap(blob, size ? { resizeWidth: size, resizeHeight: size, resizeQuality: 'high' } : {});
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('this browser cannot decode images (no 2D canvas)');
    context.drawImage(bitmap, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return { rgba: data, width, height };
  } finally {
    bitmap.close();
  }
}
