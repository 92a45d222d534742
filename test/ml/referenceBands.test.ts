import { describe, expect, it } from 'vitest';
import { bandsOf, cellsHash, lessonReference, manifestHash, referenceStatus, spreadOf, trainingCells } from '../../src/ml/referenceBands';
import type { EpochLogs } from '../../src/ml/train';

const run = (losses: number[], accuracy = 0.6): EpochLogs[] => losses.map((loss, i) => ({ epoch: i + 1, loss, acc: accuracy + 0.01 * i, val_loss: loss + 0.1, val_acc: accuracy }));

const cells = [
  { id: 'load', source: 'const seed = 1;\nconst data = await loadDataset();' },
  { id: 'train', source: 'const history = await fit(model, train, { epochs: 3, seed });' },
  { id: 'figure', source: 'plotHistory(history)' },
  { id: 'train-more', source: 'const more = await fit(other, train, { epochs: 2 });' },
];
const dataset = { id: 'default', title: 'Generated default dataset', source: 'generated' as const, manifestHash: 'abc' };

describe('reference bands', () => {
  it('takes min, median and max epoch by epoch over the seeds', () => {
    const { curves, runs, final } = bandsOf([run([0.7, 0.6, 0.5]), run([0.8, 0.5, 0.4]), run([0.6, 0.55, 0.45])]);
    expect(curves.loss).toEqual({ min: [0.6, 0.5, 0.4], median: [0.7, 0.55, 0.45], max: [0.8, 0.6, 0.5] });
    expect(curves.val_loss!.median).toEqual([0.8, 0.65, 0.55]);
    expect(runs).toEqual([3, 3, 3]);
    expect(final.loss).toEqual({ min: 0.4, median: 0.45, max: 0.5 });
    expect(final.epochs).toEqual({ min: 3, median: 3, max: 3 });
  });

  it('uses the runs that reached an epoch where early stopping ended others, and says how many', () => {
    const { curves, runs, final } = bandsOf([run([0.7, 0.6]), run([0.8, 0.5, 0.4, 0.3])]);
    expect(runs).toEqual([2, 2, 1, 1]);
    expect(curves.loss!.median).toEqual([0.75, 0.55, 0.4, 0.3]);
    expect(final.epochs).toEqual({ min: 2, median: 3, max: 4 });
    expect(final.loss).toEqual({ min: 0.3, median: 0.45, max: 0.6 });
  });

  it('leaves out a curve some run lacks (no validation) and refuses an empty set', () => {
    const noValidation = run([0.7, 0.6]).map(({ epoch, loss, acc }) => ({ epoch, loss, acc }));
    expect(Object.keys(bandsOf([noValidation, run([0.7, 0.6])]).curves)).toEqual(['loss', 'acc']);
    expect(() => bandsOf([[]])).toThrow('no run with an epoch');
    expect(spreadOf([3, 1, 2, 10])).toEqual({ min: 1, median: 2.5, max: 10 });
  });

  it('gives the i-th run of every seed to the i-th training cell, hashing the cells up to it', () => {
    expect(trainingCells(cells).map((cell) => cell.id)).toEqual(['train', 'train-more']);
    const runsBySeed = new Map([1, 2].map((seed) => [seed, [{ label: 'MLP', epochs: run([0.7, 0.6, 0.5 - seed / 100]) }, { label: 'MLP + dropout 0.5 #2', epochs: run([0.7, 0.65]) }]]));
    const reference = lessonReference({ lesson: '01-x', cells, runsBySeed, dataset, maxEpochs: null, made: new Date('2026-12-02T11:00:00Z') });
    expect(reference.figures.map((figure) => [figure.cell, figure.label, figure.runs.length])).toEqual([['train', 'MLP', 3], ['train-more', 'MLP + dropout 0.5', 2]]);
    expect(reference.figures[0]!.cellsHash).toBe(cellsHash(cells.slice(0, 2)));
    expect(reference.figures[1]!.cellsHash).toBe(cellsHash(cells));
    expect(reference).toMatchObject({ seeds: [1, 2], made: '2026-12-02', dataset });
    expect(reference.figures[0]!.curves.loss!.min.at(-1)).toBe(0.48);
  });

  it('names the lesson and seed whose runs do not match its training cells', () => {
    const runsBySeed = new Map([[3, [{ label: 'MLP', epochs: run([0.7]) }]]]);
    expect(() => lessonReference({ lesson: '01-x', cells, runsBySeed, dataset, maxEpochs: null, made: new Date() }))
      .toThrow('01-x, seed 3: 1 recorded run, but the lesson has 2 training cells (train, train-more)');
  });
});

describe('stale references', () => {
  const runsBySeed = new Map([[1, [{ label: 'MLP', epochs: run([0.7, 0.6]) }, { label: 'MLP', epochs: run([0.7]) }]]]);
  const reference = lessonReference({ lesson: '01-x', cells, runsBySeed, dataset, maxEpochs: null, made: new Date() });
  const [first, second] = reference.figures as [typeof reference.figures[0], typeof reference.figures[0]];

  it('is current for the cells it was made from, whatever the seed', () => {
    expect(referenceStatus(reference, first, { cells, manifestHash: 'abc' })).toBe('current');
    const reseeded = [{ ...cells[0]!, source: cells[0]!.source.replace('seed = 1', 'seed = 7') }, ...cells.slice(1)];
    expect(referenceStatus(reference, first, { cells: reseeded, manifestHash: 'abc' })).toBe('current');
  });

  it('is stale for a figure at or below an edited cell, and only those', () => {
    const edited = cells.map((cell) => (cell.id === 'figure' ? { ...cell, source: 'plotHistory(history, { markOverfitting: false })' } : cell));
    expect(referenceStatus(reference, first, { cells: edited, manifestHash: 'abc' })).toBe('current');
    expect(referenceStatus(reference, second, { cells: edited, manifestHash: 'abc' })).toBe('cells-changed');
    const epochs = cells.map((cell) => (cell.id === 'train' ? { ...cell, source: cell.source.replace('epochs: 3', 'epochs: 30') } : cell));
    expect(referenceStatus(reference, first, { cells: epochs, manifestHash: 'abc' })).toBe('cells-changed');
    expect(referenceStatus(reference, first, { cells: cells.filter((cell) => cell.id !== 'train'), manifestHash: 'abc' })).toBe('cells-changed');
  });

  it('is for another dataset when the run trained on one', () => {
    expect(referenceStatus(reference, first, { cells, manifestHash: 'def' })).toBe('other-dataset');
  });

  it('identifies a dataset by its names, labels and image checksums', () => {
    const manifest = { dataset: { id: 'default' }, count: 2, names: ['0.jpg', '1.jpg'], labels: [0, 1], resolutions: { 64: { shards: [{ sha256: 'a'.repeat(64) }] } } };
    const hash = manifestHash(manifest);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(manifestHash({ ...manifest })).toBe(hash);
    expect(manifestHash({ ...manifest, labels: [1, 0] })).not.toBe(hash);
    expect(manifestHash({ ...manifest, resolutions: { 64: { shards: [{ sha256: 'b'.repeat(64) }] } } })).not.toBe(hash);
  });
});
