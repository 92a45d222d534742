import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { EarlyStopping, type EarlyStoppingOptions } from '../../src/ml/earlyStopping';
import { train, type EpochLogs } from '../../src/ml/train';
import { ImageSet } from '../../src/ml/imageSet';
import { predictProbabilities } from '../../src/ml/predict';
import { createRandom } from '../../src/lib/random';

/** Feeds a sequence of monitored values to the callback; returns the epoch it stopped after (or undefined). */
function run(options: EarlyStoppingOptions, values: number[], key: keyof EpochLogs = 'val_loss'): { stopped?: number; stopper: EarlyStopping } {
  const stopper = new EarlyStopping(options);
  stopper.onTrainBegin({});
  for (const [i, value] of values.entries()) {
    const logs: EpochLogs = { epoch: i + 1, loss: 1, acc: 0.5, [key]: value };
    if (stopper.onEpochEnd(logs) === 'stop') return { stopped: i + 1, stopper };
  }
  stopper.onTrainEnd();
  return { stopper };
}

describe('EarlyStopping (Keras semantics)', () => {
  it('stops once the monitored loss has not improved for `patience` epochs', () => {
    const { stopped, stopper } = run({ patience: 2 }, [0.9, 0.8, 0.85, 0.81, 0.7]);
    expect(stopped).toBe(4);
    expect(stopper.bestEpoch).toBe(2);
    expect(stopper.reason()).toBe('stopped after epoch 4: no decrease of val_loss for 2 epochs');
  });

  it('counts only improvements larger than min delta', () => {
    // No epoch gets more than 0.01 below the best (0.7): patience 3 runs out at epoch 4.
    const { stopped, stopper } = run({ minDelta: 0.01, patience: 3 }, [0.7, 0.695, 0.6925, 0.692, 0.6915]);
    expect(stopped).toBe(4);
    expect(stopper.bestEpoch).toBe(1);
    expect(stopper.summary()).toMatchObject({ bestValue: 0.7, stoppedEpoch: 4, minDelta: 0.01 });
    expect(stopper.reason()).toBe('stopped after epoch 4: no decrease of val_loss by more than 0.01 for 3 epochs');
    // Improvement is measured against the best so far, not the previous epoch: small steps add up.
    expect(run({ minDelta: 0.01, patience: 3 }, [0.7, 0.695, 0.6925, 0.685, 0.684, 0.683]).stopped).toBeUndefined();
    // An improvement of exactly min delta does not count either (Keras compares strictly).
    expect(run({ minDelta: 0.25, patience: 1 }, [1, 0.75, 0.5]).stopped).toBe(2);
    // A negative min delta means the same as a positive one.
    expect(run({ minDelta: -0.01, patience: 3 }, [0.7, 0.695, 0.6925, 0.692]).stopped).toBe(4);
  });

  it('picks the direction from the monitor or the mode', () => {
    expect(new EarlyStopping({ monitor: 'val_acc' }).mode).toBe('max');
    expect(new EarlyStopping({ monitor: 'val_accuracy' }).monitor).toBe('val_acc');
    expect(new EarlyStopping({ monitor: 'loss' }).mode).toBe('min');
    // Rising accuracy keeps training going; falling accuracy stops it.
    expect(run({ monitor: 'val_acc', patience: 1 }, [0.5, 0.6, 0.7, 0.8], 'val_acc').stopped).toBeUndefined();
    expect(run({ monitor: 'val_acc', patience: 1 }, [0.5, 0.6, 0.55], 'val_acc').stopped).toBe(3);
    // mode 'max' on a loss treats a rising loss as improvement (what a wrong mode does).
    expect(run({ mode: 'max', patience: 1 }, [0.9, 0.8], 'val_loss').stopped).toBe(2);
    expect(run({ mode: 'min', patience: 1 }, [0.9, 0.8], 'val_loss').stopped).toBeUndefined();
  });

  it('with a baseline, restarts the counter only for values that also beat the baseline', () => {
    // Improves for four epochs without getting below 0.5, then stalls: the counter kept running
    // through the improvements, so it stops at the first stall (without a baseline it would go on).
    const { stopped, stopper } = run({ patience: 3, baseline: 0.5 }, [0.9, 0.8, 0.7, 0.6, 0.6]);
    expect(stopped).toBe(5);
    expect(run({ patience: 3 }, [0.9, 0.8, 0.7, 0.6, 0.6]).stopped).toBeUndefined();
    expect(stopper.reason()).toMatch(/never beat the baseline 0\.5/);
    expect(run({ patience: 2, baseline: 0.5 }, [0.9, 0.45, 0.4, 0.41, 0.3]).stopped).toBeUndefined();
  });

  it('patience 0 stops at the first epoch without improvement, never after the first epoch', () => {
    expect(run({ patience: 0 }, [0.5, 0.4, 0.45]).stopped).toBe(3);
    expect(run({ patience: 0, baseline: 0.1 }, [0.5, 0.6]).stopped).toBe(2);
  });

  it('explains wrong settings and missing figures in words', () => {
    expect(() => new EarlyStopping({ monitor: 'val_precision' as never })).toThrow('invalid monitor: "val_precision" (expected val_loss, val_acc, loss or acc)');
    expect(() => new EarlyStopping({ patience: -1 })).toThrow('invalid patience: -1');
    const stopper = new EarlyStopping({ monitor: 'val_loss' });
    stopper.onTrainBegin({});
    expect(() => stopper.onEpochEnd({ epoch: 1, loss: 0.5, acc: 0.7 })).toThrow('early stopping monitors val_loss, but the epoch logs have only loss, acc: pass a validation set to fit');
  });

  it('reports when it did not stop', () => {
    expect(run({ patience: 5 }, [0.9, 0.8, 0.85]).stopper.reason()).toBe('did not stop: ran all 3 epochs; 1 of 5 epochs of patience used');
  });
});

/** Images whose label is noisy, so validation loss has a best epoch and then worsens. */
function noisySet(count: number, seed: number): ImageSet {
  const random = createRandom(seed);
  const pixels = new Uint8Array(count * 12);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = random.chance(0.5) ? 1 : 0;
    for (let p = 0; p < 12; p++) pixels[i * 12 + p] = Math.round(random.uniform(0, 255) * 0.6 + (labels[i] ? 90 : 10));
  }
  return new ImageSet(2, pixels, labels, Array.from({ length: count }, (_, i) => `${i}.jpg`));
}

describe('EarlyStopping with restoreBestWeights', () => {
  it('leaves the model with the best epoch’s weights: its predictions equal those saved at that epoch', async () => {
    const data = noisySet(48, 1);
    const validation = noisySet(40, 2);
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [12], units: 16, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(0.1), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const stopper = new EarlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true });
    const predictionsByEpoch = new Map<number, Float32Array>();
    const record = { onEpochEnd: async (logs: EpochLogs) => { predictionsByEpoch.set(logs.epoch, await predictProbabilities(model, validation)); } };
    const before = tf.memory().numTensors;
    const history = await train(model, data, { epochs: 60, batchSize: 16, validation, callbacks: [record, stopper] });

    const best = stopper.bestEpoch!;
    expect(history.stopReason).toBe('stopped by a callback');
    expect(stopper.stoppedEpoch).toBe(history.epochs.length);
    expect(best).toBe(stopper.stoppedEpoch! - 3);
    expect(stopper.restoredEpoch).toBe(best);
    // The best epoch is the one with the lowest validation loss.
    expect(Math.min(...history.epochs.map((e) => e.val_loss!))).toBe(history.epochs[best - 1]!.val_loss);
    const now = await predictProbabilities(model, validation);
    expect(Array.from(now)).toEqual(Array.from(predictionsByEpoch.get(best)!));
    expect(Array.from(now)).not.toEqual(Array.from(predictionsByEpoch.get(stopper.stoppedEpoch!)!));
    // The saved copies are disposed; only the optimizer's state was added.
    const optimizerTensors = model.optimizer.getWeights ? (await model.optimizer.getWeights()).length : 0;
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before + optimizerTensors + 1);
    model.dispose();
  });

  it('without restoreBestWeights keeps the last epoch’s weights', async () => {
    const data = noisySet(48, 1);
    const validation = noisySet(40, 2);
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [12], units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })] });
    model.compile({ optimizer: tf.train.adam(0.1), loss: 'binaryCrossentropy' });
    const stopper = new EarlyStopping({ patience: 1 });
    let last: Float32Array | undefined;
    await train(model, data, { epochs: 30, batchSize: 16, validation, callbacks: [{ onEpochEnd: async () => { last = await predictProbabilities(model, validation); } }, stopper] });
    expect(stopper.restoredEpoch).toBeUndefined();
    expect(Array.from(await predictProbabilities(model, validation))).toEqual(Array.from(last!));
    model.dispose();
  });
});
