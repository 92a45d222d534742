import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { latestRun } from '../../../../../src/exercises/inspect';

const LESSON = '07-all-together';

export default defineExercise({
  hints: [
    { en: 'The lesson’s first and third cells made all three: the augmentation, the stopper and the checkpoint.', zh: '本课的第一个和第三个单元格已经生成了这三样：augmentation、stopper 和 checkpoint。' },
    { en: '`augment: augmentation, callbacks: [stopper, checkpoint]`.', zh: '`augment: augmentation, callbacks: [stopper, checkpoint]`。' },
  ],
  check({ newRuns }) {
    const run = latestRun(newRuns, (candidate) => candidate.lesson === LESSON);
    if (!run) return notYet({ en: 'Your cell trained nothing: it should call fit.', zh: '你的单元格没有训练任何模型：它应当调用 fit。' });
    const missing = [
      ...(run.settings.augmented ? [] : [{ en: 'augmentation (augment:)', zh: '数据增强（augment:）' }]),
      ...(run.settings.callbacks.some((name) => name.startsWith('early stopping')) ? [] : [{ en: 'early stopping', zh: '早停' }]),
      ...(run.settings.callbacks.includes('model checkpoint') ? [] : [{ en: 'model checkpoint', zh: '模型检查点' }]),
    ];
    if (missing.length > 0) return notYet({ en: `Your run had no ${missing.map((m) => m.en).join(' and no ')}.`, zh: `你的训练没有${missing.map((m) => m.zh).join('，也没有')}。` });
    return correct({ en: 'Right: your run changed every training batch, watched the validation loss to stop, and saved its best model — the whole article in one fit.', zh: '正确：你的训练改变了每个训练批次，监视验证损失以便停止，并保存了最好的模型——整篇原文都在这一次 fit 里。' });
  },
});
