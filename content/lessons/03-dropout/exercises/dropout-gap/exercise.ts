import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { finalGap, formatNumber, latestRun } from '../../../../../src/exercises/inspect';

const LESSON = '03-dropout';
/** Both runs are compared at the same epoch, and only once the gap has had time to open. */
const MIN_EPOCHS = 20;
/**
 * How much smaller the gap must be, in points. On the default data the lesson's dropout run narrowed it
 * by 6.6–16.2 points at epoch 20 and 12.3–20.7 at epoch 30 (seeds 1–3, npm run claims; recorded in
 * test/exercises/recorded/03-dropout-seeds.json): 3 points passes the smallest of them with room, while a
 * run that overfits about as much as the plain one (a difference of a point or two either way) does not.
 */
const MIN_NARROWING = 3;

export default defineExercise({
  hints: [
    { en: 'fit trains the model given as its first argument: which model has your dropout layers?', zh: 'fit 训练的是作为第一个参数传入的模型：哪个模型带有你的 Dropout 层？' },
    { en: '`fit(myDropoutModel, train, …)`; the lesson’s run without dropout (cell 4) must have run on this device.', zh: '`fit(myDropoutModel, train, …)`；本课不带 Dropout 的训练（单元格 4）必须已经在这台设备上运行过。' },
  ],
  check({ newRuns, runs }) {
    const run = latestRun(newRuns, (candidate) => candidate.lesson === LESSON);
    if (!run) return notYet({ en: 'Your cell trained nothing: it should call fit.', zh: '你的单元格没有训练任何模型：它应当调用 fit。' });
    if (!run.settings.layers.includes('dropout')) return notYet({ en: `The run trained ${run.settings.layers}: no dropout. Train myDropoutModel.`, zh: `这次训练的是 ${run.settings.layers}：没有 Dropout。请训练 myDropoutModel。` });
    const plain = latestRun(runs, (candidate) => candidate.lesson === LESSON && !candidate.settings.layers.includes('dropout') && candidate.epochs.length >= MIN_EPOCHS);
    if (!plain) return notYet({ en: `There is no run without dropout of at least ${MIN_EPOCHS} epochs to compare with: run the lesson's cell 4 first, then Check again.`, zh: `没有可供比较的、至少 ${MIN_EPOCHS} 轮且不带 Dropout 的训练：请先运行本课的单元格 4，再按“检查”。` });
    const epochs = Math.min(run.epochs.length, plain.epochs.length);
    if (epochs < MIN_EPOCHS) return notYet({ en: `Your run stopped after ${run.epochs.length} epochs; train at least ${MIN_EPOCHS} so the gap has time to open.`, zh: `你的训练在 ${run.epochs.length} 轮后就停止了；至少训练 ${MIN_EPOCHS} 轮，差距才有时间显现。` });
    const withDropout = finalGap(run.epochs.slice(0, epochs))!;
    const without = finalGap(plain.epochs.slice(0, epochs))!;
    const figures = { en: `after ${epochs} epochs your dropout run's gap is ${formatNumber(withDropout)} points, the run without dropout's ${formatNumber(without)}`, zh: `${epochs} 轮后，你带 Dropout 的训练差距为 ${formatNumber(withDropout)} 个百分点，不带 Dropout 的为 ${formatNumber(without)} 个百分点` };
    if (withDropout > without - MIN_NARROWING) {
      return notYet({ en: `Not smaller by at least ${MIN_NARROWING} points: ${figures.en}. Is there a Dropout after each hidden layer, with rate 0.5 (the first exercise)?`, zh: `没有缩小至少 ${MIN_NARROWING} 个百分点：${figures.zh}。每个隐藏层后面都有 rate 为 0.5 的 Dropout 吗（见第一个练习）？` });
    }
    return correct({ en: `Right: ${figures.en}. Dropout narrows the gap between what the network does on its training images and on images it has never seen.`, zh: `正确：${figures.zh}。Dropout 缩小了网络在训练图像和从未见过的图像上的表现差距。` });
  },
});
