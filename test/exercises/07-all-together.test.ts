import { describe, expect, it } from 'vitest';
import { attempt, exerciseOf, history } from './attempt';

const LESSON = '07-all-together';
const lessonCells = [
  "import * as tf from '@tensorflow/tfjs';\nconst seed = 1;\nconst data = { featureCount: 48, size: 4 };\nconst train = { count: 1646, size: 4 };\nconst validation = { count: 706, size: 4 };\nconst augmentation = (images: tf.Tensor4D) => images;",
  "const stopper = earlyStopping({ monitor: 'val_loss', minDelta: 0.01, patience: 10 });\nconst checkpoint = modelCheckpoint({ name: 'all_together_best', monitor: 'val_accuracy', mode: 'max', saveBestOnly: true });",
];
const { solution: modelSolution } = await exerciseOf(LESSON, 'combined-model');

describe('07-all-together/combined-model (what the code built: batch norm then dropout after each hidden layer)', () => {
  it('its solution is correct', async () => {
    expect((await attempt(LESSON, 'combined-model', modelSolution, { prelude: lessonCells })).state).toBe('correct');
  });

  it('the two layers in the wrong order are not yet, naming what follows the layer', async () => {
    const swapped = modelSolution.replace('    tf.layers.batchNormalization(),\n    tf.layers.dropout({ rate: 0.5 }),\n', '    tf.layers.dropout({ rate: 0.5 }),\n    tf.layers.batchNormalization(),\n');
    expect((await attempt(LESSON, 'combined-model', swapped, { prelude: lessonCells })).message.en).toBe('After the first hidden layer comes dropout 0.5 → batchNormalization; the task asks for batchNormalization → dropout 0.5.');
  });
});

describe('07-all-together/all-callbacks (what a training run did: augmented, with early stopping and a checkpoint)', () => {
  const prelude = [...lessonCells, modelSolution];
  const three = () => history({ acc: [0.6, 0.62, 0.64], val_acc: [0.6, 0.61, 0.62] });

  it('its solution is correct', async () => {
    const { solution } = await exerciseOf(LESSON, 'all-callbacks');
    expect((await attempt(LESSON, 'all-callbacks', solution, { prelude, histories: [three()] })).state).toBe('correct');
  });

  it('a run without augmentation and without the checkpoint is not yet, naming both', async () => {
    const { solution } = await exerciseOf(LESSON, 'all-callbacks');
    const verdict = await attempt(LESSON, 'all-callbacks', solution.replace(' augment: augmentation,', '').replace('[stopper, checkpoint]', '[stopper]'), { prelude, histories: [three()] });
    expect(verdict.message).toEqual({ en: 'Your run had no augmentation (augment:) and no model checkpoint.', zh: '你的训练没有数据增强（augment:），也没有模型检查点。' });
  });
});
