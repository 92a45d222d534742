import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { ImageSet } from '../../src/ml/imageSet';
import { train, type BatchProgress, type EpochLogs } from '../../src/ml/train';
import { binaryMetrics } from '../../src/ml/metrics';
import { predictProbabilities } from '../../src/ml/predict';
import { createRandom } from '../../src/lib/random';

/** Tiny 2×2 images: emergency ones are bright, the others dark, with noise. */
function brightnessSet(count: number, seed: number): ImageSet {
  const random = createRandom(seed);
  const size = 2;
  const pixels = new Uint8Array(count * size * size * 3);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 12; p++) pixels[i * 12 + p] = Math.max(0, Math.min(255, Math.round((labels[i] ? 170 : 85) + random.normal(0, 30))));
  }
  return new ImageSet(size, pixels, labels, Array.from({ length: count }, (_, i) => `${i}.jpg`));
}

function tinyModel(): tf.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [12], units: 4, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

describe('train', () => {
  it('learns a separable problem and reports Keras-style epoch logs', async () => {
    const data = brightnessSet(96, 1);
    const validation = brightnessSet(40, 2);
    const model = tinyModel();
    const batches: BatchProgress[] = [];
    const history = await train(model, data, { epochs: 25, batchSize: 32, validation, callbacks: { onBatchEnd: (p) => batches.push(p) } });
    expect(history.stopReason).toBe('completed');
    expect(history.epochs).toHaveLength(25);
    expect(batches).toHaveLength(25 * 3);
    expect(batches.at(-1)).toMatchObject({ epoch: 25, epochs: 25, batch: 3, batches: 3 });
    const last = history.epochs.at(-1)!;
    expect(last.acc).toBeGreaterThan(0.9);
    expect(last.val_acc).toBeGreaterThan(0.9);
    expect(last.val_loss).toBeLessThan(history.epochs[0]!.val_loss!);
    // The validation figures are what the model says about the validation set afterwards.
    const metrics = binaryMetrics(await predictProbabilities(model, validation), validation.labels);
    expect(metrics.accuracy).toBeCloseTo(last.val_acc!, 5);
    model.dispose();
  });

  it('creates no lasting tensors', async () => {
    const data = brightnessSet(64, 3);
    const model = tinyModel();
    await train(model, data, { epochs: 1, batchSize: 16, validation: data }); // optimizer state is created on the first step
    const before = tf.memory().numTensors;
    await train(model, data, { epochs: 3, batchSize: 16, validation: data });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('stops after the current batch when aborted and keeps the finished epochs', async () => {
    const data = brightnessSet(64, 4);
    const model = tinyModel();
    const controller = new AbortController();
    const history = await train(model, data, {
      epochs: 10,
      batchSize: 16,
      signal: controller.signal,
      callbacks: { onBatchEnd: (p) => { if (p.epoch === 3 && p.batch === 2) controller.abort(); } },
    });
    expect(history.stopReason).toBe('stopped by the reader');
    expect(history.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(history.batchesRun).toBe(2 * 4 + 2);
    model.dispose();
  });

  it('lets a callback end training after an epoch', async () => {
    const data = brightnessSet(32, 5);
    const model = tinyModel();
    const seen: EpochLogs[] = [];
    const history = await train(model, data, { epochs: 10, batchSize: 32, callbacks: { onEpochEnd: (logs) => { seen.push(logs); return logs.epoch === 4 ? 'stop' : undefined; } } });
    expect(history.stopReason).toBe('stopped by a callback');
    expect(history.epochs).toHaveLength(4);
    model.dispose();
  });

  it('explains a model whose input does not match the images', async () => {
    const data = brightnessSet(8, 6);
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [5], units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
    await expect(train(model, data, { epochs: 1, batchSize: 4 })).rejects.toThrow('the model expects 5 inputs per image but the data has 12 (2×2×3): build the model with inputShape [12]');
    await expect(train(tinyModel(), data, { epochs: 0, batchSize: 4 })).rejects.toThrow('invalid epochs: 0');
    model.dispose();
  });
});

describe('binaryMetrics', () => {
  it('counts the confusion matrix and the missed emergency vehicles', () => {
    const metrics = binaryMetrics([0.9, 0.2, 0.4, 0.7, 0.1], [1, 1, 0, 0, 0]);
    expect(metrics.confusion).toEqual({ truePositives: 1, falseNegatives: 1, falsePositives: 1, trueNegatives: 2 });
    expect(metrics.accuracy).toBeCloseTo(0.6);
    expect(metrics.falseNegativeIndices).toEqual([1]);
    expect(metrics.falsePositiveIndices).toEqual([3]);
    expect(metrics.loss).toBeCloseTo((-Math.log(0.9) - Math.log(0.2) - Math.log(0.6) - Math.log(0.3) - Math.log(0.9)) / 5, 6);
  });
});
