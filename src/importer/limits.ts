/**
 * What the importer accepts, by size, before it reads anything: far above any real image dataset, low enough
 * that a zip bomb or a mistaken file is refused by its declared size instead of filling memory or a disk.
 */

/** One image file: a 24-megapixel JPEG is about 10 MB. */
export const MAX_IMAGE_BYTES = 50e6;
/**
 * Pixels of one image, read from its header before it is decoded: a 50-megapixel camera's photo. A few-KB PNG
 * can declare 16000 × 16000 pixels, which decode to 1 GB (four decoded at once would exhaust a laptop or a tab).
 */
export const MAX_IMAGE_PIXELS = 50e6;
/** A label file: the article's is 30 KB for 2352 rows. */
export const MAX_LABEL_FILE_BYTES = 64e6;
/** Everything the import reads, in all. */
export const MAX_DATASET_BYTES = 8 * 1024 ** 3;
/** Images in one dataset. */
export const MAX_IMAGES = 200_000;

/** "60.0 MB", "1000 bytes", "9.00 GB". */
export function formatSize(bytes: number): string {
  if (bytes < 1e4) return `${bytes} bytes`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} KB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}
