import * as tf from '@tensorflow/tfjs';
import { ImageSet } from './imageSet';
import { createRandom } from '../lib/random';
import { gaussianSamples } from './gaussianSamples';

/**
 * Image augmentations as TF.js ops on a batch of images [n, height, width, channels] with
 * values in [0, 1]. The same functions draw the lesson's gallery and change the training
 * batches, so what the reader sees is what the network gets.
 */
export type Augmentation = (images: tf.Tensor4D) => tf.Tensor4D;

/**
 * A seeded random augmentation that can start its draws over. Training starts it over at the
 * beginning of every run, so the same seed gives the same run however often a gallery drew
 * from it before, and a rerun of the training cell repeats the run.
 */
export interface SeededAugmentation extends Augmentation {
  fromTheStart(): Augmentation;
}

/**
 * A training-time augmentation that also works on a batch where its values lie: on the wasm backend
 * training hands it the batch's own float32 values in wasm memory, and nothing is copied or allocated.
 */
export interface InPlaceAugmentation extends SeededAugmentation {
  /** Augments the images [n, height, width, channels] in `values`, drawing what the tensor version draws. */
  inPlace(values: Float32Array, shape: readonly [number, number, number, number]): void;
}

/** The augmentation as it draws from its seed's start (any other augmentation as it is). */
export function fromTheStart(augmentation: Augmentation): Augmentation {
  return (augmentation as Partial<SeededAugmentation>).fromTheStart?.() ?? augmentation;
}

/** The augmentation's in-place version, if it has one. */
export function inPlaceVersion(augmentation: Augmentation): InPlaceAugmentation['inPlace'] | undefined {
  return (augmentation as Partial<InPlaceAugmentation>).inPlace;
}

/** What happens where a transformed image reaches past the original's edge (tf.image.transform's modes). */
export type FillMode = 'constant' | 'reflect' | 'wrap' | 'nearest';

export interface GeometryOptions {
  /** 'nearest' repeats the edge pixels (skimage's mode='edge', the article's choice); 'constant' fills with black. */
  fillMode?: FillMode;
  interpolation?: 'nearest' | 'bilinear';
}

function checkImages(images: tf.Tensor, what: string): void {
  if (images.rank !== 4) throw new Error(`${what}: expected a batch of images [n, height, width, channels], got shape [${images.shape.join(', ')}]`);
}

/** One value per image: a number is used for every image of the batch. */
function perImage(value: number | readonly number[], count: number, what: string): number[] {
  if (typeof value === 'number') return Array.from({ length: count }, () => value);
  if (value.length !== count) throw new Error(`${what}: ${value.length} values for ${count} images`);
  return [...value];
}

/**
 * tf.image.transform's 8 numbers for a rotation by `degrees` counter-clockwise (as
 * skimage's rotate turns an image) about the image centre. They map each output pixel
 * (x, y) to the input pixel it is read from.
 */
export function rotationTransform(degrees: number, height: number, width: number): number[] {
  const theta = (degrees * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  return [cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy, 0, 0];
}

/** tf.image.transform's 8 numbers for moving the image `dx` pixels right and `dy` pixels down. */
export function shiftTransform(dx: number, dy: number): number[] {
  return [1, 0, -dx, 0, 1, -dy, 0, 0];
}

function transformEach(images: tf.Tensor4D, rows: number[][], { fillMode = 'nearest', interpolation = 'bilinear' }: GeometryOptions): tf.Tensor4D {
  return tf.tidy(() => {
    // TF.js 4.22's CPU Transform kernel returns after the first image of a batch: there, one image at a time.
    if (tf.getBackend() === 'cpu' && rows.length > 1) {
      return tf.concat(rows.map((row, i) =>
        tf.image.transform(tf.slice(images, [i, 0, 0, 0], [1, -1, -1, -1]), tf.tensor2d(row, [1, 8]), interpolation, fillMode, 0)));
    }
    return tf.image.transform(images, tf.tensor2d(rows.flat(), [rows.length, 8]), interpolation, fillMode, 0);
  });
}

/** Rotates each image counter-clockwise by `degrees` (one angle, or one per image). */
export function rotate(images: tf.Tensor4D, degrees: number | readonly number[], options: GeometryOptions = {}): tf.Tensor4D {
  checkImages(images, 'rotate');
  const [n, height, width] = images.shape;
  return transformEach(images, perImage(degrees, n, 'rotate').map((angle) => rotationTransform(angle, height, width)), options);
}

/** Moves each image `dx` pixels right and `dy` pixels down (negative values move left and up). */
export function shift(images: tf.Tensor4D, dx: number | readonly number[], dy: number | readonly number[], options: GeometryOptions = {}): tf.Tensor4D {
  checkImages(images, 'shift');
  const n = images.shape[0];
  const xs = perImage(dx, n, 'shift');
  const ys = perImage(dy, n, 'shift');
  return transformEach(images, xs.map((x, i) => shiftTransform(x, ys[i]!)), { interpolation: 'nearest', ...options });
}

// TF.js's wasm Reverse and GatherV2 kernels index every value separately (a 128-image batch at
// 64×64 took 0.4 s and 1.3 s); on the CPU-side backends a batch is moved as whole rows of pixels.
/** `byRows: false` forces the TF.js-op versions everywhere (for tests and comparisons). */
export const augmentPaths = { byRows: true };
export const onCpuSide = () => augmentPaths.byRows && (tf.getBackend() === 'wasm' || tf.getBackend() === 'cpu');

/** Mirrors each image left to right (numpy's fliplr). */
export function flipLeftRight(images: tf.Tensor4D): tf.Tensor4D {
  checkImages(images, 'flipLeftRight');
  if (!onCpuSide()) return tf.reverse(images, 2);
  const [n, height, width, channels] = images.shape;
  const source = images.dataSync() as Float32Array;
  const out = new Float32Array(source.length);
  const row = width * channels;
  for (let r = 0; r < n * height; r++) {
    for (let x = 0; x < width; x++) {
      const from = r * row + x * channels;
      const to = r * row + (width - 1 - x) * channels;
      for (let c = 0; c < channels; c++) out[to + c] = source[from + c]!;
    }
  }
  return tf.tensor4d(out, images.shape, images.dtype as 'float32');
}

/** Mirrors each image top to bottom (numpy's flipud). */
export function flipUpDown(images: tf.Tensor4D): tf.Tensor4D {
  checkImages(images, 'flipUpDown');
  if (!onCpuSide()) return tf.reverse(images, 1);
  const [n, height, width, channels] = images.shape;
  const source = images.dataSync() as Float32Array;
  const out = new Float32Array(source.length);
  const row = width * channels;
  for (let i = 0; i < n; i++) {
    for (let y = 0; y < height; y++) out.set(source.subarray((i * height + y) * row, (i * height + y + 1) * row), (i * height + height - 1 - y) * row);
  }
  return tf.tensor4d(out, images.shape, images.dtype as 'float32');
}

export interface NoiseOptions {
  /** Seed of the noise; the same seed gives the same noise. */
  seed?: number;
  /** Keep values in [0, 1] (skimage's random_noise clips by default). */
  clip?: boolean;
}

/** Adds Gaussian noise of the given variance to every value (skimage's random_noise(image, var=variance)). */
export function gaussianNoise(images: tf.Tensor4D, variance: number, { seed, clip = true }: NoiseOptions = {}): tf.Tensor4D {
  checkImages(images, 'gaussianNoise');
  if (!(variance >= 0)) throw new Error(`invalid noise variance: ${variance} (expected a number ≥ 0)`);
  if (onCpuSide() && seed) {
    // The same noise as tf.randomNormal's (gaussianSamples.ts), added and clipped in float32 as TF.js does.
    const values = images.dataSync() as Float32Array;
    const noise = gaussianSamples(values.length, 0, Math.sqrt(variance), seed);
    const out = new Float32Array(values.length);
    for (let i = 0; i < out.length; i++) {
      const noisy = Math.fround(values[i]! + noise[i]!);
      out[i] = clip ? (noisy < 0 ? 0 : noisy > 1 ? 1 : noisy) : noisy;
    }
    return tf.tensor4d(out, images.shape);
  }
  return tf.tidy(() => {
    const noisy = tf.add(images, tf.randomNormal(images.shape, 0, Math.sqrt(variance), 'float32', seed)) as tf.Tensor4D;
    return clip ? tf.clipByValue(noisy, 0, 1) : noisy;
  });
}

/** A normalised 2-D Gaussian kernel, (2 radius + 1) values a side; the weights sum to 1. */
export function gaussianKernel(sigma: number, radius = Math.ceil(3 * sigma)): number[][] {
  if (!(sigma > 0)) throw new Error(`invalid blur sigma: ${sigma} (expected a number > 0)`);
  if (!Number.isInteger(radius) || radius < 0) throw new Error(`invalid blur radius: ${radius} (expected a whole number ≥ 0)`);
  const line = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = line.reduce((a, b) => a + b, 0);
  const normal = line.map((value) => value / sum);
  return normal.map((row) => normal.map((column) => row * column));
}

/**
 * Gaussian blur as a depthwise convolution: each colour channel is convolved with the same
 * kernel. The edges are mirrored first, so a plain image stays plain (no dark border).
 */
export function blur(images: tf.Tensor4D, sigma: number, { radius }: { radius?: number } = {}): tf.Tensor4D {
  checkImages(images, 'blur');
  if (sigma === 0) return tf.clone(images);
  const kernel = gaussianKernel(sigma, radius);
  const r = (kernel.length - 1) / 2;
  const [, height, width, channels] = images.shape;
  if (r >= height || r >= width) throw new Error(`blur: sigma ${sigma} needs a ${kernel.length}×${kernel.length} kernel, larger than the ${height}×${width} images`);
  return tf.tidy(() => {
    const weights = tf.tensor4d(kernel.flatMap((row) => row.flatMap((w) => Array.from({ length: channels }, () => w))), [kernel.length, kernel.length, channels, 1]);
    const padded = tf.mirrorPad(images, [[0, 0], [r, r], [r, r], [0, 0]], 'symmetric');
    return tf.depthwiseConv2d(padded, weights, 1, 'valid');
  });
}

/**
 * Applies ops[choices[i]] to image i, running each op once on the images that chose it.
 */
export function applyPerImage(images: tf.Tensor4D, choices: readonly number[], ops: readonly Augmentation[]): tf.Tensor4D {
  const n = images.shape[0];
  if (choices.length !== n) throw new Error(`applyPerImage: ${choices.length} choices for ${n} images`);
  if (onCpuSide()) return applyPerImageByRows(images, choices, ops);
  return tf.tidy(() => {
    const parts: tf.Tensor4D[] = [];
    const order: number[] = [];
    ops.forEach((op, k) => {
      const members = choices.flatMap((choice, i) => (choice === k ? [i] : []));
      if (members.length === 0) return;
      parts.push(op(tf.gather(images, members)));
      order.push(...members);
    });
    const inverse = new Array<number>(n);
    order.forEach((position, i) => { inverse[position] = i; });
    return tf.gather(tf.concat(parts, 0), inverse);
  });
}

/** applyPerImage with the images' pixels moved as rows in JavaScript instead of by gather and concat. */
function applyPerImageByRows(images: tf.Tensor4D, choices: readonly number[], ops: readonly Augmentation[]): tf.Tensor4D {
  const [n, height, width, channels] = images.shape;
  const size = height * width * channels;
  const source = images.dataSync() as Float32Array;
  const out = new Float32Array(n * size);
  ops.forEach((op, k) => {
    const members = choices.flatMap((choice, i) => (choice === k ? [i] : []));
    if (members.length === 0) return;
    const part = new Float32Array(members.length * size);
    members.forEach((index, row) => part.set(source.subarray(index * size, (index + 1) * size), row * size));
    const input = tf.tensor4d(part, [members.length, height, width, channels]);
    const result = op(input);
    // An op that returns its input unchanged (x => x) needs no copy back.
    const values = result === input ? part : (result.dataSync() as Float32Array);
    members.forEach((index, row) => out.set(values.subarray(row * size, (row + 1) * size), index * size));
    tf.dispose(result === input ? [input] : [input, result]);
  });
  return tf.tensor4d(out, images.shape);
}

export interface RandomAugmentationOptions {
  /** Each image is turned by an angle drawn uniformly from [−rotation, rotation] degrees. */
  rotation?: number;
  /** Each image is moved by up to this many pixels in x and in y. */
  shift?: number;
  flipLeftRight?: boolean;
  flipUpDown?: boolean;
  /** Variance of the Gaussian noise added to an image. */
  noiseVariance?: number;
  /** Sigma of the Gaussian blur. */
  blurSigma?: number;
  /** Chance that an image is flipped, noised or blurred (each decided on its own). */
  probability?: number;
  seed?: number;
  fillMode?: FillMode;
}

/**
 * A training-time augmentation: every call draws new random settings for every image (like
 * Keras's ImageDataGenerator), reproducibly from `seed`.
 */
export function randomAugmentation(options: RandomAugmentationOptions = {}): SeededAugmentation {
  const { rotation = 0, shift: maxShift = 0, noiseVariance = 0, blurSigma = 0, probability = 0.5, seed = 0, fillMode = 'nearest' } = options;
  if (!(probability >= 0 && probability <= 1)) throw new Error(`invalid probability: ${probability} (expected a number from 0 to 1)`);
  const random = createRandom(seed);
  const coin = (n: number) => Array.from({ length: n }, () => (random.chance(probability) ? 1 : 0));
  const augmentation: Augmentation = (images) => tf.tidy(() => {
    checkImages(images, 'randomAugmentation');
    const n = images.shape[0];
    let out = images;
    if (rotation > 0) out = rotate(out, Array.from({ length: n }, () => random.uniform(-rotation, rotation)), { fillMode });
    if (maxShift > 0) {
      const draw = () => Array.from({ length: n }, () => random.int(-maxShift, maxShift));
      out = shift(out, draw(), draw(), { fillMode });
    }
    if (options.flipLeftRight) out = applyPerImage(out, coin(n), [(x) => x, flipLeftRight]);
    if (options.flipUpDown) out = applyPerImage(out, coin(n), [(x) => x, flipUpDown]);
    if (blurSigma > 0) out = applyPerImage(out, coin(n), [(x) => x, (x) => blur(x, blurSigma)]);
    if (noiseVariance > 0) {
      const noiseSeed = random.int(0, 2 ** 31 - 1);
      out = applyPerImage(out, coin(n), [(x) => x, (x) => gaussianNoise(x, noiseVariance, { seed: noiseSeed })]);
    }
    return out === images ? tf.clone(images) : out;
  });
  return Object.assign(augmentation, { fromTheStart: () => randomAugmentation(options) });
}

/** Images of a set as a float batch [n, size, size, 3] in [0, 1]. */
export function imagesTensor(set: ImageSet, indices: readonly number[]): tf.Tensor4D {
  const floats = new Float32Array(indices.length * set.pixelsPerImage);
  indices.forEach((index, row) => {
    const image = set.image(index);
    for (let i = 0; i < image.length; i++) floats[row * set.pixelsPerImage + i] = image[i]! / 255;
  });
  return tf.tensor4d(floats, [indices.length, set.size, set.size, 3]);
}

/** A float batch back to RGB bytes, one array per image. */
export function tensorToImages(images: tf.Tensor4D): Uint8Array[] {
  const [n, height, width, channels] = images.shape;
  const bytes = tf.tidy(() => tf.clipByValue(tf.round(tf.mul(images, 255)), 0, 255).dataSync());
  const size = height * width * channels;
  return Array.from({ length: n }, (_, i) => Uint8Array.from(bytes.subarray(i * size, (i + 1) * size)));
}

/** Applies an augmentation to some images of a set and returns their RGB bytes (for the gallery). */
export function augmentImages(set: ImageSet, indices: readonly number[], augmentation: Augmentation): Uint8Array[] {
  const input = imagesTensor(set, indices);
  try {
    const output = augmentation(input);
    try {
      return tensorToImages(output);
    } finally {
      output.dispose();
    }
  } finally {
    input.dispose();
  }
}
