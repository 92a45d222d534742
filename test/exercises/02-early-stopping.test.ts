import { describe, expect, it } from 'vitest';
import { attempt, exerciseOf, history } from './attempt';

const LESSON = '02-early-stopping';
const lessonCells = [
  "import * as tf from '@tensorflow/tfjs';\nconst seed = 1;\nconst train = { count: 1646, size: 4 };\nconst validation = { count: 706, size: 4 };",
  "function buildModel() {\n  return tf.sequential({ layers: [tf.layers.dense({ inputShape: [48], units: 4, activation: 'sigmoid' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });\n}",
];
const { solution: stopperSolution } = await exerciseOf(LESSON, 'stopper-settings');

describe('02-early-stopping/stopper-settings (what the code built: early-stopping settings)', () => {
  it('its solution is correct', async () => {
    expect((await attempt(LESSON, 'stopper-settings', stopperSolution, { prelude: lessonCells })).state).toBe('correct');
  });

  it('the training loss as monitor, another patience and no restoring are each not yet, with the reason', async () => {
    expect((await attempt(LESSON, 'stopper-settings', stopperSolution.replace("'val_loss'", "'loss'"), { prelude: lessonCells })).message.en).toMatch(/^stopper3 watches loss; the task watches the validation loss, 'val_loss'/);
    expect((await attempt(LESSON, 'stopper-settings', stopperSolution.replace('patience: 3', 'patience: 5'), { prelude: lessonCells })).message).toEqual({ en: 'patience is 5; the task asks for 3.', zh: 'patience 是 5；题目要求 3。' });
    expect((await attempt(LESSON, 'stopper-settings', stopperSolution.replace('restoreBestWeights: true', 'restoreBestWeights: false'), { prelude: lessonCells })).message.en).toMatch(/^restoreBestWeights is off/);
  });

  it("a patience the library refuses is the reader's error, quoted", async () => {
    const verdict = await attempt(LESSON, 'stopper-settings', stopperSolution.replace('patience: 3', 'patience: -1'), { prelude: lessonCells });
    expect(verdict.message.en).toBe('Your code stopped with an error, shown under the cell: Error: invalid patience: -1 (expected a whole number ≥ 0)');
  });
});

describe('02-early-stopping/restored-best (what a training run did: early stopping restored the lowest val_loss epoch)', () => {
  // Validation loss falls to its lowest at epoch 6, then rises: patience 3 stops after epoch 9.
  const valLoss = [0.69, 0.66, 0.63, 0.61, 0.6, 0.595, 0.59, 0.6, 0.61, 0.62, 0.63, 0.64];
  const run = () => history({ acc: valLoss.map((_, i) => 0.6 + 0.02 * i), val_acc: valLoss.map(() => 0.7), val_loss: valLoss });

  it('its solution is correct: the restored epoch is the lowest, including when the lowest beats the one before by a hair', async () => {
    const { solution } = await exerciseOf(LESSON, 'restored-best');
    const verdict = await attempt(LESSON, 'restored-best', solution, { prelude: [...lessonCells, stopperSolution], histories: [run()] });
    expect(verdict).toMatchObject({ state: 'correct', message: { en: expect.stringMatching(/^Right: training stopped after epoch 9 and the lowest validation loss, 0\.59, was at epoch 6, the epoch stopper3 restored/) } });
    const hair = valLoss.map((value, i) => (i === 6 ? 0.5949 : value));
    const close = await attempt(LESSON, 'restored-best', solution, { prelude: [...lessonCells, stopperSolution], histories: [history({ acc: hair.map(() => 0.8), val_acc: hair.map(() => 0.7), val_loss: hair })] });
    expect(close.message.en).toMatch(/was at epoch 6, the epoch stopper3 restored/);
  });

  it('a stopper with a min delta restores an earlier epoch than the lowest: not yet, with both epochs', async () => {
    const { solution } = await exerciseOf(LESSON, 'restored-best');
    const withDelta = stopperSolution.replace('minDelta: 0', 'minDelta: 0.01');
    const verdict = await attempt(LESSON, 'restored-best', solution, { prelude: [...lessonCells, withDelta], histories: [run()] });
    expect(verdict.message.en).toBe('stopper3 restored epoch 5, but the lowest validation loss, 0.59, was at epoch 6. Is its minDelta 0?');
  });

  it('training without the stopper, or with one that does not restore, is not yet', async () => {
    const { solution } = await exerciseOf(LESSON, 'restored-best');
    const none = await attempt(LESSON, 'restored-best', solution.replace(', callbacks: stopper3', ''), { prelude: [...lessonCells, stopperSolution], histories: [run()] });
    expect(none.message.en).toBe('The run had no early stopping: pass stopper3 as its callbacks.');
    const noRestore = await attempt(LESSON, 'restored-best', solution, { prelude: [...lessonCells, stopperSolution.replace('restoreBestWeights: true', 'restoreBestWeights: false')], histories: [run()] });
    expect(noRestore.message.en).toMatch(/^stopper3 restored no epoch/);
  });
});
