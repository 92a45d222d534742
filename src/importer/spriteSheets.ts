/**
 * Packs resized images into sprite sheets (square sheets of tiles, at most 1024 px across: cheap to decode and
 * within every browser's canvas limits), named by content hash so browsers may cache them forever.
 */
import type { SpriteShard, SpriteSheetResolution } from '../ml/manifest';
import { rgbSheetFromTiles, spriteSheetDimensions } from '../ml/sprites';
import { sha256Hex, type ImageCodec } from './codec';
import { forEachConcurrently } from '../lib/forEachConcurrently';

export const DEFAULT_SPRITE_SIZES = [32, 64] as const;
const MAX_SHEET_WIDTH = 1024;

export function checkSpriteSizes(sizes: readonly number[], originalEdge: number): number[] {
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_SHEET_WIDTH) throw new Error(`sprite size must be an integer from 1 to ${MAX_SHEET_WIDTH} px, got ${size}`);
    if (size === originalEdge) throw new Error(`sprite size ${size} equals the originals' size; the originals already serve ${size}x${size}`);
  }
  if (new Set(sizes).size !== sizes.length) throw new Error(`sprite sizes must be distinct, got ${sizes.join(', ')}`);
  return [...sizes];
}

function tilesPerRowFor(size: number): number {
  return Math.max(1, Math.floor(MAX_SHEET_WIDTH / size));
}

export interface SheetOptions {
  tiles: Map<number, Uint8Array>;
  count: number;
  codec: ImageCodec;
  write(file: string, bytes: Uint8Array): Promise<void>;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Encodes and writes every sheet; returns each size's resolution for the manifest and the bytes per size. */
export async function writeSpriteSheets(options: SheetOptions): Promise<{ resolutions: Record<string, SpriteSheetResolution>; spriteBytes: Record<number, number> }> {
  const { count } = options;
  const jobs = [...options.tiles.keys()].flatMap((size) => {
    const tilesPerRow = tilesPerRowFor(size);
    const perSheet = tilesPerRow * tilesPerRow;
    return Array.from({ length: Math.ceil(count / perSheet) }, (_, index) => ({ size, index, tilesPerRow, first: index * perSheet, count: Math.min(perSheet, count - index * perSheet) }));
  });
  const shards = new Map([...options.tiles.keys()].map((size) => [size, [] as SpriteShard[]]));
  const spriteBytes: Record<number, number> = {};
  let done = 0;
  await forEachConcurrently(jobs.length, options.concurrency ?? 2, options.signal, async (jobIndex) => {
    const job = jobs[jobIndex]!;
    const rgb = rgbSheetFromTiles(options.tiles.get(job.size)!, job.size, job.tilesPerRow, job.first, job.count);
    const { width, height } = spriteSheetDimensions(job.size, job.tilesPerRow, job.count);
    const { bytes, extension } = await options.codec.encodeSheet({ width, height, rgb });
    const sha256 = await sha256Hex(bytes);
    const file = `x${job.size}-${job.index}-${sha256.slice(0, 8)}.${extension}`;
    await options.write(file, bytes);
    shards.get(job.size)![job.index] = { file, first: job.first, count: job.count, bytes: bytes.length, sha256 };
    spriteBytes[job.size] = (spriteBytes[job.size] ?? 0) + bytes.length;
    options.onProgress?.(++done, jobs.length);
  });
  const resolutions: Record<string, SpriteSheetResolution> = {};
  for (const [size, list] of shards) resolutions[String(size)] = { size, tilesPerRow: tilesPerRowFor(size), shards: list };
  return { resolutions, spriteBytes };
}
