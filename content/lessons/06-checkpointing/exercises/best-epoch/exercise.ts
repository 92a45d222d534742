import { callReader, correct, defineExercise, notYet } from '../../../../../src/exercises/define';

/** Validation accuracy peaks at epoch 3, ties at epoch 5, and the last epoch is worse. */
const VAL_ACC = [0.6, 0.66, 0.7, 0.74, 0.72, 0.74, 0.71];
const KNOWN_RUN = { epochs: VAL_ACC.map((val_acc, epoch) => ({ epoch, loss: 0.6 - 0.05 * epoch, acc: 0.6 + 0.05 * epoch, val_loss: 0.6, val_acc })), stopReason: 'completed', batchesRun: 7, elapsedMs: 1 };
const EXPECTED = 3;

export default defineExercise({
  hints: [
    { en: 'The loop keeps the best epoch seen so far in `best`: when an epoch beats it, that epoch becomes the new best.', zh: '循环把目前为止最好的一轮保存在 `best` 里：当某一轮超过它时，这一轮就成为新的 best。' },
    { en: '`best = logs`.', zh: '`best = logs`。' },
  ],
  async check({ get }) {
    const fn = get('bestEpoch');
    if (typeof fn !== 'function') return notYet({ en: 'The cell should define a function named `bestEpoch`.', zh: '这个单元格应当定义一个名为 `bestEpoch` 的函数。' });
    const result = await callReader(() => fn(structuredClone(KNOWN_RUN)) as unknown);
    const about = { en: `For a run whose validation accuracy is ${VAL_ACC.join(', ')} (epochs 0–6), bestEpoch gives ${String(result)}`, zh: `对于验证准确率依次为 ${VAL_ACC.join('、')}（第 0–6 轮）的一次训练，bestEpoch 返回 ${String(result)}` };
    if (result === EXPECTED) return correct({ en: `Right: epoch ${EXPECTED}, the first with the highest validation accuracy — the epoch a saveBestOnly checkpoint keeps (a tie later is not "better", so it is not saved again).`, zh: `正确：第 ${EXPECTED} 轮，即第一次达到最高验证准确率的那一轮——saveBestOnly 的 checkpoint 保留的正是这一轮（之后持平并不算“更好”，所以不会再次保存）。` });
    if (result === 5) return notYet({ en: `${about.en}: a later tie. A checkpoint saves only a strictly better epoch, so keep the first.`, zh: `${about.zh}：这是后来持平的一轮。checkpoint 只保存严格更好的一轮，所以应保留第一次。` });
    if (result === VAL_ACC.length - 1) return notYet({ en: `${about.en}: the last epoch, not the best.`, zh: `${about.zh}：这是最后一轮，不是最好的一轮。` });
    return notYet({ en: `${about.en}; it should be ${EXPECTED}.`, zh: `${about.zh}；应当是 ${EXPECTED}。` });
  },
});
