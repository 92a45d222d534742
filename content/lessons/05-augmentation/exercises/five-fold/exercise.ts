import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { latestRun } from '../../../../../src/exercises/inspect';

const LESSON = '05-augmentation';
const FOLD = 5;

export default defineExercise({
  hints: [
    { en: 'The second argument of fit is the set it trains on; cell 3 made the article’s enlarged set.', zh: 'fit 的第二个参数是用来训练的数据集；单元格 3 生成了原文那个扩大后的数据集。' },
    { en: '`fit(model, fiveFold, …)`.', zh: '`fit(model, fiveFold, …)`。' },
  ],
  check({ newRuns, get }) {
    const run = latestRun(newRuns, (candidate) => candidate.lesson === LESSON);
    if (!run) return notYet({ en: 'Your cell trained nothing: it should call fit.', zh: '你的单元格没有训练任何模型：它应当调用 fit。' });
    const train = get('train') as { count?: number } | undefined;
    if (typeof train?.count !== 'number') return notYet({ en: "Run the lesson's first cell: the check compares your run with `train`.", zh: '请先运行本课的第一个单元格：检查会把你的训练与 `train` 比较。' });
    const seen = run.settings.trainingImages;
    if (seen !== FOLD * train.count) {
      return notYet({ en: `Your run saw ${seen} images per epoch, ${Number((seen / train.count).toFixed(2))}× the ${train.count} training images; the five-fold set has ${FOLD * train.count}.`, zh: `你的训练每轮看到 ${seen} 张图像，是 ${train.count} 张训练图像的 ${Number((seen / train.count).toFixed(2))} 倍；五倍数据集有 ${FOLD * train.count} 张。` });
    }
    return correct({ en: `Right: your model saw ${seen} images per epoch, ${FOLD}× the training set — each original and four changed copies. Each epoch now takes five times as long, for images that are not new vehicles.`, zh: `正确：你的模型每轮看到 ${seen} 张图像，是训练集的 ${FOLD} 倍——每张原图加上四个变化后的副本。现在每轮要花五倍的时间，而这些图像并不是新的车辆。` });
  },
});
