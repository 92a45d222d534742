import { describe, expect, it } from 'vitest';
import { attempt, exerciseOf, history } from './attempt';

const LESSON = '05-augmentation';
const lessonCells = [
  "import * as tf from '@tensorflow/tfjs';\nconst seed = 1;\nconst train = { count: 1646, size: 4 };\nconst validation = { count: 706, size: 4 };\nconst fiveFold = { count: 8230, size: 4 };",
  "const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [48], units: 4, activation: 'sigmoid' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });",
];

describe('05-augmentation/flip (what the code built: a function checked on small known tensors)', () => {
  it('its solution is correct', async () => {
    const { solution } = await exerciseOf(LESSON, 'flip');
    expect((await attempt(LESSON, 'flip', solution, { prelude: lessonCells })).state).toBe('correct');
  });

  it('flipping the rows is "upside down", naming the axes; no change and a wrong shape are named too', async () => {
    const { solution } = await exerciseOf(LESSON, 'flip');
    expect(await attempt(LESSON, 'flip', solution.replace('tf.reverse(images, 2)', 'tf.reverse(images, 1)'), { prelude: lessonCells })).toMatchObject({
      state: 'incorrect',
      message: { en: 'The image [[1, 2, 3], [4, 5, 6]] came back as [[4, 5, 6], [1, 2, 3]]: upside down. Reversing axis 1 flips the rows; left to right reverses the columns, axis 2.' },
    });
    expect((await attempt(LESSON, 'flip', solution.replace('tf.reverse(images, 2)', 'tf.reverse(images, 3)'), { prelude: lessonCells })).message.en).toMatch(/: unchanged\. Reverse the axis of the columns\.$/);
    expect((await attempt(LESSON, 'flip', solution.replace('tf.reverse(images, 2)', 'tf.reverse(images, 2).reshape([1, 6, 1, 1]) as tf.Tensor4D'), { prelude: lessonCells })).message.en).toBe('For a batch of shape 1×2×3×1 flipLeftRight returned shape 1×6×1×1: a flip keeps the shape.');
  });

  it("an error TF.js throws in the reader's function is the reader's error", async () => {
    const { solution } = await exerciseOf(LESSON, 'flip');
    const verdict = await attempt(LESSON, 'flip', solution.replace('tf.reverse(images, 2)', 'tf.reverse(images, 7)'), { prelude: lessonCells });
    expect(verdict.state).toBe('incorrect');
    expect(verdict.message.en).toMatch(/^Your code threw an error when the check called it: Error: .*axis/i);
  });
});

describe('05-augmentation/five-fold (what a training run did: it saw 5× the images per epoch)', () => {
  const three = () => history({ acc: [0.6, 0.65, 0.7], val_acc: [0.6, 0.62, 0.64] });

  it('its solution is correct', async () => {
    const { solution } = await exerciseOf(LESSON, 'five-fold');
    expect(await attempt(LESSON, 'five-fold', solution, { prelude: lessonCells, histories: [three()] })).toMatchObject({ state: 'correct', message: { en: expect.stringMatching(/^Right: your model saw 8230 images per epoch, 5× the training set/) } });
  });

  it('training on the plain training set is not yet, with the counts', async () => {
    const { solution } = await exerciseOf(LESSON, 'five-fold');
    const verdict = await attempt(LESSON, 'five-fold', solution.replace('fit(model, fiveFold', 'fit(model, train'), { prelude: lessonCells, histories: [three()] });
    expect(verdict.message.en).toBe('Your run saw 1646 images per epoch, 1× the 1646 training images; the five-fold set has 8230.');
    expect(verdict.message.zh).toBe('你的训练每轮看到 1646 张图像，是 1646 张训练图像的 1 倍；五倍数据集有 8230 张。');
  });
});
