import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';

const PATIENCE = 3;

interface StopperLike {
  monitor?: unknown;
  patience?: unknown;
  minDelta?: unknown;
  restoreBestWeights?: unknown;
}

export default defineExercise({
  hints: [
    { en: 'The lesson’s stoppers show every setting: the monitor is a name in quotes, patience a whole number, restoreBestWeights true or false.', zh: '本课的 stopper 展示了每个设置：monitor 是带引号的名字，patience 是整数，restoreBestWeights 是 true 或 false。' },
    { en: `monitor: 'val_loss', patience: ${PATIENCE}, restoreBestWeights: true.`, zh: `monitor: 'val_loss'、patience: ${PATIENCE}、restoreBestWeights: true。` },
  ],
  check({ get }) {
    const stopper = get('stopper3') as StopperLike | undefined;
    if (typeof stopper !== 'object' || stopper === null || !('patience' in stopper)) {
      return notYet({ en: 'The cell should define `stopper3` with earlyStopping({ … }).', zh: '这个单元格应当用 earlyStopping({ … }) 定义 `stopper3`。' });
    }
    if (stopper.monitor !== 'val_loss') {
      return notYet({ en: `stopper3 watches ${String(stopper.monitor)}; the task watches the validation loss, 'val_loss' — what the network does on images it does not learn from.`, zh: `stopper3 监视的是 ${String(stopper.monitor)}；题目要求监视验证损失 'val_loss'——也就是网络在它不学习的图像上的表现。` });
    }
    if (stopper.patience !== PATIENCE) return notYet({ en: `patience is ${String(stopper.patience)}; the task asks for ${PATIENCE}.`, zh: `patience 是 ${String(stopper.patience)}；题目要求 ${PATIENCE}。` });
    if (stopper.restoreBestWeights !== true) return notYet({ en: 'restoreBestWeights is off: when it stops, the model keeps the weights of its last epoch, not of its best.', zh: 'restoreBestWeights 没有打开：停止时，模型保留的是最后一轮的权重，而不是最好那一轮的。' });
    return correct({ en: 'Right: stopper3 ends training 3 epochs after the validation loss last fell and gives the model back the weights of that best epoch.', zh: '正确：stopper3 会在验证损失最后一次下降后的第 3 轮结束训练，并把模型恢复为最好那一轮的权重。' });
  },
});
