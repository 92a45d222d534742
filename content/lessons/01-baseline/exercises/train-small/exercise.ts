import { correct, defineExercise, notYet, type Localized } from '../../../../../src/exercises/define';
import { finalGap, formatNumber, latestRun } from '../../../../../src/exercises/inspect';

const LESSON = '01-baseline';
const SMALL = 'dense 20 sigmoid → dense 20 sigmoid → dense 1 sigmoid';
const BASELINE = 'dense 100 sigmoid → dense 100 sigmoid → dense 1 sigmoid';
/** Fewer epochs than this and the gap has not had time to open (the baseline's opens after about 20). */
const MIN_EPOCHS = 20;

export default defineExercise({
  hints: [
    { en: '`fit` trains the model you give it as its first argument; the baseline cell gives it `model`.', zh: '`fit` 训练的是你作为第一个参数传给它的模型；基线的单元格传入的是 `model`。' },
    { en: 'Give it the 20-unit network: `fit(smallModel, train, …)`.', zh: '传入 20 个单元的网络：`fit(smallModel, train, …)`。' },
  ],
  predict: {
    question: { en: 'After 50 epochs, the 20-unit network’s gap between training and validation accuracy, next to the baseline’s, will be…', zh: '训练 50 轮之后，20 个单元的网络在训练和验证准确率之间的差距，与基线相比会……' },
    choices: [
      { en: 'smaller', zh: '更小' },
      { en: 'about the same', zh: '差不多' },
      { en: 'larger', zh: '更大' },
    ],
  },
  check({ newRuns, runs }) {
    const run = latestRun(newRuns, (candidate) => candidate.lesson === LESSON);
    if (!run) {
      return notYet({ en: 'Your cell trained nothing: it should call fit.', zh: '你的单元格没有训练任何模型：它应当调用 fit。' });
    }
    if (run.settings.layers !== SMALL) {
      return notYet({
        en: `The run trained a network of ${run.settings.layers}; train smallModel (${SMALL}).`,
        zh: `这次训练的网络是 ${run.settings.layers}；请训练 smallModel（${SMALL}）。`,
      });
    }
    if (run.settings.validationImages === 0) {
      return notYet({ en: 'The run had no validation set: pass { validation } so the gap can be measured.', zh: '这次训练没有验证集：请传入 { validation }，这样才能测量差距。' });
    }
    if (run.epochs.length < MIN_EPOCHS) {
      return notYet({
        en: `The run stopped after ${run.epochs.length} epochs; train at least ${MIN_EPOCHS} (the task says 50) so the gap has time to open.`,
        zh: `这次训练在 ${run.epochs.length} 轮后就停止了；至少训练 ${MIN_EPOCHS} 轮（题目要求 50 轮），差距才有时间显现。`,
      });
    }
    const small = finalGap(run.epochs)!;
    const baseline = latestRun(runs, (candidate) => candidate.lesson === LESSON && candidate.settings.layers === BASELINE && candidate.epochs.length >= MIN_EPOCHS);
    const baseGap = baseline ? finalGap(baseline.epochs) : undefined;
    const observed: Localized = baseGap === undefined
      ? { en: `the 20-unit network's gap: ${formatNumber(small)} points after ${run.epochs.length} epochs (run the lesson's training cell to compare with the baseline).`, zh: `20 个单元的网络：${run.epochs.length} 轮后差距为 ${formatNumber(small)} 个百分点（运行本课的训练单元格，即可与基线比较）。` }
      : { en: `the 20-unit network's gap: ${formatNumber(small)} points after ${run.epochs.length} epochs; the baseline's: ${formatNumber(baseGap)} points after ${baseline!.epochs.length}.`, zh: `20 个单元的网络：${run.epochs.length} 轮后差距为 ${formatNumber(small)} 个百分点；基线：${baseline!.epochs.length} 轮后为 ${formatNumber(baseGap)} 个百分点。` };
    return correct({
      en: 'You trained the smaller network the baseline’s way. A smaller network is one way to overfit less, but it can also learn less: the next lessons keep the network and change how it is trained.',
      zh: '你用基线的方式训练了更小的网络。缩小网络是减轻过拟合的一种办法，但它也可能学到的更少：后面的课程保留网络，改变训练的方式。',
    }, observed);
  },
});
