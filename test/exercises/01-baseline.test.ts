import { describe, expect, it } from 'vitest';
import { attempt, exerciseOf, history } from './attempt';
import { runFromTraining, type RunRecord } from '../../src/ml/runLog';

const LESSON = '01-baseline';
// The lesson's cells as far as the exercises need them (a 4×4 image, so models stay small on the cpu backend).
const lessonCells = [
  "import * as tf from '@tensorflow/tfjs';\nconst data = { featureCount: 48, size: 4 };",
  'const train = { count: 1646, size: 4 };\nconst validation = { count: 706, size: 4 };\nconst learningRate = 1e-3;',
];
const { solution: smallModel } = await exerciseOf(LESSON, 'small-model');

describe('01-baseline/small-model (what the code built: layers and units)', () => {
  it('its solution is correct', async () => {
    const { solution } = await exerciseOf(LESSON, 'small-model');
    const verdict = await attempt(LESSON, 'small-model', solution, { prelude: lessonCells });
    expect(verdict.state).toBe('correct');
    expect(verdict.message.en).toMatch(/20 units per hidden layer/);
  });

  it('a second hidden layer left at another size is not yet, naming the layer and both numbers', async () => {
    const wrong = smallModel.replace("units: 20, activation: 'sigmoid' }),\n    tf.layers.dense({ units: 1", "units: 20, activation: 'sigmoid' }),\n    tf.layers.dense({ units: 1").replace(/units: 20, activation: 'sigmoid' \}\),\n(\s+tf\.layers\.dense\(\{ units: 1,)/, "units: 10, activation: 'sigmoid' }),\n$1");
    expect(wrong).toContain('units: 10');
    const verdict = await attempt(LESSON, 'small-model', wrong, { prelude: lessonCells });
    expect(verdict).toMatchObject({ state: 'incorrect', message: { en: 'The second hidden layer has 10 units; the task asks for 20.', zh: '第二个隐藏层有 10 个单元；题目要求 20 个。' } });
  });

  it('a relu hidden layer, a missing layer and a cell that ends without the model are each named', async () => {
    expect((await attempt(LESSON, 'small-model', smallModel.replace("units: 20, activation: 'sigmoid'", "units: 20, activation: 'relu'"), { prelude: lessonCells })).message.en)
      .toBe("The first hidden layer uses relu; keep the baseline's sigmoid, so that only the size changes.");
    expect((await attempt(LESSON, 'small-model', smallModel.replace("    tf.layers.dense({ units: 20, activation: 'sigmoid' }),\n", ''), { prelude: lessonCells })).message.en)
      .toMatch(/^The model has 2 layers \(dense, dense\); keep the baseline's three Dense layers/);
    expect((await attempt(LESSON, 'small-model', 'const smallModel = 20;\nsmallModel', { prelude: lessonCells })).message.en).toMatch(/should end with `smallModel`/);
  });

  it("an error in the reader's code is shown as that code's error, not a crash of the check", async () => {
    const verdict = await attempt(LESSON, 'small-model', smallModel.replace('data.featureCount', 'dta.featureCount'), { prelude: lessonCells });
    expect(verdict).toMatchObject({ state: 'incorrect', message: { en: 'Your code stopped with an error, shown under the cell: ReferenceError: dta is not defined' } });
  });
});

describe('01-baseline/gap (what the code built: a function checked on a known run)', () => {
  it('its solution is correct', async () => {
    const { solution } = await exerciseOf(LESSON, 'gap');
    expect((await attempt(LESSON, 'gap', solution)).state).toBe('correct');
  });

  it('a fraction instead of points, the wrong sign and the first epoch are each not yet, with what to change', async () => {
    const { solution } = await exerciseOf(LESSON, 'gap');
    expect((await attempt(LESSON, 'gap', solution.replace('100 * ', ''))).message.en).toMatch(/gives 0\.15; it should be 15: give it in percentage points/);
    expect((await attempt(LESSON, 'gap', solution.replace('last.acc - (last.val_acc ?? 0)', '(last.val_acc ?? 0) - last.acc'))).message.en).toMatch(/gives -15; .*subtract validation from training/);
    expect((await attempt(LESSON, 'gap', solution.replace('run.epochs[run.epochs.length - 1]', 'run.epochs[0]'))).message.en).toMatch(/gives 5; .*use the last epoch/);
  });

  it('a function that throws is the reader\'s error; one that returns no number says what it returned', async () => {
    const { solution } = await exerciseOf(LESSON, 'gap');
    const throwing = await attempt(LESSON, 'gap', solution.replace('return 100', 'throw new Error("not written yet"); return 100'));
    expect(throwing).toMatchObject({ state: 'incorrect', message: { en: 'Your code threw an error when the check called it: Error: not written yet' } });
    expect((await attempt(LESSON, 'gap', solution.replace('return 100 * (last.acc - (last.val_acc ?? 0));', 'return "15";'))).message.en).toBe('overfittingGap gave 15, not a number.');
  });
});

describe('01-baseline/train-small (what a training run did; predict, then run)', () => {
  const prelude = [...lessonCells, smallModel];
  // A 50-epoch baseline run recorded earlier in the lesson, with a 14-point gap.
  const baselineRun = (): RunRecord => ({
    id: 'base', label: 'baseline',
    ...runFromTraining({
      lesson: LESSON,
      model: { layers: [100, 100, 1].map((units) => ({ getClassName: () => 'Dense', getConfig: () => ({ units, activation: 'sigmoid' }) })) },
      train: { count: 1646, size: 4 }, validation: { count: 706 }, epochsAsked: 50, batchSize: 128, augmented: false, callbacks: [],
      history: { ...history({ acc: Array.from({ length: 50 }, (_, i) => 0.6 + 0.006 * i), val_acc: Array.from({ length: 50 }, (_, i) => 0.6 + 0.003 * i) }), stopReason: 'completed', batchesRun: 650, elapsedMs: 1 } as never,
    }),
  });
  const smallRun = (epochs: number) => history({ acc: Array.from({ length: epochs }, (_, i) => 0.6 + 0.004 * i), val_acc: Array.from({ length: epochs }, (_, i) => 0.6 + 0.003 * i) });

  it('its solution is correct, and what the run did is set beside the baseline for the prediction', async () => {
    const { solution } = await exerciseOf(LESSON, 'train-small');
    const verdict = await attempt(LESSON, 'train-small', solution, { prelude, runs: [baselineRun()], histories: [smallRun(50)] });
    expect(verdict.state).toBe('correct');
    expect(verdict.observed?.en).toBe("the 20-unit network's gap: 4.9 points after 50 epochs; the baseline's: 14.7 points after 50.");
  });

  it('training the baseline model instead, or too few epochs, is not yet with the reason', async () => {
    const { solution } = await exerciseOf(LESSON, 'train-small');
    const withModel = await attempt(LESSON, 'train-small', `const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [48], units: 100, activation: 'sigmoid' }), tf.layers.dense({ units: 100, activation: 'sigmoid' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });\n${solution.replace('fit(smallModel', 'fit(model')}`, { prelude, histories: [smallRun(50)] });
    expect(withModel.message.en).toBe('The run trained a network of dense 100 sigmoid → dense 100 sigmoid → dense 1 sigmoid; train smallModel (dense 20 sigmoid → dense 20 sigmoid → dense 1 sigmoid).');
    const short = await attempt(LESSON, 'train-small', solution, { prelude, histories: [smallRun(5)] });
    expect(short).toMatchObject({ state: 'incorrect', message: { en: 'The run stopped after 5 epochs; train at least 20 (the task says 50) so the gap has time to open.' } });
  });

  it('a cell that trains nothing is not yet: it should call fit', async () => {
    const verdict = await attempt(LESSON, 'train-small', "smallModel.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });", { prelude });
    expect(verdict).toMatchObject({ state: 'incorrect', message: { en: 'Your cell trained nothing: it should call fit.' } });
  });
});
