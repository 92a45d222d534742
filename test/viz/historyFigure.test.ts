// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { historyFigure } from '../../src/viz/historyFigure';
import { bestValidationEpoch } from '../../src/viz/overfitting';
import type { EpochLogs } from '../../src/ml/train';

// Training loss falls throughout; validation loss bottoms out at epoch 4, then rises: overfitting.
const epochs: EpochLogs[] = [0.69, 0.6, 0.55, 0.52, 0.54, 0.58, 0.63].map((valLoss, i) => ({
  epoch: i + 1,
  loss: 0.7 - 0.08 * i,
  acc: 0.55 + 0.06 * i,
  val_loss: valLoss,
  val_acc: 0.55 + 0.03 * Math.min(i, 3),
}));

describe('bestValidationEpoch', () => {
  it('finds the epoch where validation loss stops improving', () => {
    expect(bestValidationEpoch(epochs)).toEqual({ epoch: 4, valLoss: 0.52, epochsAfter: 3 });
  });
  it('says nothing without validation figures', () => {
    expect(bestValidationEpoch([{ epoch: 1, loss: 0.5 }])).toBeUndefined();
  });
});

describe('historyFigure', () => {
  it('draws loss and accuracy for training and validation, with the start of overfitting marked', () => {
    const figure = historyFigure(epochs, { markOverfitting: true });
    const charts = figure.querySelectorAll('[data-metric]');
    expect([...charts].map((chart) => chart.getAttribute('data-metric'))).toEqual(['loss', 'accuracy']);
    const loss = figure.querySelector('[data-metric="loss"]')!;
    expect(loss.textContent).toContain('validation loss stops improving (epoch 4)');
    // Two series (training, validation) → two line paths per chart.
    expect(loss.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(loss.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(14);
    expect(loss.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(1);
    expect(figure.querySelector('figcaption')!.textContent).toBe(
      'After 7 epochs: training accuracy 91.0 %, validation accuracy 64.0 %. Validation loss was lowest at epoch 4; the shaded epochs after it fit the training images better and the validation images worse: overfitting.',
    );
  });

  it('draws no marker while validation loss is still improving', () => {
    const improving = epochs.slice(0, 4);
    const figure = historyFigure(improving, { markOverfitting: true, totalEpochs: 50 });
    expect(figure.querySelector('[data-metric="loss"]')!.textContent).not.toContain('stops improving');
    expect(figure.querySelector('figcaption')!.textContent).toBe('After 4 epochs: training accuracy 73.0 %, validation accuracy 64.0 %.');
  });
});
