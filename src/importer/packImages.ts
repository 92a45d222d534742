/**
 * One pass over the images: read each file, check it, decode it once, fingerprint it (file and pixels),
 * turn it upright, resize it to every sprite size, and write its 224 × 224 original. Unreadable images are
 * collected (the report lists them all) rather than stopping the pass at the first.
 */
import { sha256Hex, type ImageCodec } from './codec';
import { forEachConcurrently } from '../lib/forEachConcurrently';
import { checkImageFile, orientedSize, orientPixels, withoutOrientation, type ImageInfo } from './imageFile';
import type { LabeledImage } from './labels';
import { MAX_IMAGE_PIXELS } from './limits';
import type { DatasetSource } from './source';

/** The course's 224 resolution serves the originals; an original of another shape is re-encoded at this size. */
export const ORIGINAL_EDGE = 224;

export interface ImageInspection {
  name: string;
  fileSha256: string;
  /** Undefined when the image cannot be used; `problem` says why. */
  pixelSha256?: string;
  problem?: string;
  format: string;
  /** As displayed (EXIF orientation applied). */
  width: number;
  height: number;
  channels: number;
  space: string;
  hasAlpha: boolean;
  orientation: number;
  /** The original was re-encoded as a 224 × 224 RGB JPEG. */
  normalised: boolean;
  originalBytes: number;
}

export interface PackedImages {
  inspections: ImageInspection[];
  /** Per sprite size: count × size × size × 3 RGB bytes, in row order. */
  tiles: Map<number, Uint8Array>;
}

export interface PackImagesOptions {
  source: DatasetSource;
  rows: readonly LabeledImage[];
  codec: ImageCodec;
  spriteSizes: readonly number[];
  /** Where the 224 × 224 originals go: "images/<name>" in the payload. */
  writeOriginal(name: string, bytes: Uint8Array): Promise<void>;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Already what the 224 resolution serves: a 224 × 224 RGB JPEG without transparency or rotation. */
function isArticleOriginal(info: ImageInfo): boolean {
  return info.format === 'jpeg' && info.width === ORIGINAL_EDGE && info.height === ORIGINAL_EDGE && isPlainRgb(info) && info.orientation === 1;
}

export function isPlainRgb(inspection: Pick<ImageInfo, 'channels' | 'space' | 'hasAlpha'>): boolean {
  return inspection.channels === 3 && inspection.space === 'srgb' && !inspection.hasAlpha;
}

export async function packImages(options: PackImagesOptions): Promise<PackedImages> {
  const { rows, codec, spriteSizes } = options;
  const tiles = new Map(spriteSizes.map((size) => [size, new Uint8Array(rows.length * size * size * 3)]));
  const inspections: ImageInspection[] = new Array(rows.length);
  let done = 0;
  await forEachConcurrently(rows.length, options.concurrency ?? 4, options.signal, async (index) => {
    const { name, path } = rows[index]!;
    const bytes = await options.source.read(path, options.signal);
    const fileSha256 = await sha256Hex(bytes);
    const checked = checkImageFile(bytes);
    const unusable = { name, fileSha256, format: checked.info?.format ?? 'unknown', width: 0, height: 0, channels: 0, space: 'unknown', hasAlpha: false, orientation: 1, normalised: false, originalBytes: 0 };
    if (!checked.info) {
      inspections[index] = { ...unusable, problem: checked.problem };
    } else if (checked.info.width * checked.info.height > MAX_IMAGE_PIXELS) {
      const { width, height } = checked.info;
      inspections[index] = { ...unusable, problem: `${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels) by its header; an image may have at most ${MAX_IMAGE_PIXELS / 1e6} megapixels, so it was not decoded` };
    } else {
      const info = checked.info;
      let decoded;
      try {
        decoded = await codec.decode(withoutOrientation(bytes, info));
      } catch (error) {
        decoded = undefined;
        inspections[index] = { ...unusable, problem: `cannot decode: ${String((error as Error).message ?? error).replace(/\s+/g, ' ').trim()}` };
      }
      if (decoded) {
        if (decoded.width !== info.width || decoded.height !== info.height) {
          inspections[index] = { ...unusable, problem: `corrupt image (it decodes to ${decoded.width}×${decoded.height} pixels, its header says ${info.width}×${info.height})` };
          decoded = undefined;
        }
      }
      if (decoded) {
        const upright = orientPixels(decoded.rgb, decoded.width, decoded.height, info.orientation);
        const pixelSha256 = await sha256Hex(`${upright.width}x${upright.height}x3:`, upright.rgb);
        for (const [size, target] of tiles) target.set(await codec.resize(upright, size), index * size * size * 3);
        const normalised = !isArticleOriginal(info);
        const original = normalised ? await codec.encodeJpeg({ width: ORIGINAL_EDGE, height: ORIGINAL_EDGE, rgb: await codec.resize(upright, ORIGINAL_EDGE) }) : bytes;
        await options.writeOriginal(name, original);
        const { width, height } = orientedSize(info);
        const { orientationAt: _, ...described } = info;
        inspections[index] = { ...described, name, fileSha256, pixelSha256, width, height, normalised, originalBytes: original.length };
      }
    }
    options.onProgress?.(++done, rows.length);
  });
  return { inspections, tiles };
}
