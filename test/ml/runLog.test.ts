import { describe, expect, it } from 'vitest';
import { clearRuns, readRuns, recordRun, RUN_LOG_KEY, runSummary, runName, type RunRecord } from '../../src/ml/runLog';
import type { TextStore } from '../../src/ml/checkpoints';

function textStore(quota = Infinity): TextStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      if (value.length > quota) throw new DOMException('quota exceeded', 'QuotaExceededError');
      data.set(key, value);
    },
  };
}

const run = (lesson: string, finishedAt: number, valAccs = [0.6, 0.65123456]): Omit<RunRecord, 'id' | 'label'> => ({
  lesson,
  settings: { epochsAsked: 50, batchSize: 128, trainingImages: 1646, validationImages: 706, resolution: 64, layers: 'dense 100 sigmoid → dense 1 sigmoid', augmented: false, callbacks: [] },
  epochs: valAccs.map((valAcc, i) => ({ epoch: i + 1, loss: 0.7 - i / 10, acc: 0.6 + i / 10, val_loss: 0.69, val_acc: valAcc })),
  stopReason: 'completed',
  elapsedMs: 1234.5,
  finishedAt,
});

describe('run log', () => {
  it('records runs with a label per technique, numbered when repeated, figures rounded', () => {
    const store = textStore();
    recordRun(store, run('01-baseline', 1000));
    recordRun(store, run('05-augmentation', 2000));
    const again = recordRun(store, run('01-baseline', 3000));
    expect(readRuns(store).map((r) => r.label)).toEqual(['MLP', 'MLP, no augmentation', 'MLP #2']);
    expect(again.epochs[1]!.val_acc).toBe(0.6512);
    expect(again.elapsedMs).toBe(1235);
    expect(JSON.parse(store.data.get(RUN_LOG_KEY)!).version).toBe(1);
  });

  it('names runs by what they are, saying when a run leaves out its lesson’s technique', () => {
    const plain = { layers: 'dense 100 sigmoid → dense 100 sigmoid → dense 1 sigmoid', augmented: false, callbacks: [] };
    const dropout = { ...plain, layers: 'dense 100 sigmoid → dropout 0.5 → dense 100 sigmoid → dropout 0.5 → dense 1 sigmoid' };
    expect(runName(dropout, '03-dropout')).toBe('MLP + dropout 0.5');
    expect(runName(plain, '03-dropout')).toBe('MLP, no dropout');
    expect(runName(plain, '04-batch-normalization')).toBe('MLP, no batch norm');
    expect(runName({ ...plain, layers: 'dense 100 sigmoid → dense 100 sigmoid → batchNormalization → dense 1 sigmoid' }, '04-batch-normalization')).toBe('MLP + batch norm');
    expect(runName({ ...plain, callbacks: ['early stopping (patience 5)'] }, '02-early-stopping')).toBe('MLP + early stopping (patience 5)');
    expect(runName({ layers: 'dense 100 sigmoid → batchNormalization → dropout 0.5 → dense 1 sigmoid', augmented: true, callbacks: ['early stopping (patience 10)', 'model checkpoint'] }, '07-all-together'))
      .toBe('MLP + batch norm + dropout 0.5 + augmentation + early stopping (patience 10) + checkpoint');
    expect(runName(plain, '01-baseline')).toBe('MLP');
  });

  it('keeps at most maxRuns and maxChars, dropping the oldest first', () => {
    const store = textStore();
    for (let i = 0; i < 6; i++) recordRun(store, run(`0${i}-x`, i), { maxRuns: 4 });
    expect(readRuns(store).map((r) => r.finishedAt)).toEqual([2, 3, 4, 5]);
    const oneRun = JSON.stringify({ version: 1, runs: [readRuns(store)[0]] }).length;
    recordRun(store, run('09-y', 9), { maxChars: 2.5 * oneRun });
    expect(readRuns(store).map((r) => r.finishedAt)).toEqual([5, 9]);
  });

  it('drops old runs when the storage quota is full', () => {
    const probe = textStore();
    recordRun(probe, run('01-a', 1));
    const store = textStore(probe.data.get(RUN_LOG_KEY)!.length * 2 + 10);
    for (let i = 0; i < 5; i++) recordRun(store, run('01-a', i));
    expect(readRuns(store).map((r) => r.finishedAt)).toEqual([3, 4]);
  });

  it('reads a log of another version or a damaged one as empty, and replaces it on the next record', () => {
    const store = textStore();
    store.setItem(RUN_LOG_KEY, JSON.stringify({ version: 2, runs: [{ anything: true }] }));
    expect(readRuns(store)).toEqual([]);
    store.setItem(RUN_LOG_KEY, '{not json');
    expect(readRuns(store)).toEqual([]);
    recordRun(store, run('01-baseline', 5));
    expect(readRuns(store)).toHaveLength(1);
    clearRuns(store);
    expect(readRuns(store)).toEqual([]);
  });

  it('summarises a run: best validation accuracy and its epoch, final figures', () => {
    const recorded = recordRun(textStore(), run('01-baseline', 1, [0.6, 0.72, 0.7]));
    expect(runSummary(recorded)).toEqual({ epochsRun: 3, finalTrainAcc: 0.8, finalValAcc: 0.7, finalValLoss: 0.69, bestValAcc: 0.72, bestEpoch: 2 });
  });
});
