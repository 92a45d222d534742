import * as tf from '@tensorflow/tfjs';
import { ImageSet } from './imageSet';
import { createRandom } from '../lib/random';
import { yieldToPage } from './yieldToPage';
import { GaussianStream } from './gaussianSamples';
import { applyPlan, resamplePlan, type ResamplePlan } from './resample';
import {
  applyPerImage, flipLeftRight, flipUpDown, gaussianNoise, imagesTensor, onCpuSide, rotate, rotationTransform, tensorToImages,
  type Augmentation, type InPlaceAugmentation,
} from './augment';

/** The article's five versions of every image, in its order. */
export const ARTICLE_VERSIONS = ['original', 'rotated 30°', 'flipped left-right', 'flipped up-down', 'noise (variance 0.2)'] as const;

const ANGLE = 30; // skimage rotate(image, angle=30, mode='edge')
const NOISE_VARIANCE = 0.2; // skimage random_noise(image, var=0.2)

function articleOps(seed: () => number): Augmentation[] {
  return [
    (x) => tf.clone(x),
    (x) => rotate(x, ANGLE, { fillMode: 'nearest' }),
    flipLeftRight,
    flipUpDown,
    (x) => gaussianNoise(x, NOISE_VARIANCE, { seed: seed() }),
  ];
}

/** What one batch drew: each image's version (an index into ARTICLE_VERSIONS) and the seed of its noise. */
interface ArticleDraw {
  choices: number[];
  /** Drawn only when an image chose the noise (the op is not called otherwise), else 0. */
  noiseSeed: number;
}

/**
 * The article's augmentation drawn on the fly: each image of a batch becomes one of its five
 * versions at random. Five epochs of this show the network as many images as one epoch of
 * the article's five-fold training set.
 *
 * On the CPU-side backends (wasm, cpu) a batch is augmented in one pass, image by image: the rotation
 * resamples by a plan made once per image size with the float32 arithmetic of TF.js's Transform kernel,
 * flips swap pixels in place, and the noise is added from one randomNormal stream across the noisy
 * images. The values are those of the TF.js ops (tf.image.transform, tf.reverse, tf.randomNormal + add
 * + clipByValue, gather and concat), bit for bit (test/ml/articleAugmentation.test.ts), at a fraction of
 * their time: a 128-image batch at 64×64 took ~60 ms through the ops, more than the training step.
 */
export function articleAugmentation({ seed = 0 }: { seed?: number } = {}): InPlaceAugmentation {
  const random = createRandom(seed);
  const draw = (n: number): ArticleDraw => {
    const choices = Array.from({ length: n }, () => random.int(0, ARTICLE_VERSIONS.length - 1));
    return { choices, noiseSeed: choices.includes(4) ? random.int(0, 2 ** 31 - 1) : 0 };
  };
  const augmentation: Augmentation = (images) => {
    if (images.rank !== 4) throw new Error(`articleAugmentation: expected a batch of images [n, height, width, channels], got shape [${images.shape.join(', ')}]`);
    const drawn = draw(images.shape[0]);
    if (onCpuSide()) {
      const values = Float32Array.from(images.dataSync() as Float32Array);
      augmentArticleInPlace(values, images.shape, drawn);
      return tf.tensor4d(values, images.shape);
    }
    return applyPerImage(images, drawn.choices, articleOps(() => drawn.noiseSeed));
  };
  return Object.assign(augmentation, {
    fromTheStart: () => articleAugmentation({ seed }),
    inPlace: (values: Float32Array, shape: readonly [number, number, number, number]) => {
      if (values.length !== shape[0] * shape[1] * shape[2] * shape[3]) throw new Error(`articleAugmentation: ${values.length} values for a batch of shape [${shape.join(', ')}]`);
      augmentArticleInPlace(values, shape, draw(shape[0]));
    },
  });
}

// The rotation's plan for the last image size (a course trains at one size at a time).
let cachedPlan: ResamplePlan | undefined;
function rotationPlan(height: number, width: number, channels: number): ResamplePlan {
  if (cachedPlan?.height !== height || cachedPlan.width !== width || cachedPlan.channels !== channels) {
    cachedPlan = resamplePlan(rotationTransform(ANGLE, height, width), height, width, channels, 'bilinear', 'nearest');
  }
  return cachedPlan;
}

/** One pass over the batch: every image becomes the version it drew, where it lies. */
function augmentArticleInPlace(values: Float32Array, [n, height, width, channels]: readonly [number, number, number, number], { choices, noiseSeed }: ArticleDraw): void {
  const size = height * width * channels;
  const row = width * channels;
  let scratch: Float32Array | undefined;
  // TF.js draws a random seed for seed 0 (a 1 in 2³¹ draw): so does the stream.
  const noise = choices.includes(4) ? new GaussianStream(0, Math.sqrt(NOISE_VARIANCE), noiseSeed || 1 + Math.floor(Math.random() * (2 ** 31 - 2))) : undefined;
  for (let i = 0; i < n; i++) {
    const start = i * size;
    switch (choices[i]) {
      case 1: {
        scratch ??= new Float32Array(size);
        scratch.set(values.subarray(start, start + size));
        applyPlan(rotationPlan(height, width, channels), scratch, 0, values, start);
        break;
      }
      case 2:
        for (let y = 0; y < height; y++) {
          const line = start + y * row;
          for (let left = 0, right = width - 1; left < right; left++, right--) {
            for (let c = 0; c < channels; c++) {
              const a = line + left * channels + c;
              const b = line + right * channels + c;
              const kept = values[a]!;
              values[a] = values[b]!;
              values[b] = kept;
            }
          }
        }
        break;
      case 3: {
        scratch ??= new Float32Array(size);
        for (let top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
          const upper = start + top * row;
          const lower = start + bottom * row;
          scratch.set(values.subarray(upper, upper + row));
          values.copyWithin(upper, lower, lower + row);
          values.set(scratch.subarray(0, row), lower);
        }
        break;
      }
      case 4:
        noise!.next(values, start, size, { add: true, clip: true });
        break;
      default:
        break;
    }
  }
}

/**
 * The article's five-fold training set: every image followed by its rotated, left-right
 * flipped, up-down flipped and noisy versions, with the same label. Works in chunks and
 * yields to the page between them, so the page stays responsive.
 */
export async function expandLikeArticle(set: ImageSet, { seed = 0, chunk = 64 }: { seed?: number; chunk?: number } = {}): Promise<ImageSet> {
  const copies = ARTICLE_VERSIONS.length;
  const pixels = new Uint8Array(set.count * copies * set.pixelsPerImage);
  const labels = new Uint8Array(set.count * copies);
  const names: string[] = [];
  const sources: number[] = [];
  const random = createRandom(seed);
  const ops = articleOps(() => random.int(0, 2 ** 31 - 1));
  for (let start = 0; start < set.count; start += chunk) {
    const indices = Array.from({ length: Math.min(chunk, set.count - start) }, (_, i) => start + i);
    const input = imagesTensor(set, indices);
    const versions = ops.map((op) => op(input));
    const images = versions.map((version) => tensorToImages(version));
    tf.dispose([input, ...versions]);
    indices.forEach((index, row) => {
      for (let k = 0; k < copies; k++) {
        const target = index * copies + k;
        pixels.set(images[k]![row]!, target * set.pixelsPerImage);
        labels[target] = set.labels[index]!;
        names[target] = k === 0 ? set.names[index]! : `${set.names[index]} (${ARTICLE_VERSIONS[k]})`;
        sources[target] = set.sourceIndices[index]!;
      }
    });
    await yieldToPage();
  }
  return new ImageSet(set.size, pixels, labels, names, set.classes, sources);
}
