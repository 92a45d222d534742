// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { trainingProgress } from '../../src/viz/trainingProgress';
import type { EpochLogs } from '../../src/ml/train';
import * as en from '../../src/i18n/en';

// The training panel writes to the page only as often as a reader can see a change, so the page
// takes no measurable share of a fast training run; what it finally shows is complete.

function panel(totalEpochs: number, batchesPerEpoch: number) {
  let time = 0;
  const view = trainingProgress({ words: en, totalEpochs, batchesPerEpoch, now: () => time });
  const status = view.element.querySelector('[data-training-status]')!;
  return { view, status, advance: (ms: number) => { time += ms; } };
}
const logs = (n: number): EpochLogs[] => Array.from({ length: n }, (_, i) => ({ epoch: i + 1, loss: 0.7 - 0.01 * i, acc: 0.5 + 0.01 * i }));

describe('trainingProgress', () => {
  it('writes the status at most every 250 ms within an epoch, and at the first and last batch of each epoch', () => {
    const { view, status, advance } = panel(2, 40);
    const writes: string[] = [];
    for (let epoch = 1; epoch <= 2; epoch++) {
      for (let batch = 1; batch <= 40; batch++) {
        advance(20); // 40 batches of 20 ms: 800 ms per epoch
        view.batch({ epoch, epochs: 2, batch, batches: 40, samples: 128, loss: 0.5, elapsed: 0 });
        // Every write names its batch, so a changed text is a write.
        if (status.textContent !== writes.at(-1)) writes.push(status.textContent!);
      }
    }
    // Per epoch: its first batch, one write per 250 ms (batches 14 and 27) and its last: 4, not 40.
    expect(writes).toHaveLength(8);
    expect(view.element.querySelector('progress')!.value).toBe(1);
    expect(writes[4]).toMatch(/^Epoch 2\/2 · batch 1\/40 · /);
    expect(writes.at(-1)).toMatch(/^Epoch 2\/2 · batch 40\/40 · .* · [\d,]+ images\/s$/);
  });

  it('redraws the curves at most once a second, and draws the last epochs when training ends', () => {
    const { view, advance } = panel(50, 10);
    const figures: Element[] = [];
    for (let epoch = 1; epoch <= 12; epoch++) {
      advance(300);
      view.epoch(logs(epoch));
      const figure = view.element.querySelector('[data-figure="history"]');
      if (figure && figure !== figures.at(-1)) figures.push(figure);
    }
    // 12 epochs of 300 ms: drawn at epoch 1, then after ≥ 1 s (epochs 5 and 9), not 12 times.
    expect(figures).toHaveLength(3);
    view.finish('Training stopped by a callback: 12 epochs');
    const last = view.element.querySelector('[data-figure="history"]')!;
    expect(last).not.toBe(figures.at(-1));
    expect(view.element.querySelector('[data-training-status]')!.textContent).toBe('Training stopped by a callback: 12 epochs');
  });
});
