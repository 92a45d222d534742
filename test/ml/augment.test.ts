import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  applyPerImage, augmentImages, blur, flipLeftRight, flipUpDown, gaussianKernel, gaussianNoise, randomAugmentation, rotate, shift,
} from '../../src/ml/augment';
import { articleAugmentation, expandLikeArticle } from '../../src/ml/articleAugmentation';
import { ImageSet } from '../../src/ml/imageSet';
import { train } from '../../src/ml/train';

/** A one-channel 3×3 image 1…9 as a batch of one. */
const grid = () => tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
const rows = (images: tf.Tensor4D) => images.reshape([images.shape[1], images.shape[2]]).arraySync() as number[][];
const round = (values: number[][], digits = 4) => values.map((row) => row.map((v) => Number(v.toFixed(digits))));

describe('flips', () => {
  it('mirror left to right and top to bottom, like numpy fliplr and flipud', () => {
    expect(rows(flipLeftRight(grid()))).toEqual([[3, 2, 1], [6, 5, 4], [9, 8, 7]]);
    expect(rows(flipUpDown(grid()))).toEqual([[7, 8, 9], [4, 5, 6], [1, 2, 3]]);
  });
});

describe('rotate', () => {
  it('turns a 3×3 image by 90° counter-clockwise, like skimage rotate (numpy rot90)', () => {
    expect(round(rows(rotate(grid(), 90)))).toEqual([[3, 6, 9], [2, 5, 8], [1, 4, 7]]);
    expect(round(rows(rotate(grid(), -90)))).toEqual([[7, 4, 1], [8, 5, 2], [9, 6, 3]]);
    expect(round(rows(rotate(grid(), 180)))).toEqual([[9, 8, 7], [6, 5, 4], [3, 2, 1]]);
  });
  it('turns every image by its own angle', () => {
    const two = tf.concat([grid(), grid()]);
    const turned = rotate(two, [0, 90]).arraySync() as number[][][][];
    expect(turned[0]!.map((row) => row.map((v) => Math.round(v[0]!)))).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(turned[1]!.map((row) => row.map((v) => Math.round(v[0]!)))).toEqual([[3, 6, 9], [2, 5, 8], [1, 4, 7]]);
  });
});

describe('shift', () => {
  it('moves the image right and down, repeating the edge by default', () => {
    expect(rows(shift(grid(), 1, 0))).toEqual([[1, 1, 2], [4, 4, 5], [7, 7, 8]]);
    expect(rows(shift(grid(), 0, -1))).toEqual([[4, 5, 6], [7, 8, 9], [7, 8, 9]]);
  });
  it('fills with black in constant mode', () => {
    expect(rows(shift(grid(), 1, 1, { fillMode: 'constant' }))).toEqual([[0, 0, 0], [0, 1, 2], [0, 4, 5]]);
  });
});

describe('blur', () => {
  it('uses a Gaussian kernel whose weights sum to 1', () => {
    for (const sigma of [0.5, 1, 2.5]) {
      const kernel = gaussianKernel(sigma);
      expect(kernel).toHaveLength(2 * Math.ceil(3 * sigma) + 1);
      expect(kernel.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    }
  });
  it('spreads a single bright pixel of a 3×3 image into the hand-computed kernel', () => {
    // sigma 1, radius 1: weights e^(-d²/2) = 1, 0.6065, 0.3679, divided by (1 + 2·0.6065)² = 4.8978.
    const impulse = tf.tensor4d([0, 0, 0, 0, 1, 0, 0, 0, 0], [1, 3, 3, 1]);
    expect(round(rows(blur(impulse, 1, { radius: 1 })))).toEqual([[0.0751, 0.1238, 0.0751], [0.1238, 0.2042, 0.1238], [0.0751, 0.1238, 0.0751]]);
  });
  it('keeps a plain image plain, edges included, and blurs each colour on its own', () => {
    const plain = tf.fill([1, 12, 12, 3], 0.5) as tf.Tensor4D;
    const values = blur(plain, 1.5).dataSync();
    expect(Math.max(...values.map((v) => Math.abs(v - 0.5)))).toBeLessThan(1e-6);
    const red = tf.tensor4d(Array.from({ length: 27 }, (_, i) => (i % 3 === 0 ? 1 : 0)), [1, 3, 3, 3]);
    const blurred = blur(red, 1, { radius: 1 }).arraySync() as number[][][][];
    expect(blurred[0]![1]![1]).toEqual([expect.closeTo(1, 5), 0, 0]);
  });
  it('says when the kernel is larger than the image', () => {
    expect(() => blur(grid(), 2)).toThrow('blur: sigma 2 needs a 13×13 kernel, larger than the 3×3 images');
  });
});

describe('gaussianNoise', () => {
  it('adds noise of the asked variance and mean 0, the same for the same seed', () => {
    const images = tf.fill([4, 32, 32, 3], 0.5) as tf.Tensor4D;
    const noisy = gaussianNoise(images, 0.2, { seed: 7, clip: false });
    const difference = Array.from(noisy.sub(images).dataSync());
    const mean = difference.reduce((a, b) => a + b, 0) / difference.length;
    const variance = difference.reduce((a, b) => a + (b - mean) ** 2, 0) / difference.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeGreaterThan(0.19);
    expect(variance).toBeLessThan(0.21);
    expect(Array.from(gaussianNoise(images, 0.2, { seed: 7, clip: false }).dataSync())).toEqual(Array.from(noisy.dataSync()));
  });
  it('clips to [0, 1] by default, like skimage random_noise', () => {
    const values = gaussianNoise(tf.fill([1, 16, 16, 3], 0.5) as tf.Tensor4D, 0.2, { seed: 1 }).dataSync();
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(1);
  });
});

describe('random augmentation', () => {
  it('applies each op only to the images that chose it, in place', () => {
    const images = tf.concat([grid(), grid().add(10), grid().add(20)]) as tf.Tensor4D;
    const out = applyPerImage(images, [1, 0, 1], [(x) => x, flipLeftRight]).arraySync() as number[][][][];
    expect(out.map((image) => image[0]!.map((v) => v[0]))).toEqual([[3, 2, 1], [11, 12, 13], [23, 22, 21]]);
  });
  it('draws new settings per call, reproducibly from its seed, and leaks no tensors', () => {
    const images = tf.randomUniform([6, 8, 8, 3], 0, 1, 'float32', 3) as tf.Tensor4D;
    const options = { rotation: 30, shift: 2, flipLeftRight: true, flipUpDown: true, noiseVariance: 0.01, blurSigma: 0.8, seed: 5 };
    const first = randomAugmentation(options);
    const second = randomAugmentation(options);
    const before = tf.memory().numTensors;
    const a = first(images);
    const b = second(images);
    const c = first(images);
    expect(tf.memory().numTensors).toBe(before + 3);
    expect(a.shape).toEqual([6, 8, 8, 3]);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([a, b, c]);
  });
  it("makes each image one of the article's five versions", () => {
    const images = tf.concat(Array.from({ length: 40 }, () => grid())) as tf.Tensor4D;
    const out = articleAugmentation({ seed: 2 })(images).arraySync() as number[][][][];
    const seen = new Set(out.map((image) => {
      const values = image.map((row) => row.map((v) => Math.round(v[0]! * 100) / 100).join(',')).join(';');
      if (values === '1,2,3;4,5,6;7,8,9') return 'original';
      if (values === '3,2,1;6,5,4;9,8,7') return 'left-right';
      if (values === '7,8,9;4,5,6;1,2,3') return 'up-down';
      if (image.flat(2).every((v) => v >= 0 && v <= 1)) return 'noise'; // clipped to [0, 1]
      return 'rotated';
    }));
    expect(seen).toEqual(new Set(['original', 'left-right', 'up-down', 'noise', 'rotated']));
  });
});

function tinySet(): ImageSet {
  const pixels = new Uint8Array(3 * 2 * 2 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 20) % 256;
  return new ImageSet(2, pixels, Uint8Array.from([0, 1, 1]), ['a.jpg', 'b.jpg', 'c.jpg']);
}

describe('expandLikeArticle', () => {
  it('makes the five-fold training set: each image, then its four versions, with its label', async () => {
    const set = tinySet();
    const expanded = await expandLikeArticle(set, { chunk: 2 });
    expect(expanded.count).toBe(15);
    expect(Array.from(expanded.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(expanded.names.slice(0, 5)).toEqual(['a.jpg', 'a.jpg (rotated 30°)', 'a.jpg (flipped left-right)', 'a.jpg (flipped up-down)', 'a.jpg (noise (variance 0.2))']);
    expect(expanded.sourceIndices.slice(5, 10)).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(expanded.image(5))).toEqual(Array.from(set.image(1)));
    const [flipped] = augmentImages(set, [1], flipLeftRight);
    expect(Array.from(expanded.image(7))).toEqual(Array.from(flipped!));
  });
});

describe('train with augment', () => {
  it('changes every batch through the augmentation and disposes what it makes', async () => {
    const set = tinySet();
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [12], units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    await train(model, set, { epochs: 1, batchSize: 2 });
    const shapes: number[][] = [];
    const before = tf.memory().numTensors;
    await train(model, set, { epochs: 2, batchSize: 2, augment: (images) => { shapes.push(images.shape); return flipUpDown(images); } });
    expect(shapes).toEqual([[2, 2, 2, 3], [1, 2, 2, 3], [2, 2, 2, 3], [1, 2, 2, 3]]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
