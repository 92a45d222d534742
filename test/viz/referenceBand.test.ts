// @vitest-environment jsdom
/**
 * The reference figure a training cell shows before it runs, and the live figure drawn over the same band
 * (issue 16 §1), as rendered: what they say, their marks, and snapshots that fail when missing or changed.
 */
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n';
import { lessonReference } from '../../src/ml/referenceBands';
import type { EpochLogs } from '../../src/ml/train';
import { historyFigure } from '../../src/viz/historyFigure';
import { referenceFigure } from '../../src/viz/referenceBand';
import { expectSnapshot } from './snapshot';

const cells = [
  { id: 'load', source: 'const seed = 1;\nconst data = await loadDataset();' },
  { id: 'train', source: 'const history = await fit(model, train, { epochs: 3, seed });' },
];
// Five seeds whose validation accuracy ends at 60 % to 64 %, 1 point apart.
const run = (seed: number): EpochLogs[] => [0, 1, 2].map((i) => ({ epoch: i + 1, loss: 0.69 - 0.02 * i - seed / 200, acc: 0.55 + 0.02 * i + seed / 100, val_loss: 0.68 - 0.01 * i, val_acc: 0.56 + 0.02 * i + seed / 100 }));
const reference = lessonReference({
  lesson: '01-x',
  cells,
  runsBySeed: new Map([0, 1, 2, 3, 4].map((seed) => [seed + 1, [{ label: 'MLP', epochs: run(seed) }]])),
  dataset: { id: 'default', title: 'Generated default dataset', source: 'generated', manifestHash: 'abc' },
  maxEpochs: null,
  made: new Date('2026-12-02T12:00:00Z'),
});
const figure = reference.figures[0]!;

const marks = (root: Element, metric: string) => {
  const chart = root.querySelector(`[data-metric="${metric}"]`)!;
  const lines = [...chart.querySelectorAll('g[aria-label="line"]')];
  return {
    areas: chart.querySelectorAll('g[aria-label="area"] path').length,
    dashed: lines.filter((g) => g.getAttribute('stroke-dasharray')).flatMap((g) => [...g.querySelectorAll('path')]).length,
    solid: lines.filter((g) => !g.getAttribute('stroke-dasharray')).flatMap((g) => [...g.querySelectorAll('path')]).length,
  };
};

describe('the reference figure before a run', () => {
  it('says what it is, draws the band and median of both splits, and gives the final spread', () => {
    const element = referenceFigure(reference, figure, { text: messages('en').references, words: messages('en').curves, language: 'en', status: 'current', document, width: 320 });
    expect(element.querySelector('[data-reference-label]')!.textContent).toBe('Reference: 5 runs made when the course was built, default dataset');
    expect(element.querySelector('[data-reference-stale]')).toBeNull();
    for (const metric of ['loss', 'accuracy']) expect(marks(element, metric), metric).toEqual({ areas: 2, dashed: 2, solid: 0 });
    expect(element.querySelector('figcaption')!.textContent).toBe('Shaded: from the lowest to the highest of the runs, epoch by epoch; dashed: their median. Run the cell to draw your own run over it. Final validation accuracy: 60.0 % to 64.0 % (median 62.0 %) after 3 epochs.');
    // Axes labelled, and a text alternative for each chart.
    expect(element.querySelector('[data-metric="loss"]')!.textContent).toContain('loss (binary cross-entropy)');
    expect(element.textContent).toContain('epoch');
    expect([...element.querySelectorAll('svg[aria-label], [data-metric][aria-label]')].map((svg) => svg.getAttribute('aria-label'))).toContain('loss per epoch: band and median of 5 reference runs, training and validation');
    expectSnapshot(element, 'reference-figure');
  });

  it('says when it is stale or for another dataset, in the page’s language', () => {
    const stale = referenceFigure(reference, figure, { text: messages('en').references, words: messages('en').curves, language: 'en', status: 'cells-changed', document, width: 320 });
    expect(stale.querySelector('[data-reference-stale]')!.textContent).toMatch(/^Stale: the lesson’s cells differ/);
    const zh = referenceFigure(reference, figure, { text: messages('zh').references, words: messages('zh').curves, language: 'zh', status: 'other-dataset', document, width: 320 });
    expect(zh.querySelector('[data-reference-stale]')!.textContent).toBe('此参考基于默认数据集；运行 `npm run references` 为你的数据集生成参考。');
    expect(zh.querySelector('[data-reference-label]')!.textContent).not.toMatch(/[A-Za-z]{4,}/);
  });
});

describe('the reader’s run over the band', () => {
  it('draws the run’s own curves over the band and median', () => {
    const mine = run(6).slice(0, 2);
    const element = historyFigure(mine, { words: messages('en').curves, totalEpochs: 3, document, width: 320, reference: { figure, caption: 'Behind your run: the band.', status: 'current' } });
    expect(element.getAttribute('data-reference-band')).toBe('3');
    expect(element.getAttribute('data-reference-status')).toBe('current');
    for (const metric of ['loss', 'accuracy']) expect(marks(element, metric), metric).toEqual({ areas: 2, dashed: 2, solid: 2 });
    expect(element.querySelector('figcaption')!.textContent).toBe('After 2 epochs: training accuracy 63.0 %, validation accuracy 64.0 %. Behind your run: the band.');
    expectSnapshot(element, 'history-over-reference');
  });
});
