import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { formatNumber, latestRun, lowestValLossEpoch } from '../../../../../src/exercises/inspect';

const LESSON = '02-early-stopping';

export default defineExercise({
  hints: [
    { en: 'The callbacks option takes the early-stopping object itself, as the lesson’s training cells do.', zh: 'callbacks 选项接收的就是早停对象本身，和本课的训练单元格一样。' },
    { en: '`callbacks: stopper3` (run the first exercise first).', zh: '`callbacks: stopper3`（请先完成第一个练习）。' },
  ],
  check({ newRuns, get }) {
    const run = latestRun(newRuns, (candidate) => candidate.lesson === LESSON);
    if (!run) return notYet({ en: 'Your cell trained nothing: it should call fit.', zh: '你的单元格没有训练任何模型：它应当调用 fit。' });
    if (!run.settings.callbacks.some((callback) => callback.startsWith('early stopping'))) return notYet({ en: 'The run had no early stopping: pass stopper3 as its callbacks.', zh: '这次训练没有早停：请把 stopper3 作为 callbacks 传入。' });
    const stopper = get('stopper3') as { restoredEpoch?: number } | undefined;
    const lowest = lowestValLossEpoch(run.epochs);
    if (!lowest) return notYet({ en: 'The run had no validation loss: pass { validation }.', zh: '这次训练没有验证损失：请传入 { validation }。' });
    if (stopper?.restoredEpoch === undefined) return notYet({ en: 'stopper3 restored no epoch: was it the callback of this run, with restoreBestWeights: true (the first exercise)?', zh: 'stopper3 没有恢复任何一轮：它是这次训练的 callback 吗？restoreBestWeights 是 true 吗（见第一个练习）？' });
    const at = { en: `the lowest validation loss, ${formatNumber(lowest.val_loss!, 4)}, was at epoch ${lowest.epoch}`, zh: `最低的验证损失 ${formatNumber(lowest.val_loss!, 4)} 出现在第 ${lowest.epoch} 轮` };
    if (stopper.restoredEpoch !== lowest.epoch) return notYet({ en: `stopper3 restored epoch ${stopper.restoredEpoch}, but ${at.en}. Is its minDelta 0?`, zh: `stopper3 恢复的是第 ${stopper.restoredEpoch} 轮，但${at.zh}。它的 minDelta 是 0 吗？` });
    return correct({ en: `Right: training stopped after epoch ${run.epochs.at(-1)!.epoch} and ${at.en}, the epoch stopper3 restored. The model you keep is the one that did best on images it did not learn from.`, zh: `正确：训练在第 ${run.epochs.at(-1)!.epoch} 轮后停止，${at.zh}，正是 stopper3 恢复的那一轮。你留下的模型，是在它没有学习过的图像上表现最好的那个。` });
  },
});
