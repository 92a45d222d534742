import type { Messages } from '../index';

export const references: Messages['references'] = {
  label: (runs, dataset) => `参考：课程构建时运行的 ${runs} 次结果，${dataset}`,
  defaultDataset: '默认数据集',
  capped: (epochs) => `（训练限制为 ${epochs} 轮）`,
  explain: '阴影：逐轮从各次运行的最低值到最高值；虚线：它们的中位数。运行该单元格，你自己的结果会画在它上面。',
  final: (what, low, high, median, epochs) => `最终${what}：${low} 至 ${high}（中位数 ${median}），共 ${epochs} 轮。`,
  validationAccuracy: '验证准确率',
  trainingAccuracy: '训练准确率',
  behindRun: (runs) => `你的运行之下：${runs} 次参考运行的范围带和中位数虚线。曲线落在带内是不同种子之间的噪声；落在带外才是真正的差别。`,
  cellsChanged: '已过期：本课的单元格与生成此参考时不同（种子除外）；运行 `npm run references` 重新生成。',
  otherDataset: '此参考基于默认数据集；运行 `npm run references` 为你的数据集生成参考。',
  edited: '你修改了本课的单元格：此参考是用发布时的单元格生成的。运行该单元格，看看它是否仍然适用。',
  chart: (metric, runs) => `${metric}逐轮变化：${runs} 次参考运行的范围带与中位数，训练与验证`,
};
