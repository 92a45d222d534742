import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { articleAugmentation } from '../../src/ml/articleAugmentation';
import { applyPerImage, augmentPaths, flipLeftRight, flipUpDown, gaussianNoise, randomAugmentation, type Augmentation } from '../../src/ml/augment';

// On the CPU-side backends (wasm, cpu) flips and applyPerImage move whole rows of pixels in
// JavaScript instead of TF.js's per-value Reverse and GatherV2: the same values, bit for bit.

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

const batch = (n: number, seed: number) => tf.randomUniform([n, 9, 7, 3], 0, 1, 'float32', seed) as tf.Tensor4D;

/** `run` with TF.js ops throughout (gather, concat, reverse), as on WebGL: today's reference. */
function withOps<T>(run: () => T): T {
  augmentPaths.byRows = false;
  try {
    return run();
  } finally {
    augmentPaths.byRows = true;
  }
}

describe('augmentation by rows', () => {
  it('adds the noise of tf.randomNormal, clipped, exactly as the TF.js ops do', () => {
    const x = batch(4, 6);
    for (const clip of [true, false]) {
      expect(Array.from(gaussianNoise(x, 0.2, { seed: 9, clip }).dataSync())).toEqual(Array.from(withOps(() => gaussianNoise(x, 0.2, { seed: 9, clip })).dataSync()));
    }
  });

  it('flips exactly as tf.reverse', () => {
    const x = batch(5, 1);
    expect(Array.from(flipLeftRight(x).dataSync())).toEqual(Array.from(withOps(() => flipLeftRight(x)).dataSync()));
    expect(Array.from(flipUpDown(x).dataSync())).toEqual(Array.from(withOps(() => flipUpDown(x)).dataSync()));
  });

  it('applies each op to the images that chose it exactly as gather + concat does, without leaking tensors', () => {
    const x = batch(11, 2);
    const ops: Augmentation[] = [(images) => images, flipLeftRight, (images) => tf.mul(images, 2) as tf.Tensor4D, flipUpDown];
    const choices = [0, 1, 2, 3, 3, 2, 1, 0, 2, 2, 1];
    const before = tf.memory().numTensors;
    const fast = applyPerImage(x, choices, ops);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(Array.from(fast.dataSync())).toEqual(Array.from(withOps(() => applyPerImage(x, choices, ops)).dataSync()));
  });

  it('gives the article augmentation and a random augmentation the values of the op-by-op version, seed for seed', () => {
    const x = batch(24, 3);
    for (const make of [() => articleAugmentation({ seed: 4 }), () => randomAugmentation({ rotation: 20, shift: 2, flipLeftRight: true, flipUpDown: true, noiseVariance: 0.05, blurSigma: 1, seed: 5 })]) {
      const byRows = make();
      const rowsOut = [byRows(x), byRows(x)].map((t) => Array.from(t.dataSync()));
      // The same augmentation, same seed, with TF.js ops throughout (as on WebGL).
      const reference = make();
      expect(rowsOut).toEqual(withOps(() => [reference(x), reference(x)].map((t) => Array.from(t.dataSync()))));
    }
  });
});
