import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { articleAugmentation } from '../../src/ml/articleAugmentation';
import { augmentPaths, rotationTransform } from '../../src/ml/augment';
import { applyPlan, resamplePlan } from '../../src/ml/resample';
import { ImageSet } from '../../src/ml/imageSet';
import { train } from '../../src/ml/train';

// The article's augmentation in one pass per image (resampling plan, in-place flips, one noise stream)
// against today's functions as TF.js ops (tf.image.transform on wasm, tf.reverse, tf.randomNormal, gather):
// the same values bit for bit, batch after batch, seed for seed.

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
});

const batch = (n: number, height: number, width: number, seed: number) => tf.randomUniform([n, height, width, 3], 0, 1, 'float32', seed) as tf.Tensor4D;

/** Where two float arrays first differ ('none' when they are equal bit for bit), as a short message. */
function firstDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): string {
  if (actual.length !== expected.length) return `lengths ${actual.length} and ${expected.length}`;
  for (let i = 0; i < actual.length; i++) if (!Object.is(actual[i], expected[i])) return `at ${i}: ${actual[i]} instead of ${expected[i]}`;
  return 'none';
}

function withOps<T>(run: () => T): T {
  augmentPaths.byRows = false;
  try {
    return run();
  } finally {
    augmentPaths.byRows = true;
  }
}

describe('the article augmentation in one pass', () => {
  it.each([[64, 64, 40, 1], [9, 7, 30, 2], [33, 48, 25, 7]])('gives the TF.js ops\' values at %d×%d (%d images, seed %d), batch after batch, in place and as a tensor', (height, width, n, seed) => {
    const fused = articleAugmentation({ seed });
    const inPlace = articleAugmentation({ seed });
    const reference = articleAugmentation({ seed });
    for (let step = 0; step < 3; step++) {
      const x = batch(n, height, width, 10 * seed + step);
      const expected = withOps(() => reference(x));
      const values = Float32Array.from(x.dataSync());
      inPlace.inPlace(values, [n, height, width, 3]);
      const asTensor = fused(x);
      expect(firstDifference(values, expected.dataSync())).toBe('none');
      expect(firstDifference(asTensor.dataSync(), expected.dataSync())).toBe('none');
      tf.dispose([x, expected, asTensor]);
    }
  });

  it('changes every version it drew: the batch differs from its input where an image was not kept', () => {
    const x = batch(20, 16, 16, 3);
    const values = Float32Array.from(x.dataSync());
    articleAugmentation({ seed: 5 }).inPlace(values, [20, 16, 16, 3]);
    const size = 16 * 16 * 3;
    const changed = Array.from({ length: 20 }, (_, i) => values.subarray(i * size, (i + 1) * size).some((v, k) => v !== x.dataSync()[i * size + k]));
    expect(changed.filter(Boolean).length).toBeGreaterThan(10);
  });

  it('refuses values that do not fill the shape', () => {
    expect(() => articleAugmentation().inPlace(new Float32Array(10), [1, 2, 2, 3])).toThrow(/10 values for a batch of shape \[1, 2, 2, 3\]/);
  });
});

describe('training with the article augmentation on wasm', () => {
  /** 8×8 images with a seeded pattern, so a run takes well under a second. */
  const set = (() => {
    const count = 40;
    const pixels = Uint8Array.from({ length: count * 8 * 8 * 3 }, (_, i) => (i * 7919) % 256);
    return new ImageSet(8, pixels, Uint8Array.from({ length: count }, (_, i) => i % 2), Array.from({ length: count }, (_, i) => `${i}.png`));
  })();

  async function run(augment: (images: tf.Tensor4D) => tf.Tensor4D): Promise<{ losses: number[]; weights: number[] }> {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [set.featureCount], units: 4, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }), tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) })] });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    try {
      const history = await train(model, set, { epochs: 3, batchSize: 16, seed: 2, augment });
      return { losses: history.epochs.map((e) => e.loss), weights: Array.from(model.getWeights()[0]!.dataSync()) };
    } finally {
      model.optimizer.dispose();
      model.dispose();
    }
  }

  it('trains on the batches the TF.js ops would have made (augmented in place in wasm memory), without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const inPlace = await run(articleAugmentation({ seed: 6 }));
    expect(tf.memory().numTensors).toBe(before);
    const reference = articleAugmentation({ seed: 6 });
    const throughOps = await run((images) => withOps(() => reference(images)));
    expect(inPlace).toEqual(throughOps);
    // and the augmentation mattered: without it the run differs.
    expect((await run((images) => images.clone())).losses).not.toEqual(inPlace.losses);
  });
});

describe('resampling plans', () => {
  it.each([['bilinear', 'nearest'], ['bilinear', 'constant'], ['nearest', 'nearest'], ['nearest', 'constant']] as const)('resample as tf.image.transform does (%s, fill %s)', (interpolation, fillMode) => {
    const x = batch(1, 12, 10, 4);
    for (const transform of [rotationTransform(-47, 12, 10), [1, 0, -2.5, 0, 1, 3, 0, 0], [0.9, 0.2, 1, -0.1, 1.1, -1, 0, 0]]) {
      const out = new Float32Array(12 * 10 * 3);
      applyPlan(resamplePlan(transform, 12, 10, 3, interpolation, fillMode), x.dataSync() as Float32Array, 0, out, 0);
      const expected = tf.image.transform(x, tf.tensor2d(transform, [1, 8]), interpolation, fillMode, 0);
      expect(firstDifference(out, expected.dataSync())).toBe('none');
    }
  });

  it('names the fill modes it cannot plan', () => {
    expect(() => resamplePlan(rotationTransform(5, 4, 4), 4, 4, 3, 'bilinear', 'reflect')).toThrow(/fill mode 'reflect' is not planned/);
  });
});
