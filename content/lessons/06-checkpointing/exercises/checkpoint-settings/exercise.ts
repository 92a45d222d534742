import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';

interface CheckpointLike {
  monitor?: unknown;
  mode?: unknown;
  saveBestOnly?: unknown;
}

export default defineExercise({
  hints: [
    { en: 'The lesson’s checkpoint watches validation accuracy and keeps its maximum; this one watches a loss, and a loss is best when it is smallest.', zh: '本课的 checkpoint 监视验证准确率并保留最大值；这个要监视的是损失，而损失越小越好。' },
    { en: "monitor: 'val_loss', mode: 'min'.", zh: "monitor: 'val_loss'、mode: 'min'。" },
  ],
  check({ get }) {
    const checkpoint = get('lossCheckpoint') as CheckpointLike | undefined;
    if (typeof checkpoint !== 'object' || checkpoint === null || !('saveBestOnly' in checkpoint)) return notYet({ en: 'The cell should define `lossCheckpoint` with modelCheckpoint({ … }).', zh: '这个单元格应当用 modelCheckpoint({ … }) 定义 `lossCheckpoint`。' });
    if (checkpoint.monitor !== 'val_loss') return notYet({ en: `lossCheckpoint watches ${String(checkpoint.monitor)}; the task keeps the lowest validation loss, 'val_loss'.`, zh: `lossCheckpoint 监视的是 ${String(checkpoint.monitor)}；题目要求保留最低的验证损失 'val_loss'。` });
    if (checkpoint.mode !== 'min') return notYet({ en: `mode is ${String(checkpoint.mode)}: it would keep the highest loss, the worst epoch. A loss is best at its minimum: 'min'.`, zh: `mode 是 ${String(checkpoint.mode)}：这样会保留最高的损失，也就是最差的一轮。损失在最小时最好：'min'。` });
    if (checkpoint.saveBestOnly !== true) return notYet({ en: 'saveBestOnly is off: it would save every epoch, the last one over the best.', zh: 'saveBestOnly 没有打开：它会保存每一轮，最后一轮会覆盖最好的那一轮。' });
    return correct({ en: 'Right: lossCheckpoint saves the model only when the validation loss beats every earlier epoch, so what it keeps is the best model of the run, however long training goes on.', zh: '正确：只有当验证损失优于之前每一轮时，lossCheckpoint 才会保存模型，所以无论训练持续多久，它保留的都是这次训练中最好的模型。' });
  },
});
