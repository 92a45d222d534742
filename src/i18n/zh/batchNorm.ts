import type { Messages } from '../index';

export const batchNorm: Messages['batchNorm'] = {
  beforeTraining: '训练之前',
  afterEpoch: (epoch) => `第 ${epoch} 轮之后`,
  atBatch: (epoch, batch) => `第 ${epoch} 轮第 ${batch} 批`,
  afterTraining: (epochs) => `训练之后（${epochs} 轮）`,
  waiting: '批量归一化面板会在第一次更新后出现。',
  heading: (layer, when, units, images) => `${layer}${when ? ` ${when}` : ''}：${units} 个单元，一个含 ${images} 张训练图像的批次的统计量。`,
  unit: '单元',
  series: { batchMean: '批次均值', movingMean: '滑动均值', batchVariance: '批次方差', movingVariance: '滑动方差', gamma: 'gamma（缩放）', beta: 'beta（平移）' },
  axes: { mean: '输入的均值', variance: '输入的方差', learned: '学到的值', activations: '激活值', before: '批量归一化之前的激活值（sigmoid 输出）', after: '批量归一化之后的激活值（训练模式）', batches: '训练批次', average: '各单元的平均' },
  perUnit: (what, units) => `${units} 个单元各自的${what}`,
  histogramLabel: (entering) => `${entering ? '进入' : '离开'}该层的激活值直方图`,
  gaps: { mean: '|批次 − 滑动| 均值', variance: '|批次 − 滑动| 方差' },
  traceLabel: '训练过程中滑动统计量与批次统计量相差多少',
  summary: ({ before, beforeSpread, after, afterSpread, gamma, beta }) =>
    `之前：激活值平均 ${before}（离散度 ${beforeSpread}）；之后：${after}（离散度 ${afterSpread}）。gamma 平均 ${gamma}，beta 平均 ${beta}。`,
  smallVariance: (median, epsilon) =>
    `大多数单元在批次内变化很小（方差中位数 ${median}），并不比 epsilon（${epsilon}）大多少，而 epsilon 在相除之前会加到方差上：它们归一化后的离散度保持在 1 以下。`,
  movingGap: (mean, variance, batches) => `经过 ${batches} 个批次后，滑动统计量与这个批次的统计量平均相差 ${mean}（均值）和 ${variance}（方差）。`,
};
