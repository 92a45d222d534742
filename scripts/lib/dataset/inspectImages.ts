/**
 * Decodes every image once, before anything is written: whether it is readable, its size and colour
 * space, and two fingerprints: SHA-256 of the file's bytes and of its decoded RGB pixels.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { forEachConcurrently } from '../forEachConcurrently';

export interface ImageInspection {
  name: string;
  fileSha256: string;
  /** Undefined when the image cannot be decoded; `problem` says why. */
  pixelSha256?: string;
  problem?: string;
  format: string;
  width: number;
  height: number;
  channels: number;
  /** libvips' interpretation: "srgb", "b-w" (grey), "cmyk", … */
  space: string;
  hasAlpha: boolean;
}

export interface InspectOptions {
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

// Decoding is mostly libvips work on its own threads; a few files in flight keep it busy.
const DEFAULT_CONCURRENCY = 4;

export async function inspectImages(imagesDir: string, names: readonly string[], options: InspectOptions = {}): Promise<ImageInspection[]> {
  const inspections: ImageInspection[] = new Array(names.length);
  let done = 0;
  await forEachConcurrently(names.length, options.concurrency ?? DEFAULT_CONCURRENCY, options.signal, async (index) => {
    inspections[index] = await inspectImage(imagesDir, names[index]);
    options.onProgress?.(++done, names.length);
  });
  return inspections;
}

export async function inspectImage(imagesDir: string, name: string): Promise<ImageInspection> {
  const file = await readFile(join(imagesDir, name));
  const fileSha256 = createHash('sha256').update(file).digest('hex');
  const unreadable = { name, fileSha256, format: 'unknown', width: 0, height: 0, channels: 0, space: 'unknown', hasAlpha: false };
  try {
    const metadata = await sharp(file).metadata();
    // The same decode as the payload builder's (alpha dropped, sRGB), so "identical" means identical to the network.
    const { data, info } = await sharp(file).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    const pixelSha256 = createHash('sha256').update(`${info.width}x${info.height}x${info.channels}:`).update(data).digest('hex');
    return {
      name,
      fileSha256,
      pixelSha256,
      format: metadata.format ?? 'unknown',
      width: info.width,
      height: info.height,
      channels: metadata.channels ?? 0,
      space: metadata.space ?? 'unknown',
      hasAlpha: metadata.hasAlpha ?? false,
    };
  } catch (error) {
    return { ...unreadable, problem: describeDecodeError(file, (error as Error).message) };
  }
}

/** sharp's messages in words a dataset author recognises. */
function describeDecodeError(file: Buffer, message: string): string {
  if (file.length === 0) return 'empty file';
  if (/unsupported image format/i.test(message)) return 'not an image (unsupported or unknown file format)';
  // sharp fails on decoder warnings (failOn: 'warning', as the payload builder does), which is how truncation shows.
  if (/failOn/.test(message)) return 'corrupt or truncated image (the JPEG decoder reported damaged or missing data)';
  if (/premature end|truncated|corrupt/i.test(message)) return `corrupt or truncated image (${message.replace(/\s+/g, ' ').trim()})`;
  return `cannot decode: ${message.replace(/\s+/g, ' ').trim()}`;
}
