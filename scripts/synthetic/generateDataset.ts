/**
 * Writes a synthetic stand-in for the article's dataset, in its exact layout:
 *   outDir/emergency_classification.csv   (image_names,emergency_or_not)
 *   outDir/images/0.jpg … images/{count-1}.jpg   (224×224 RGB JPEG)
 *   outDir/generator.json                 (how it was made)
 *
 * The label list is a seeded shuffle (exact emergency count, classes interleaved);
 * image i is then a pure function of (seed, i, label i), so rendering can run in
 * any order or in parallel and still give identical bytes.
 */
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { createRandom, type Random } from '../../src/lib/random.ts';
import { buildScene, DEFAULT_SCENE_PARAMS, type SceneParams, SIZE } from './scene.ts';
import { forEachConcurrently } from '../../src/lib/forEachConcurrently';

/** Bump when the drawings change, so a cached dataset can tell it is stale. */
export const GENERATOR_VERSION = 3;
/**
 * Fewer images than the article's 2352 and some wrong labels, so that the lessons' plain MLP
 * overfits within their epochs the way it does on the real photos (validation loss bottoms out,
 * then rises), which is what every later lesson fights; measured with `npm run claims` (README,
 * "Seeds and claims"). Fewer images also make every lesson run about twice as fast.
 */
export const DEFAULT_COUNT = 1200;
export const DEFAULT_EMERGENCY_FRACTION = 991 / 2352;
/** Share of images whose CSV label is the other class (hand-labelled photo sets have such mistakes). */
export const DEFAULT_LABEL_NOISE = 0.15;
export const CSV_NAME = 'emergency_classification.csv';
export const CSV_HEADER = 'image_names,emergency_or_not';

export interface GenerateOptions {
  outDir: string;
  count?: number;
  seed?: number;
  emergencyFraction?: number;
  /** Share of images labelled as the other class in the CSV (the drawing keeps its true class). */
  labelNoise?: number;
  onProgress?: (done: number, total: number) => void;
  /** Images rendered at once (default 2: the machines have two cores). */
  concurrency?: number;
  /** Difficulty knobs; only the tuning tools override them. */
  sceneParams?: SceneParams;
}

export interface GenerateResult {
  count: number;
  emergency: number;
  /** Images whose CSV label is not the class drawn. */
  mislabelled: number;
  outDir: string;
}

/** murmur3's 32-bit finaliser: spreads (seed, index) into unrelated PRNG seeds. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const imageSeed = (seed: number, index: number, stream = 0): number =>
  mix32((mix32(seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream + 1, 0x27d4eb2f)) >>> 0);

/** Labels in CSV order: exactly round(count × fraction) ones, shuffled by the seed. */
export function planLabels(count: number, seed: number, emergencyFraction: number): number[] {
  const emergency = Math.round(count * emergencyFraction);
  const labels = Array.from({ length: count }, (_, i) => (i < emergency ? 1 : 0));
  return createRandom(imageSeed(seed, 0xffffffff, 1)).shuffle(labels);
}

/** Which images get the wrong label in the CSV: a seeded draw per image, independent of the drawings. */
export function planMislabels(count: number, seed: number, labelNoise: number): boolean[] {
  const random = createRandom(imageSeed(seed, 0xfffffffe, 3));
  return Array.from({ length: count }, () => random.next() < labelNoise);
}

/** Applies the tone curve, then luminance grain (same offset in all channels, like sensor noise). */
function develop(rng: Random, pixels: Buffer, gamma: number, sigma: number): void {
  const curve = Float32Array.from({ length: 256 }, (_, v) => 255 * Math.pow(v / 255, gamma));
  for (let p = 0; p < pixels.length; p += 3) {
    const d = sigma > 0 ? (rng.next() + rng.next() + rng.next() - 1.5) * 2 * sigma : 0;
    for (let c = 0; c < 3; c++) {
      const v = curve[pixels[p + c]!]! + d;
      pixels[p + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
}

/** Renders image `index` of dataset `seed` with the given label; returns JPEG bytes. */
export async function renderImage(seed: number, index: number, label: number, params: SceneParams = DEFAULT_SCENE_PARAMS): Promise<Buffer> {
  const rng = createRandom(imageSeed(seed, index));
  const scene = buildScene(rng, label === 1, params);
  let img = sharp(Buffer.from(scene.svg)).flatten({ background: '#808080' }).modulate({ brightness: scene.post.brightness, saturation: scene.post.saturation, hue: scene.post.hue });
  if (scene.post.blur >= 0.3) img = img.blur(scene.post.blur);
  const { data, info } = await img.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.width !== SIZE || info.height !== SIZE || info.channels !== 3) {
    throw new Error(`image ${index}: rendered ${info.width}x${info.height}x${info.channels}, expected ${SIZE}x${SIZE}x3`);
  }
  develop(createRandom(imageSeed(seed, index, 2)), data, scene.post.gamma, scene.post.grain);
  return sharp(data, { raw: { width: SIZE, height: SIZE, channels: 3 } }).jpeg({ quality: 90, chromaSubsampling: '4:2:0' }).toBuffer();
}

function check(options: GenerateOptions): Required<Pick<GenerateOptions, 'count' | 'seed' | 'emergencyFraction' | 'labelNoise' | 'concurrency'>> {
  const { count = DEFAULT_COUNT, seed = 1, emergencyFraction = DEFAULT_EMERGENCY_FRACTION, labelNoise = DEFAULT_LABEL_NOISE, concurrency = 2 } = options;
  if (!options.outDir) throw new Error('generateDataset: outDir is required');
  if (!Number.isInteger(count) || count < 1) throw new Error(`generateDataset: count must be a positive integer, got ${count}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`generateDataset: seed must be an integer in [0, 2^32), got ${seed}`);
  if (!(emergencyFraction >= 0 && emergencyFraction <= 1)) throw new Error(`generateDataset: emergencyFraction must be in [0, 1], got ${emergencyFraction}`);
  if (!(labelNoise >= 0 && labelNoise < 0.5)) throw new Error(`generateDataset: labelNoise must be in [0, 0.5), got ${labelNoise}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`generateDataset: concurrency must be a positive integer, got ${concurrency}`);
  return { count, seed, emergencyFraction, labelNoise, concurrency };
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateResult> {
  const { count, seed, emergencyFraction, labelNoise, concurrency } = check(options);
  const outDir = resolve(options.outDir);
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  // Build next to the target and rename at the end: a crash never leaves a half dataset at outDir.
  const tmp = await mkdtemp(join(parent, `.${basename(outDir)}.tmp-`));
  try {
    const labels = planLabels(count, seed, emergencyFraction);
    await mkdir(join(tmp, 'images'));
    let done = 0;
    await forEachConcurrently(count, concurrency, undefined, async (i) => {
      const jpeg = await renderImage(seed, i, labels[i]!, options.sceneParams);
      await writeFile(join(tmp, 'images', `${i}.jpg`), jpeg);
      done++;
      options.onProgress?.(done, count);
    });

    const mislabels = planMislabels(count, seed, labelNoise);
    const written = labels.map((label, i) => (mislabels[i] ? 1 - label : label));
    const csv = [CSV_HEADER, ...written.map((label, i) => `${i}.jpg,${label}`)].join('\n') + '\n';
    await writeFile(join(tmp, CSV_NAME), csv);
    const emergency = written.reduce((s, v) => s + v, 0);
    const mislabelled = mislabels.filter(Boolean).length;
    const meta = {
      generator: 'synthetic-emergency-vehicles', version: GENERATOR_VERSION, seed, count, emergency, emergencyFraction, labelNoise, mislabelled, width: SIZE, height: SIZE,
      ...(options.sceneParams ? { sceneParams: options.sceneParams } : {}), // only tuning runs override them
    };
    await writeFile(join(tmp, 'generator.json'), JSON.stringify(meta, null, 2) + '\n');

    const old = `${tmp}.old`;
    const replaced = await rename(outDir, old).then(() => true, (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw new Error(`generateDataset: cannot move the existing ${outDir} aside: ${e.message}`);
    });
    try {
      await rename(tmp, outDir);
    } catch (error) {
      if (replaced) await rename(old, outDir); // put the previous dataset back
      throw error;
    }
    if (replaced) await rm(old, { recursive: true, force: true });
    return { count, emergency, mislabelled, outDir };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
