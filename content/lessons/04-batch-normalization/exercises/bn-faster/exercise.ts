import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { epochsToReach, formatNumber, latestRun } from '../../../../../src/exercises/inspect';

const LESSON = '04-batch-normalization';
/** The run without batch norm it is measured against must have had time to get somewhere. */
const MIN_EPOCHS = 20;

export default defineExercise({
  hints: [
    { en: 'Which model has your batch normalization layers? That is the one to give fit.', zh: '哪个模型带有你的批量归一化层？就把它传给 fit。' },
    { en: '`fit(myBnModel, train, …)`; the lesson’s run without batch norm (cell 4) must have run on this device.', zh: '`fit(myBnModel, train, …)`；本课不带批量归一化的训练（单元格 4）必须已经在这台设备上运行过。' },
  ],
  check({ newRuns, runs }) {
    const run = latestRun(newRuns, (candidate) => candidate.lesson === LESSON);
    if (!run) return notYet({ en: 'Your cell trained nothing: it should call fit.', zh: '你的单元格没有训练任何模型：它应当调用 fit。' });
    if (!run.settings.layers.includes('batchNormalization')) return notYet({ en: `The run trained ${run.settings.layers}: no batch normalization. Train myBnModel.`, zh: `这次训练的是 ${run.settings.layers}：没有批量归一化。请训练 myBnModel。` });
    const plain = latestRun(runs, (candidate) => candidate.lesson === LESSON && !candidate.settings.layers.includes('batchNormalization') && candidate.epochs.length >= MIN_EPOCHS);
    if (!plain) return notYet({ en: `There is no run without batch norm of at least ${MIN_EPOCHS} epochs to measure against: run the lesson's cell 4 first, then Check again.`, zh: `没有可供比较的、至少 ${MIN_EPOCHS} 轮且不带批量归一化的训练：请先运行本课的单元格 4，再按“检查”。` });
    const target = plain.epochs.at(-1)!.val_loss!;
    const needed = epochsToReach(run.epochs, target);
    const where = { en: `the run without batch norm ended at validation loss ${formatNumber(target, 3)} after ${plain.epochs.length} epochs`, zh: `不带批量归一化的训练在 ${plain.epochs.length} 轮后的验证损失为 ${formatNumber(target, 3)}` };
    if (needed === undefined || needed >= plain.epochs.length) {
      const yours = needed === undefined ? { en: `yours never got there in ${run.epochs.length}`, zh: `你的训练在 ${run.epochs.length} 轮内始终没有达到` } : { en: `yours needed ${needed}`, zh: `你的训练用了 ${needed} 轮` };
      return notYet({ en: `Not faster: ${where.en}; ${yours.en}. Is there batch normalization after each hidden layer (the first exercise)?`, zh: `没有更快：${where.zh}；${yours.zh}。每个隐藏层后面都有批量归一化吗（见第一个练习）？` });
    }
    return correct({ en: `Right: ${where.en}; yours got there in ${needed}. Batch normalization lets the same learning rate make faster progress.`, zh: `正确：${where.zh}；你的训练只用了 ${needed} 轮就达到了。批量归一化让同样的学习率取得更快的进展。` });
  },
});
