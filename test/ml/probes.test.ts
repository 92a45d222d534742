import { afterEach, describe, expect, it, vi } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { ImageSet } from '../../src/ml/imageSet';
import { observeDropout } from '../../src/ml/dropoutProbe';
import { observeBatchNorm } from '../../src/ml/batchNormProbe';
import { batchTensors } from '../../src/ml/batches';
import { createRandom } from '../../src/lib/random';

function randomSet(count: number, seed: number, size = 4): ImageSet {
  const random = createRandom(seed);
  const pixels = Uint8Array.from({ length: count * size * size * 3 }, () => random.int(0, 255));
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 2);
  return new ImageSet(size, pixels, labels, Array.from({ length: count }, (_, i) => `${i}.jpg`));
}

const dense = (units: number, seed: number, inputShape?: number[]) =>
  tf.layers.dense({ ...(inputShape ? { inputShape } : {}), units, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed }) });

describe('observeDropout', () => {
  const data = randomSet(256, 1);
  const model = tf.sequential({ layers: [dense(100, 1, [48]), tf.layers.dropout({ rate: 0.5 }), dense(100, 2), tf.layers.dropout({ rate: 0.3 }), dense(1, 3)] });

  afterEach(() => { vi.restoreAllMocks(); });

  it('drops the share of units the rate asks for, a new set every step, and scales the kept ones by 1/(1 − rate)', () => {
    // An unseeded TF.js dropout seeds each mask from Math.random: seeding that makes the run reproducible.
    vi.spyOn(Math, 'random').mockImplementation(createRandom(42).next);
    const before = tf.memory().numTensors;
    const observed = observeDropout(model, data, { steps: 8, batchSize: 128 });
    expect(tf.memory().numTensors).toBe(before);
    expect(observed).toMatchObject({ layerName: model.layers[1]!.name, rate: 0.5, units: 100, batchSize: 128 });
    expect(observed.steps).toHaveLength(8);
    const mean = observed.steps.reduce((sum, step) => sum + step.fractionDropped, 0) / 8;
    // 8 × 128 × 100 draws: the standard error is 0.0016.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    for (const step of observed.steps) {
      expect(Math.abs(step.fractionDropped - 0.5)).toBeLessThan(0.03);
      expect(step.keptScale).toBeCloseTo(2, 4);
      expect(step.mask.reduce((a, b) => a + b, 0)).toBeGreaterThan(25);
    }
    // Masks differ between steps (two independent masks agree on about half the units).
    const differing = observed.steps[0]!.mask.filter((dropped, unit) => dropped !== observed.steps[1]!.mask[unit]).length;
    expect(differing).toBeGreaterThan(25);
    // At inference nothing is dropped and nothing is rescaled.
    expect(observed.inference).toEqual({ fractionDropped: 0, maxChange: 0 });
  });

  it('finds a layer by index or name and says which layers there are', () => {
    const second = observeDropout(model, data, { layer: 3, steps: 4 });
    expect(second.rate).toBe(0.3);
    expect(Math.abs(second.steps.reduce((s, step) => s + step.fractionDropped, 0) / 4 - 0.3)).toBeLessThan(0.02);
    expect(second.steps[0]!.keptScale).toBeCloseTo(1 / 0.7, 4);
    expect(() => observeDropout(model, data, { layer: 0 })).toThrow(`layer 0 (${model.layers[0]!.name}) is a Dense, not a Dropout layer`);
    expect(() => observeDropout(model, data, { layer: 'nope' })).toThrow(/the model has no Dropout layer named "nope" \(its layers: dense_\w+ \(Dense\)/);
  });

  it('shows that a seeded TF.js Dropout layer draws the same mask on every step', () => {
    const seeded = tf.sequential({ layers: [dense(100, 4, [48]), tf.layers.dropout({ rate: 0.5, seed: 7 }), dense(1, 5)] });
    const observed = observeDropout(seeded, data, { steps: 3, batchSize: 1 });
    const again = observeDropout(seeded, data, { steps: 3, batchSize: 1 });
    expect(Array.from(observed.steps[0]!.mask)).toEqual(Array.from(again.steps[0]!.mask));
    // Same seed → same 100 uniform draws, whatever the input.
    expect(Array.from(observed.steps[1]!.mask)).toEqual(Array.from(observed.steps[0]!.mask));
  });
});

describe('observeBatchNorm', () => {
  const data = randomSet(200, 2);
  const build = () => tf.sequential({ layers: [dense(100, 1, [48]), dense(100, 2), tf.layers.batchNormalization(), dense(1, 3)] });

  it('reports the batch statistics as tf.moments of the layer input, and the layer weights', async () => {
    const model = build();
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
    const { xs, ys } = batchTensors(data, Array.from({ length: 128 }, (_, i) => i));
    for (let i = 0; i < 5; i++) await model.trainOnBatch(xs, ys);
    const indices = Array.from({ length: 64 }, (_, i) => i + 10);
    const before = tf.memory().numTensors;
    const snapshot = observeBatchNorm(model, data, { indices });
    expect(tf.memory().numTensors).toBe(before);
    expect(snapshot.units).toBe(100);
    expect(snapshot.before).toHaveLength(64 * 100);

    const { xs: probe, ys: probeLabels } = batchTensors(data, indices);
    const input = tf.tidy(() => model.layers[1]!.apply(model.layers[0]!.apply(probe)) as tf.Tensor);
    const { mean, variance } = tf.moments(input, 0);
    expectClose(snapshot.batchMean, mean.dataSync());
    expectClose(snapshot.batchVariance, variance.dataSync());
    const [gamma, beta, movingMean, movingVariance] = model.layers[2]!.getWeights().map((w) => w.dataSync());
    expectClose(snapshot.gamma, gamma!);
    expectClose(snapshot.beta, beta!);
    expectClose(snapshot.movingMean, movingMean!);
    expectClose(snapshot.movingVariance, movingVariance!);
    // Training moved the moving averages away from their start (0 and 1) toward the batch statistics.
    expect(snapshot.movingMean.some((value) => Math.abs(value) > 0.01)).toBe(true);

    // "After" is what the layer outputs in training mode (which also updates its moving averages, so it comes last).
    const output = model.layers[2]!.apply(input, { training: true }) as tf.Tensor;
    expectClose(snapshot.after, output.dataSync(), 1e-4);
    tf.dispose([xs, ys, probe, probeLabels, input, mean, variance, output]);
    model.dispose();
  });

  it('leaves the layer as it was', () => {
    const model = build();
    const weights = () => model.layers[2]!.getWeights().map((w) => Array.from(w.dataSync()));
    const start = weights();
    observeBatchNorm(model, data);
    expect(weights()).toEqual(start);
    expect(() => observeBatchNorm(model, data, { layer: 1 })).toThrow(/is a Dense, not a BatchNormalization layer/);
    model.dispose();
  });
});

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
  expect(worst).toBeLessThan(tolerance);
}
