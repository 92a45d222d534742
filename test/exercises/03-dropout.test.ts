import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attempt, exerciseOf, history } from './attempt';
import { runFromTraining, type RunRecord } from '../../src/ml/runLog';

const LESSON = '03-dropout';
const lessonCells = [
  "import * as tf from '@tensorflow/tfjs';\nconst data = { featureCount: 48, size: 4 };\nconst train = { count: 1646, size: 4 };\nconst validation = { count: 706, size: 4 };\nconst epochs = 100;",
];
const { solution: modelSolution } = await exerciseOf(LESSON, 'dropout-layers');

describe('03-dropout/dropout-layers (what the code built: dropout layers and rates)', () => {
  it('its solution is correct', async () => {
    expect((await attempt(LESSON, 'dropout-layers', modelSolution, { prelude: lessonCells })).state).toBe('correct');
  });

  it('a missing dropout and a wrong rate are each named, as the issue words them', async () => {
    const missingSecond = modelSolution.replace(/(tf\.layers\.dense\(\{ units: 100, activation: 'sigmoid' \}\),\n)\s+tf\.layers\.dropout\(\{ rate: 0\.5 \}\),\n/, '$1');
    expect(await attempt(LESSON, 'dropout-layers', missingSecond, { prelude: lessonCells })).toMatchObject({ state: 'incorrect', message: { en: 'The second hidden layer has no Dropout after it.', zh: '第二个隐藏层后面没有 Dropout 层。' } });
    const lowRate = modelSolution.replace('rate: 0.5', 'rate: 0.2');
    expect((await attempt(LESSON, 'dropout-layers', lowRate, { prelude: lessonCells })).message.en).toBe('The Dropout after the first hidden layer has rate 0.2; the task asks for 0.5.');
  });
});

describe('03-dropout/dropout-gap (what a training run did: the gap with dropout is smaller)', () => {
  const prelude = [...lessonCells, modelSolution];
  const run = (layers: string, figures: { acc: number[]; val_acc: number[] }): RunRecord => ({
    id: layers, label: layers,
    ...runFromTraining({
      lesson: LESSON,
      model: { layers: layers.split(' ').map((units) => ({ getClassName: () => 'Dense', getConfig: () => ({ units: Number(units), activation: 'sigmoid' }) })) },
      train: { count: 1646, size: 4 }, validation: { count: 706 }, epochsAsked: 100, batchSize: 128, augmented: false, callbacks: [],
      history: { ...history(figures), stopReason: 'completed', batchesRun: 1, elapsedMs: 1 } as never,
    }),
  });
  const curve = (n: number, trainSlope: number, valSlope: number) => ({ acc: Array.from({ length: n }, (_, i) => 0.6 + trainSlope * i), val_acc: Array.from({ length: n }, (_, i) => 0.6 + valSlope * i) });
  // The lesson's run without dropout: 14 points of gap after 50 epochs.
  const plainRun = () => run('100 100 1', curve(50, 0.006, 0.00314));

  it('its solution is correct when the dropout run overfits less, even by the smallest margin', async () => {
    const { solution: code } = await exerciseOf(LESSON, 'dropout-gap');
    const clear = await attempt(LESSON, 'dropout-gap', code, { prelude, runs: [plainRun()], histories: [history(curve(50, 0.004, 0.003))] });
    expect(clear.state).toBe('correct');
    expect(clear.message.en).toMatch(/after 50 epochs your dropout run's gap is 4\.9 points, the run without dropout's 14/);
    // Just over the 3-point margin still counts (14.0 against 10.8 points).
    const smallest = await attempt(LESSON, 'dropout-gap', code, { prelude, runs: [plainRun()], histories: [history(curve(50, 0.006, 0.00379))] });
    expect(smallest.state).toBe('correct');
  });

  it('a run that overfits as much is not yet, and so is a run with no plain run to compare with', async () => {
    const { solution: code } = await exerciseOf(LESSON, 'dropout-gap');
    const same = await attempt(LESSON, 'dropout-gap', code, { prelude, runs: [plainRun()], histories: [history(curve(50, 0.006, 0.00314))] });
    expect(same.state).toBe('incorrect');
    expect(same.message.en).toMatch(/^Not smaller by at least 3 points: after 50 epochs your dropout run's gap is 14 points, the run without dropout's 14/);
    const alone = await attempt(LESSON, 'dropout-gap', code, { prelude, histories: [history(curve(50, 0.004, 0.003))] });
    expect(alone.message.en).toBe("There is no run without dropout of at least 20 epochs to compare with: run the lesson's cell 4 first, then Check again.");
  });

  // Runs recorded on the default data (seeds 1–3, the lesson's two runs): the solution passes on every seed,
  // at the fewest epochs the check accepts (20, where seed 2's effect is smallest: 6.6 points) and at 30;
  // the plain run handed in as if it had dropout (no narrowing at all) does not.
  const recorded = JSON.parse(readFileSync(new URL('./recorded/03-dropout-seeds.json', import.meta.url), 'utf8')) as {
    seeds: Record<string, Record<'plain' | 'dropout', { acc: number[]; val_acc: number[] }>>;
  };
  const first = (curves: { acc: number[]; val_acc: number[] }, n: number) => ({ acc: curves.acc.slice(0, n), val_acc: curves.val_acc.slice(0, n) });
  it.each(Object.keys(recorded.seeds))('recorded seed %s: the solution is correct at 20 and 30 epochs, the plain run is not', async (seed) => {
    const { solution: code } = await exerciseOf(LESSON, 'dropout-gap');
    const { plain, dropout } = recorded.seeds[seed]!;
    for (const epochs of [20, 30]) {
      const lessonPlain = run('100 100 1', first(plain, 30));
      const verdict = await attempt(LESSON, 'dropout-gap', code, { prelude, runs: [lessonPlain], histories: [history(first(dropout, epochs))] });
      expect(verdict.state, `${epochs} epochs: ${verdict.message.en}`).toBe('correct');
      const wrong = await attempt(LESSON, 'dropout-gap', code, { prelude, runs: [lessonPlain], histories: [history(first(plain, epochs))] });
      expect(wrong.state, `${epochs} epochs: ${wrong.message.en}`).toBe('incorrect');
    }
  });

  it('training a model without dropout is not yet, naming what was trained', async () => {
    const plainCode = "const plain = tf.sequential({ layers: [tf.layers.dense({ inputShape: [48], units: 100, activation: 'sigmoid' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });\nawait fit(plain, train, { validation, epochs, batchSize: 128 });";
    const verdict = await attempt(LESSON, 'dropout-gap', plainCode, { prelude, runs: [plainRun()], histories: [history(curve(50, 0.004, 0.003))] });
    expect(verdict.message.en).toBe('The run trained dense 100 sigmoid → dense 1 sigmoid: no dropout. Train myDropoutModel.');
  });
});
