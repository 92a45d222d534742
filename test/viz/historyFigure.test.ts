// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { historyFigure } from '../../src/viz/historyFigure';
import { overfittingPoint, readValidationLoss } from '../../src/viz/overfitting';
import { EarlyStopping } from '../../src/ml/earlyStopping';
import type { EpochLogs } from '../../src/ml/train';
import * as en from '../../src/i18n/en';
import { expectSnapshot } from './snapshot';

// Training loss falls throughout; validation loss bottoms out at epoch 4, then rises for 5 epochs: overfitting.
const epochs: EpochLogs[] = [0.69, 0.6, 0.55, 0.52, 0.54, 0.58, 0.63, 0.66, 0.7].map((valLoss, i) => ({
  epoch: i + 1,
  loss: 0.7 - 0.06 * i,
  acc: 0.55 + 0.045 * i,
  val_loss: valLoss,
  val_acc: 0.55 + 0.03 * Math.min(i, 3),
}));

/** A curve whose validation loss falls by `step` every epoch, then by `tail` (plus an alternating wobble) in the last epochs. */
function falling(count: number, step: number): EpochLogs[] {
  return Array.from({ length: count }, (_, i) => ({ epoch: i + 1, loss: 0.7 - 0.01 * i, acc: 0.6, val_loss: 0.7 - step * i, val_acc: 0.6 }));
}

/** What EarlyStopping (val_loss, min delta, patience) decides on the same curve, run to the end. */
function stopperBest(curve: EpochLogs[], minDelta: number, patience: number) {
  const stopper = new EarlyStopping({ monitor: 'val_loss', minDelta, patience });
  stopper.onTrainBegin({});
  let stoppedAt: number | undefined;
  for (const logs of curve) if (stopper.onEpochEnd(logs) === 'stop' && stoppedAt === undefined) stoppedAt = logs.epoch;
  return { bestEpoch: stopper.summary().bestEpoch, stoppedAt };
}

describe('the overfitting point (early stopping’s rule)', () => {
  it('marks no epoch on a curve that is still falling', () => {
    const curve = falling(50, 0.012);
    expect(overfittingPoint(curve)).toBeUndefined();
    expect(readValidationLoss(curve)).toMatchObject({ bestEpoch: 50, epochsAfter: 0, stoppedImproving: false });
  });

  it('marks no epoch for noise at the end of a falling curve (lowest at epoch 48 of 50)', () => {
    const curve = falling(50, 0.012);
    curve[48]!.val_loss = curve[47]!.val_loss! + 0.003;
    curve[49]!.val_loss = curve[47]!.val_loss! + 0.001;
    expect(overfittingPoint(curve)).toBeUndefined();
    expect(readValidationLoss(curve)).toMatchObject({ bestEpoch: 48, epochsAfter: 2, stoppedImproving: false });
  });

  it('marks the last improvement once patience epochs have passed without one, as early stopping would', () => {
    expect(overfittingPoint(epochs)).toMatchObject({ bestEpoch: 4, epochsAfter: 5, stoppedImproving: true });
    expect(stopperBest(epochs, 0.01, 5)).toEqual({ bestEpoch: 4, stoppedAt: 9 });
    // One epoch fewer: patience 5 has not run out, so there is no mark yet.
    expect(overfittingPoint(epochs.slice(0, 8))).toBeUndefined();
    expect(overfittingPoint(epochs.slice(0, 8), { minDelta: 0.01, patience: 4 })).toMatchObject({ bestEpoch: 4 });
  });

  it('counts only falls larger than min delta: the best epoch and the lowest one can differ', () => {
    // Falls by 0.05 an epoch to epoch 5 (0.5), then creeps down for 6 epochs, never more than 0.01 below epoch 5.
    const creep = [0.003, 0.006, 0.008, 0.009, 0.0095, 0.0098];
    const curve = [...falling(5, 0.05), ...creep.map((fall, i) => ({ epoch: 6 + i, loss: 0.3, acc: 0.9, val_loss: 0.5 - fall, val_acc: 0.7 }))];
    const reading = overfittingPoint(curve)!;
    expect(reading).toMatchObject({ bestEpoch: 5, lowestEpoch: 11, stoppedImproving: true });
    expect(stopperBest(curve, 0.01, 5).bestEpoch).toBe(5);
    const caption = historyFigure(curve, { words: en.curves, markOverfitting: true }).querySelector('figcaption')!.textContent!;
    expect(caption).toContain('Validation loss last fell by more than 0.01 at epoch 5 and not in the 6 epochs after it (the rule of early stopping: min delta 0.01, patience 5).');
    expect(caption).toContain('(Its lowest value, 0.4902 at epoch 11, was less than 0.01 below epoch 5\'s 0.5000, so it does not count as an improvement.)');
  });

  it('says nothing without validation figures', () => {
    expect(readValidationLoss([{ epoch: 1, loss: 0.5 }])).toBeUndefined();
  });
});

describe('historyFigure', () => {
  it('draws loss and accuracy for training and validation, with the start of overfitting marked', () => {
    const figure = historyFigure(epochs, { words: en.curves, markOverfitting: true });
    const charts = figure.querySelectorAll('[data-metric]');
    expect([...charts].map((chart) => chart.getAttribute('data-metric'))).toEqual(['loss', 'accuracy']);
    expect(figure.getAttribute('data-overfitting-epoch')).toBe('4');
    const loss = figure.querySelector('[data-metric="loss"]')!;
    expect(loss.textContent).toContain('validation loss stops improving (epoch 4)');
    // Two series (training, validation) → two line paths per chart.
    expect(loss.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(loss.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(18);
    expect(loss.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(1);
    expect(figure.querySelector('figcaption')!.textContent).toBe(
      'After 9 epochs: training accuracy 91.0 %, validation accuracy 64.0 %. Validation loss last fell by more than 0.01 at epoch 4 and not in the 5 epochs after it ' +
      '(the rule of early stopping: min delta 0.01, patience 5). The shaded epochs fit the training images better and the validation images no better: overfitting.',
    );
    expectSnapshot(figure, 'history-overfitting');
  });

  it('draws no marker while validation loss is still improving, and says so', () => {
    const improving = epochs.slice(0, 4);
    const figure = historyFigure(improving, { words: en.curves, markOverfitting: true, totalEpochs: 50 });
    expect(figure.hasAttribute('data-overfitting-epoch')).toBe(false);
    expect(figure.querySelector('[data-metric="loss"]')!.textContent).not.toContain('stops improving');
    expect(figure.querySelector('[data-metric="loss"] g[aria-label="rect"]')).toBeNull();
    expect(figure.querySelector('figcaption')!.textContent).toBe(
      'After 4 epochs: training accuracy 68.5 %, validation accuracy 64.0 %. Validation loss is still improving: it fell by more than 0.01 in the last epoch, 4 ' +
      '(the rule of early stopping: min delta 0.01, patience 5), so no epoch is marked as the start of overfitting.',
    );
  });

  it('gives a short run that rose for fewer epochs than the patience no mark, and says why (epoch 2 of 3)', () => {
    const short = [0.69, 0.6, 0.62].map((valLoss, i) => ({ epoch: i + 1, loss: 0.7 - 0.05 * i, acc: 0.6, val_loss: valLoss, val_acc: 0.6 }));
    const figure = historyFigure(short, { words: en.curves, markOverfitting: true });
    expect(figure.hasAttribute('data-overfitting-epoch')).toBe(false);
    expect(figure.querySelector('figcaption')!.textContent).toContain(
      'Validation loss last fell by more than 0.01 at epoch 2; only 1 epoch has followed, fewer than the patience of 5 (the rule of early stopping: min delta 0.01, patience 5), so no epoch is marked as the start of overfitting yet.',
    );
  });
});
