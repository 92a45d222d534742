import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { TrainingClock, estimateTrainingMs } from '../../src/ml/trainingClock';
import { recalledThroughput, rememberThroughput } from '../../src/ml/throughputLog';
import { trainingProgress } from '../../src/viz/trainingProgress';
import * as en from '../../src/i18n/en';

/** A scripted clock: each batch takes `batchMs`, the first one `warmUpMs`, each epoch end `epochExtraMs`. */
function simulate(clock: TrainingClock, time: { now: number }, { epochs, batches, warmUpMs, batchMs, epochExtraMs, stopAfter }: { epochs: number; batches: number; warmUpMs: number; batchMs: number; epochExtraMs: number; stopAfter?: [number, number] }) {
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let batch = 1; batch <= batches; batch++) {
      time.now += epoch === 1 && batch === 1 ? warmUpMs : batchMs;
      clock.batchEnded(epoch, batch, 100);
      if (stopAfter && stopAfter[0] === epoch && stopAfter[1] === batch) return;
    }
    time.now += epochExtraMs;
    clock.epochEnded(epoch);
  }
}

describe('TrainingClock', () => {
  it('has no estimate after the warm-up batch alone', () => {
    const time = { now: 0 };
    const clock = new TrainingClock(5, 10, () => time.now);
    simulate(clock, time, { epochs: 5, batches: 10, warmUpMs: 3000, batchMs: 50, epochExtraMs: 400, stopAfter: [1, 1] });
    expect(clock.remainingMs()).toBeUndefined();
    expect(clock.samplesPerSecond()).toBeUndefined();
  });

  it('leaves the slow first batch out of the throughput and the ETA', () => {
    const time = { now: 0 };
    const clock = new TrainingClock(5, 10, () => time.now);
    simulate(clock, time, { epochs: 5, batches: 10, warmUpMs: 3000, batchMs: 50, epochExtraMs: 400, stopAfter: [1, 4] });
    expect(clock.samplesPerSecond()).toBeCloseTo(2000, 6); // 100 images per 50 ms
    // 46 batches of 50 ms; the validation time of the 5 epoch ends is not known yet.
    expect(clock.remainingMs()).toBeCloseTo(46 * 50, 6);
  });

  it('adds the measured time of every epoch end still to come (validation, figures)', () => {
    const time = { now: 0 };
    const clock = new TrainingClock(5, 10, () => time.now);
    simulate(clock, time, { epochs: 5, batches: 10, warmUpMs: 3000, batchMs: 50, epochExtraMs: 400, stopAfter: [2, 5] });
    // 35 batches and 4 epoch ends (epochs 2 to 5) left: the ETA is the time the rest really takes.
    expect(clock.remainingMs()).toBeCloseTo(35 * 50 + 4 * 400, 6);
  });

  it('estimates a whole run from a remembered throughput', () => {
    expect(estimateTrainingMs(2000, 1646, 50)).toBeCloseTo(41_150, 6);
  });
});

describe('throughput log', () => {
  it('remembers a throughput per backend, path, input size, model size and batch size', () => {
    const storage = new JSDOM('', { url: 'http://localhost/' }).window.localStorage;
    const key = { backend: 'wasm', path: 'fast', features: 12288, parameters: 1_239_101, batchSize: 128 };
    expect(recalledThroughput(storage, key)).toBeUndefined();
    rememberThroughput(storage, key, 2400);
    expect(recalledThroughput(storage, key)).toBe(2400);
    expect(recalledThroughput(storage, { ...key, backend: 'webgl' })).toBeUndefined();
    storage.setItem('course.throughput.v1', '{not json');
    expect(recalledThroughput(storage, key)).toBeUndefined();
  });
});

describe('training progress panel', () => {
  it('shows the remembered estimate first, then an ETA and images/s from the run itself', () => {
    const { document } = new JSDOM('').window;
    const time = { now: 0 };
    const view = trainingProgress({ words: en, totalEpochs: 2, batchesPerEpoch: 4, estimatedMs: 90_000, document, now: () => time.now });
    const status = () => view.element.querySelector('[data-training-status]')!.textContent;
    expect(status()).toBe('Epoch 0/2: starting… · expected to take about 1:30 (measured on this device before)');
    time.now = 5000;
    view.batch({ epoch: 1, epochs: 2, batch: 1, batches: 4, samples: 128, loss: 0.7, elapsed: 5000 });
    expect(status()).toContain('ETA about 1:25');
    time.now = 6000;
    view.batch({ epoch: 1, epochs: 2, batch: 2, batches: 4, samples: 128, loss: 0.69, elapsed: 6000 });
    // 6 batches left at 1 s each; 128 images per second.
    expect(status()).toBe('Epoch 1/2 · batch 2/4 · loss 0.6900 · elapsed 0:06 · ETA 0:06 · 128 images/s');
  });
});
