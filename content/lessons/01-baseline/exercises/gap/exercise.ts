import { callReader, correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { formatNumber } from '../../../../../src/exercises/inspect';

/** A small run the check knows the answer for: the gap opens from 5 to 15 points. */
const KNOWN_RUN = {
  epochs: [
    { epoch: 0, loss: 0.69, acc: 0.6, val_loss: 0.68, val_acc: 0.55 },
    { epoch: 1, loss: 0.5, acc: 0.8, val_loss: 0.6, val_acc: 0.7 },
    { epoch: 2, loss: 0.3, acc: 0.9, val_loss: 0.62, val_acc: 0.75 },
  ],
  stopReason: 'completed',
  batchesRun: 39,
  elapsedMs: 1000,
};
const EXPECTED = 15;

export default defineExercise({
  hints: [
    { en: '`last.acc` and `last.val_acc` are fractions between 0 and 1 (0.9 is 90 %).', zh: '`last.acc` 和 `last.val_acc` 是 0 到 1 之间的比例（0.9 就是 90 %）。' },
    { en: 'Training minus validation, times 100: `100 * (last.acc - (last.val_acc ?? 0))`.', zh: '训练减去验证，再乘以 100：`100 * (last.acc - (last.val_acc ?? 0))`。' },
  ],
  async check({ get }) {
    const gap = get('overfittingGap');
    if (typeof gap !== 'function') {
      return notYet({ en: 'The cell should define a function named `overfittingGap`.', zh: '这个单元格应当定义一个名为 `overfittingGap` 的函数。' });
    }
    const result = await callReader(() => gap(structuredClone(KNOWN_RUN)) as unknown);
    if (typeof result !== 'number' || Number.isNaN(result)) {
      return notYet({ en: `overfittingGap gave ${String(result)}, not a number.`, zh: `overfittingGap 返回了 ${String(result)}，不是一个数。` });
    }
    if (Math.abs(result - EXPECTED) < 1e-6) {
      return correct({
        en: 'Right: for a run ending at 90 % training and 75 % validation accuracy, the gap is 15 points. That one number says how much the network learned about its training images rather than about vehicles.',
        zh: '正确：一次训练最后训练准确率 90 %、验证准确率 75 %，差距就是 15 个百分点。这个数说明网络学到的有多少是训练图像本身，而不是车辆。',
      });
    }
    const shown = formatNumber(result, 4);
    const intro = {
      en: `For a run whose last epoch has 90 % training and 75 % validation accuracy, overfittingGap gives ${shown}; it should be ${EXPECTED}`,
      zh: `对于最后一轮训练准确率 90 %、验证准确率 75 % 的一次训练，overfittingGap 返回 ${shown}；应当是 ${EXPECTED}`,
    };
    if (Math.abs(result - EXPECTED / 100) < 1e-6) return notYet({ en: `${intro.en}: give it in percentage points (multiply by 100).`, zh: `${intro.zh}：请用百分点表示（乘以 100）。` });
    if (Math.abs(result + EXPECTED) < 1e-6) return notYet({ en: `${intro.en}: subtract validation from training, not the other way round.`, zh: `${intro.zh}：应当用训练减去验证，而不是反过来。` });
    if (Math.abs(result - 5) < 1e-6 || Math.abs(result - 10) < 1e-6) return notYet({ en: `${intro.en}: use the last epoch, run.epochs[run.epochs.length - 1].`, zh: `${intro.zh}：请使用最后一轮，即 run.epochs[run.epochs.length - 1]。` });
    return notYet({ en: `${intro.en}.`, zh: `${intro.zh}。` });
  },
});
