// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { firstNonFinite, runHints, stopOnNonFiniteLoss } from '../../src/ml/runHints';
import { runHintsView } from '../../src/viz/runHintsView';
import { messages } from '../../src/i18n';
import type { EpochLogs } from '../../src/ml/train';

const history = (rows: Array<[loss: number, acc: number, valLoss?: number, valAcc?: number]>): EpochLogs[] =>
  rows.map(([loss, acc, val_loss, val_acc], i) => ({ epoch: i + 1, loss, acc, val_loss, val_acc }));

// Training loss falls throughout, validation loss bottoms out at epoch 5 (0.50) and rises after: the baseline's shape.
const VAL_LOSS = [0.66, 0.61, 0.57, 0.53, 0.5, 0.505, 0.52, 0.54, 0.56, 0.58, 0.6];
// A healthy run that overfits: validation loss bottoms out at epoch 5 and rises after (the baseline's shape).
const overfits = history(VAL_LOSS.map((valLoss, i) => [0.69 - 0.04 * i, 0.55 + 0.035 * i, valLoss, 0.6 + 0.015 * Math.min(i, 6)]));

describe('runHints', () => {
  it('finds the overfitting point of a run that overfits, and nothing else', () => {
    expect(runHints(overfits, { hasDropout: false })).toEqual([{ kind: 'overfitting', epoch: 5, valLoss: 0.5, epochsAfter: 6 }]);
  });

  it('uses the course’s rule (min delta 0.01, patience 5): not before 5 epochs without improvement, not for a smaller fall', () => {
    expect(runHints(overfits.slice(0, 9))).toEqual([]); // four epochs after the best: still improving as far as the rule knows
    // Epoch 6 beats epoch 5 by 0.005 only: the point stays at epoch 5.
    const tiny = overfits.map((logs) => (logs.epoch === 6 ? { ...logs, val_loss: 0.495 } : logs));
    expect(runHints(tiny)).toEqual([{ kind: 'overfitting', epoch: 5, valLoss: 0.5, epochsAfter: 6 }]);
    expect(runHints(history([[0.7, 0.5], [0.69, 0.6], [0.5, 0.7], [0.4, 0.8], [0.3, 0.85], [0.2, 0.9], [0.1, 0.95]]))).toEqual([]); // no validation
  });

  it('flags NaN or infinite loss, alone, at the epoch it appeared', () => {
    const diverged = history([[0.7, 0.55, 0.69, 0.58], [3.2, 0.5, 8.1, 0.42], [Number.NaN, 0.42, Number.NaN, 0.58]]);
    expect(firstNonFinite(diverged)).toEqual({ epoch: 3, metric: 'loss' });
    expect(runHints(diverged, { hasDropout: true })).toEqual([{ kind: 'nonFinite', epoch: 3, metric: 'loss' }]);
    const validationOnly = history([[0.7, 0.55, Number.POSITIVE_INFINITY, 0.5]]);
    expect(runHints(validationOnly)).toEqual([{ kind: 'nonFinite', epoch: 1, metric: 'val_loss' }]);
  });

  it('flags almost no movement in the first epochs (the article’s 1e-5 at 64×64)', () => {
    const still = history([[0.6931, 0.58, 0.6929, 0.58], [0.6925, 0.58, 0.6924, 0.59], [0.692, 0.59, 0.692, 0.6], [0.6914, 0.6, 0.6915, 0.6]]);
    const hints = runHints(still);
    expect(hints.map((h) => h.kind)).toContain('noMovement');
    expect(runHints(overfits).map((h) => h.kind)).not.toContain('noMovement');
  });

  it('explains validation above training accuracy under dropout, and only under dropout', () => {
    const dropout = history([[0.7, 0.55, 0.66, 0.61], [0.64, 0.6, 0.6, 0.66], [0.6, 0.64, 0.57, 0.69], [0.57, 0.67, 0.55, 0.71]]);
    expect(runHints(dropout, { hasDropout: true })).toContainEqual({ kind: 'validationAboveTraining', epochs: 4, total: 4 });
    expect(runHints(dropout, { hasDropout: false }).map((h) => h.kind)).not.toContain('validationAboveTraining');
  });
});

describe('runHintsView', () => {
  it('says each hint in the page’s language, and shows nothing for a run that needs none', () => {
    const hints = runHints(overfits);
    const en = runHintsView(hints, messages('en').hints)!;
    expect(en.getAttribute('data-run-hints')).toBe('overfitting');
    expect(en.querySelector('[data-hint="overfitting"]')!.textContent).toMatch(/^The overfitting point: validation loss last fell by more than the course's min delta \(0\.01\) at epoch 5 \(0\.5000\), and has not for the 6 epochs since/);
    const zh = runHintsView(hints, messages('zh').hints)!;
    expect(zh.querySelector('[data-hint="overfitting"]')!.textContent).toMatch(/^过拟合点：验证损失最后一次下降超过课程的最小改善量（0\.01）是在第 5 轮（0\.5000），之后 6 轮都没有再这样下降/);
    expect(runHintsView([], messages('en').hints)).toBeUndefined();
    const nan = runHintsView([{ kind: 'nonFinite', epoch: 3, metric: 'loss' }], messages('en').hints)!;
    expect(nan.textContent).toContain('The training loss became NaN or infinite at epoch 3, so training was stopped there');
  });
});

describe('stopOnNonFiniteLoss', () => {
  it('ends a run whose loss became NaN after that epoch, not 20 epochs later', async () => {
    const tf = await import('@tensorflow/tfjs');
    const { train } = await import('../../src/ml/train');
    const { ImageSet } = await import('../../src/ml/imageSet');
    const data = new ImageSet(2, Uint8Array.from({ length: 16 * 12 }, (_, i) => i % 256), Uint8Array.from({ length: 16 }, (_, i) => i % 2), Array.from({ length: 16 }, (_, i) => `${i}.jpg`));
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [12], units: 1, activation: 'sigmoid' })] });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    // Weights that are not numbers: what a far too high learning rate ends in.
    model.layers[0]!.setWeights([tf.fill([12, 1], Number.NaN), tf.zeros([1])]);
    const history = await train(model, data, { epochs: 20, batchSize: 8, validation: data, callbacks: stopOnNonFiniteLoss });
    expect(history.epochs).toHaveLength(1);
    expect(history.stopReason).toBe('stopped by a callback');
    expect(runHints(history.epochs)[0]).toMatchObject({ kind: 'nonFinite', epoch: 1 });
    model.dispose();
  });
});
