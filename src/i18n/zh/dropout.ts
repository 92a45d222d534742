import type { Messages } from '../index';

export const dropout: Messages['dropout'] = {
  step: (n) => `第 ${n} 步`,
  inference: '推理',
  states: { kept: '保留', dropped: '丢弃' },
  unit: (unit, state) => `单元 ${unit}：${state}`,
  chartLabel: (units, layer, steps) => `${layer} 的 ${units} 个单元中，哪些在 ${steps} 个训练步骤中被丢弃，以及推理时的情况`,
  columns: ['被丢弃的单元（整个批次）', '保留单元的缩放倍数', '与上一步相比变化的单元（第一张图像）'],
  trainingStep: (n) => `训练第 ${n} 步`,
  changedUnits: (changed, units) => `${units} 个单元中的 ${changed} 个`,
  unchanged: '×1.00（不变）',
  changedBy: (amount) => `最多变化 ${amount}`,
  caption: ({ layer, rate, steps, batch, dropped, asked, scale, atInference, unchanged }) =>
    `${layer}，rate ${rate}：在 ${steps} 个各有 ${batch} 张图像的训练步骤中，${dropped} 的单元被丢弃（rate 要求 ${asked}），` +
    `每一步都重新随机选择。保留的单元乘以 ${scale} = 1 / (1 − ${rate})（inverted dropout），因此下一层平均收到的总量不变。` +
    `推理时该层丢弃 ${atInference}，${unchanged ? '每个激活值都原样通过' : '激活值会改变'}。`,
};
