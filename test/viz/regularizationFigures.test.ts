// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { earlyStoppingFigure } from '../../src/viz/earlyStoppingFigure';
import { comparisonFigure } from '../../src/viz/comparisonFigure';
import { dropoutMaskViewer } from '../../src/viz/dropoutMaskViewer';
import { batchNormFigure, traceOf } from '../../src/viz/batchNormPanel';
import { EarlyStopping } from '../../src/ml/earlyStopping';
import type { EpochLogs } from '../../src/ml/train';
import type { DropoutObservation } from '../../src/ml/dropoutProbe';
import type { BatchNormSnapshot } from '../../src/ml/batchNormProbe';
import { createRandom } from '../../src/lib/random';
import { expectSnapshot } from './snapshot';
import * as en from '../../src/i18n/en';

/** A seeded run shaped like the article's: validation loss bottoms out near epoch 13, then creeps up. */
function seededRun(epochs: number, seed: number, overfitFrom = 13): EpochLogs[] {
  const random = createRandom(seed);
  return Array.from({ length: epochs }, (_, i) => {
    const epoch = i + 1;
    const valLoss = 0.69 - 0.1 * Math.min(epoch, overfitFrom) / overfitFrom + 0.006 * Math.max(0, epoch - overfitFrom) + random.normal(0, 0.004);
    return { epoch, loss: 0.69 - 0.25 * (1 - Math.exp(-epoch / 12)) + random.normal(0, 0.003), acc: 0.55 + 0.35 * (1 - Math.exp(-epoch / 12)), val_loss: valLoss, val_acc: 0.55 + 0.15 * Math.min(epoch, overfitFrom) / overfitFrom - 0.002 * Math.max(0, epoch - overfitFrom) };
  });
}

function stoppedRun(patience: number) {
  const stopper = new EarlyStopping({ monitor: 'val_loss', minDelta: 0.01, patience });
  stopper.onTrainBegin({});
  const epochs: EpochLogs[] = [];
  for (const logs of seededRun(100, 1)) {
    epochs.push(logs);
    if (stopper.onEpochEnd(logs) === 'stop') break;
  }
  return { epochs, summary: stopper.summary() };
}

describe('earlyStoppingFigure', () => {
  it('marks where and why training stopped and shades the overfitting epochs', () => {
    const { epochs, summary } = stoppedRun(5);
    const figure = earlyStoppingFigure(epochs, summary, { words: en.curves });
    expect(figure.getAttribute('data-stopped-epoch')).toBe(String(epochs.length));
    expect(figure.querySelector('[data-metric="loss"]')!.textContent).toContain(`stopped at epoch ${epochs.length}`);
    expect(figure.querySelector('[data-stopping-reason]')!.textContent).toBe(
      `EarlyStopping(val_loss, min delta 0.01, patience 5): stopped after epoch ${epochs.length}: no decrease of val_loss by more than 0.01 for 5 epochs.`,
    );
    expect(figure.querySelector('[data-metric="loss"] g[aria-label="rect"] rect')).not.toBeNull();
    expectSnapshot(figure, 'early-stopping-patience-5');
  });

  it('says when the weights of the best epoch were restored, and when training did not stop', () => {
    const run = stoppedRun(10);
    const epochs = run.epochs;
    const summary = { ...run.summary, restoredEpoch: run.summary.bestEpoch };
    const figure = earlyStoppingFigure(epochs, summary, { words: en.curves });
    expect(figure.querySelector('[data-metric="loss"]')!.textContent).toContain(`best val_loss (epoch ${summary.bestEpoch}): weights restored`);
    expect(figure.querySelector('figcaption')!.textContent).toMatch(new RegExp(`The model now holds the weights of epoch ${summary.bestEpoch}, not those of the last epoch \\(${epochs.length}\\)\\.$`));
    expectSnapshot(figure, 'early-stopping-patience-10-restored');

    const short = earlyStoppingFigure(seededRun(2, 2), { ...summary, stoppedEpoch: undefined, restoredEpoch: undefined, bestEpoch: 2, bestValue: 0.67, reason: 'did not stop: ran all 2 epochs; 0 of 10 epochs of patience used' }, { words: en.curves });
    expect(short.hasAttribute('data-stopped-epoch')).toBe(false);
    expect(short.querySelector('figcaption')!.textContent).toMatch(/^Ran all 2 epochs: training accuracy/);
  });

  it('in a 3-epoch run whose best epoch is the last, never says "not of the last epoch"', () => {
    const stopper = new EarlyStopping({ monitor: 'val_loss', minDelta: 0.01, patience: 10, restoreBestWeights: true });
    const epochs = seededRun(3, 5);
    stopper.onTrainBegin({ model: { getWeights: () => [], setWeights: () => {} } as never });
    for (const logs of epochs) stopper.onEpochEnd(logs);
    stopper.onTrainEnd();
    const summary = stopper.summary();
    expect(summary).toMatchObject({ bestEpoch: 3, restoredEpoch: 3 });
    const caption = earlyStoppingFigure(epochs, summary, { words: en.curves }).querySelector('figcaption')!.textContent!;
    expect(caption).not.toContain('not those of the last epoch');
    expect(caption).toMatch(/^Ran all 3 epochs: .*The model holds the weights of epoch 3, which is also its last epoch: restoring changed nothing\.$/);
  });

  it('explains which epoch is best under min delta when another has the lowest loss', () => {
    // Falls by 0.05 to epoch 6, then creeps down by less than 0.01 in all until patience 5 runs out.
    const valLosses = [0.69, 0.64, 0.59, 0.54, 0.49, 0.44, 0.437, 0.434, 0.432, 0.431, 0.433];
    const epochs: EpochLogs[] = valLosses.map((val_loss, i) => ({ epoch: i + 1, loss: 0.69 - 0.04 * i, acc: 0.6 + 0.03 * i, val_loss, val_acc: 0.7 }));
    const stopper = new EarlyStopping({ monitor: 'val_loss', minDelta: 0.01, patience: 5 });
    stopper.onTrainBegin({});
    for (const logs of epochs) if (stopper.onEpochEnd(logs) === 'stop') break;
    const summary = stopper.summary();
    expect(summary).toMatchObject({ bestEpoch: 6, stoppedEpoch: 11 });
    const figure = earlyStoppingFigure(epochs, summary, { words: en.curves });
    expect(figure.getAttribute('data-best-epoch')).toBe('6');
    expect(figure.getAttribute('data-extreme-epoch')).toBe('10');
    expect(figure.querySelector('figcaption')!.textContent).toBe(
      'Stopped at epoch 11: training accuracy 90.0 %, validation accuracy 70.0 %. ' +
      'Best val_loss 0.4400 at epoch 6: the last epoch that beat the best before it by more than the min delta 0.01. ' +
      'The lowest val_loss, 0.4310 at epoch 10, beat it by less than 0.01, which early stopping does not count as an improvement, so epoch 6 stays the best. ' +
      'Shaded: the 5 epochs after it, in which val_loss did not improve by more than 0.01: overfitting had begun.',
    );
  });
});

describe('comparisonFigure', () => {
  it('overlays runs, validation solid and training dashed, with each run’s final figures', () => {
    const figure = comparisonFigure([{ label: 'without dropout', epochs: seededRun(30, 3, 10) }, { label: 'with dropout', epochs: seededRun(30, 4, 20) }], { words: en.curves });
    const loss = figure.querySelector('[data-metric="loss"]')!;
    expect(loss.querySelectorAll('g[aria-label="line"] path')).toHaveLength(4);
    expect(figure.querySelector('figcaption')!.textContent).toMatch(/^Solid: validation; dashed: training; the earlier runs are the wider, paler lines underneath\. without dropout: 30 epochs, training accuracy \d+\.\d %, validation accuracy \d+\.\d %\. with dropout: 30 epochs/);
    expectSnapshot(figure, 'comparison-dropout');
    expect(() => comparisonFigure([], { words: en.curves })).toThrow('nothing to compare');
  });

  it('keeps both patience runs visible where they coincide, and marks where each one stopped', () => {
    const five = stoppedRun(5);
    const ten = stoppedRun(10);
    expect(ten.epochs.length).toBeGreaterThan(five.epochs.length);
    const figure = comparisonFigure([
      { label: 'patience 5', epochs: five.epochs, stoppedEpoch: five.summary.stoppedEpoch },
      { label: 'patience 10', epochs: ten.epochs, stoppedEpoch: ten.summary.stoppedEpoch },
    ], { words: en.curves });
    const loss = figure.querySelector('[data-metric="loss"]')!;
    const widths = [...loss.querySelectorAll('g[aria-label="line"]')].map((line) => Number(line.getAttribute('stroke-width')));
    // training and validation of patience 5, then of patience 10: the earlier run is wider, underneath.
    expect(widths).toEqual([4, 4.5, 1.5, 2]);
    expect(loss.textContent).toContain(`patience 5: stopped at epoch ${five.summary.stoppedEpoch}`);
    expect(loss.textContent).toContain(`patience 10: stopped at epoch ${ten.summary.stoppedEpoch}`);
    expect(loss.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(2);
    expect(figure.querySelector('figcaption')!.textContent).toMatch(/^Solid: validation; dashed: training; the earlier runs are the wider, paler lines underneath\. patience 5: stopped early after \d+ epochs/);
  });
});

describe('dropoutMaskViewer', () => {
  it('draws one grid of units per step plus inference, and the fraction dropped against the rate', () => {
    const random = createRandom(5);
    const observation: DropoutObservation = {
      layerName: 'dropout_1', rate: 0.5, units: 100, batchSize: 128,
      steps: [1, 2, 3, 4].map((step) => ({ step, mask: Uint8Array.from({ length: 100 }, () => (random.chance(0.5) ? 1 : 0)), keptScale: 2, fractionDropped: 0.5 + random.normal(0, 0.004) })),
      inference: { fractionDropped: 0, maxChange: 0 },
    };
    const figure = dropoutMaskViewer(observation, { words: en.dropout });
    expect(figure.querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(500);
    expect(figure.querySelector('table')!.textContent).toContain('inference0.0 %×1.00 (unchanged)');
    expect(figure.querySelector('[data-dropout-summary]')!.textContent).toMatch(/^dropout_1, rate 0\.5: on 4 training steps of 128 images, 4\d\.\d %|5\d\.\d % of the units were dropped/);
    expectSnapshot(figure, 'dropout-masks');
  });
});

describe('batchNormFigure', () => {
  it('shows batch against moving statistics for every unit, gamma and beta, histograms and the trace', () => {
    const random = createRandom(6);
    const units = 100;
    const arr = (f: (u: number) => number) => Float32Array.from({ length: units }, (_, u) => f(u));
    const before = Float32Array.from({ length: 32 * units }, () => 1 / (1 + Math.exp(-random.normal(0, 2))));
    const snapshot: BatchNormSnapshot = {
      layerName: 'batch_normalization_1', units, epsilon: 0.001,
      batchMean: arr(() => random.uniform(0.3, 0.7)), batchVariance: arr(() => random.uniform(0.05, 0.2)),
      movingMean: arr(() => random.uniform(0.2, 0.6)), movingVariance: arr(() => random.uniform(0.3, 0.9)),
      gamma: arr(() => 1 + random.normal(0, 0.01)), beta: arr(() => random.normal(0, 0.01)),
      before, after: before.map((v) => (v - 0.5) / 0.35),
    };
    const trace = [traceOf(snapshot, 0, 0), { batches: 13, epoch: 1, meanGap: 0.1, varianceGap: 0.3 }, { batches: 26, epoch: 2, meanGap: 0.05, varianceGap: 0.1 }];
    const figure = batchNormFigure(snapshot, trace, { words: en.batchNorm, label: 'after epoch 2' });
    expect(figure.getAttribute('data-units')).toBe('100');
    expect([...figure.querySelectorAll('[data-chart]')].map((c) => c.getAttribute('data-chart'))).toEqual(['mean', 'variance', 'gamma-beta', 'before', 'after', 'trace']);
    expect(figure.querySelectorAll('[data-chart="mean"] g[aria-label="dot"] circle')).toHaveLength(200);
    expect(figure.querySelector('.batch-norm-heading')!.textContent).toBe('batch_normalization_1 after epoch 2: 100 units, statistics of a batch of 32 training images.');
    expectSnapshot(figure, 'batch-norm-panel');
  });
});
