import { describe, expect, it } from 'vitest';
import { attempt, exerciseOf, history } from './attempt';
import { runFromTraining, type RunRecord } from '../../src/ml/runLog';

const LESSON = '04-batch-normalization';
const lessonCells = ["import * as tf from '@tensorflow/tfjs';\nconst seed = 1;\nconst data = { featureCount: 48, size: 4 };\nconst train = { count: 1646, size: 4 };\nconst validation = { count: 706, size: 4 };\nconst epochs = 50;"];
const { solution: modelSolution } = await exerciseOf(LESSON, 'bn-layers');

describe('04-batch-normalization/bn-layers (what the code built: batch norm after each hidden layer)', () => {
  it('its solution is correct', async () => {
    expect((await attempt(LESSON, 'bn-layers', modelSolution, { prelude: lessonCells })).state).toBe('correct');
  });

  it('dropout where batch norm belongs is not yet, naming the layer and what follows it', async () => {
    const wrong = modelSolution.replace('tf.layers.batchNormalization(),', 'tf.layers.dropout({ rate: 0.5 }),');
    expect(await attempt(LESSON, 'bn-layers', wrong, { prelude: lessonCells })).toMatchObject({ state: 'incorrect', message: { en: 'The first hidden layer has no batch normalization after it (it is followed by dropout).', zh: '第一个隐藏层后面没有批量归一化层（它后面是 dropout）。' } });
  });
});

describe('04-batch-normalization/bn-faster (what a training run did: reached the plain run\'s loss in fewer epochs)', () => {
  const prelude = [...lessonCells, modelSolution];
  // Validation loss falling linearly from 0.69 by `step` per epoch.
  const falling = (n: number, step: number) => history({ acc: Array(n).fill(0.7), val_acc: Array(n).fill(0.65), val_loss: Array.from({ length: n }, (_, i) => 0.69 - step * i) });
  const plainRun = (): RunRecord => ({
    id: 'plain', label: 'plain',
    ...runFromTraining({
      lesson: LESSON,
      model: { layers: [100, 100, 1].map((units) => ({ getClassName: () => 'Dense', getConfig: () => ({ units, activation: 'sigmoid' }) })) },
      train: { count: 1646, size: 4 }, validation: { count: 706 }, epochsAsked: 50, batchSize: 128, augmented: false, callbacks: [],
      history: { ...falling(50, 0.003), stopReason: 'completed', batchesRun: 1, elapsedMs: 1 } as never,
    }),
  });

  it('its solution is correct when batch norm gets there sooner, by one epoch at the least', async () => {
    const { solution } = await exerciseOf(LESSON, 'bn-faster');
    const fast = await attempt(LESSON, 'bn-faster', solution, { prelude, runs: [plainRun()], histories: [falling(50, 0.006)] });
    expect(fast).toMatchObject({ state: 'correct', message: { en: 'Right: the run without batch norm ended at validation loss 0.543 after 50 epochs; yours got there in 26. Batch normalization lets the same learning rate make faster progress.' } });
    // The smallest effect: 49 epochs instead of 50.
    const barely = await attempt(LESSON, 'bn-faster', solution, { prelude, runs: [plainRun()], histories: [falling(50, 0.003 * 49 / 48 + 1e-6)] });
    expect(barely.message.en).toMatch(/yours got there in 49\./);
  });

  it('a run no faster than the plain one is not yet, and so is one that never got there', async () => {
    const { solution } = await exerciseOf(LESSON, 'bn-faster');
    const same = await attempt(LESSON, 'bn-faster', solution, { prelude, runs: [plainRun()], histories: [falling(50, 0.003)] });
    expect(same.message.en).toBe('Not faster: the run without batch norm ended at validation loss 0.543 after 50 epochs; yours needed 50. Is there batch normalization after each hidden layer (the first exercise)?');
    const slow = await attempt(LESSON, 'bn-faster', solution, { prelude, runs: [plainRun()], histories: [falling(50, 0.001)] });
    expect(slow.message.en).toMatch(/yours never got there in 50\./);
  });

  it('without a plain run to measure against, it says which cell to run', async () => {
    const { solution } = await exerciseOf(LESSON, 'bn-faster');
    expect((await attempt(LESSON, 'bn-faster', solution, { prelude, histories: [falling(50, 0.006)] })).message.en).toMatch(/run the lesson's cell 4 first/);
  });
});
