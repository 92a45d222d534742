import type { Messages } from '../index';

export const curves: Messages['curves'] = {
  epoch: '轮次',
  metrics: { loss: '损失', accuracy: '准确率' },
  accuracyAxis: '准确率',
  lossAxis: '损失（二元交叉熵）',
  lossWithPenaltyAxis: '损失（二元交叉熵 + 权重惩罚）',
  series: { training: '训练', validation: '验证' },
  withPenalty: (series) => `${series}损失 + 权重惩罚`,
  perEpoch: (metric) => `每轮的${metric}，训练与验证`,
  perEpochEarlyStopping: (metric) => `使用早停时每轮的${metric}`,
  noEpochYet: '还没有完成任何一轮。',
  after: (epochs, training, validation, note) =>
    `${epochs} 轮之后：训练准确率 ${training}` + (validation === undefined ? '' : `，验证准确率 ${validation}`) + `。${note ?? ''}`,
  stopsImproving: (epoch) => `验证损失不再改善（第 ${epoch} 轮）`,
  stoppedImproving: ({ minDelta, patience, best, after }) =>
    `验证损失最后一次下降超过 ${minDelta} 是在第 ${best} 轮，之后的 ${after} 轮都没有（早停的规则：min delta ${minDelta}，patience ${patience}）。` +
    '阴影中的各轮对训练图像拟合得更好，对验证图像却没有更好：这就是过拟合。',
  stillImproving: ({ minDelta, patience, best }) =>
    `验证损失仍在改善：它在最后一轮（第 ${best} 轮）下降超过 ${minDelta}（早停的规则：min delta ${minDelta}，patience ${patience}），因此没有标出过拟合开始的轮次。`,
  notYet: ({ minDelta, patience, best, after }) =>
    `验证损失最后一次下降超过 ${minDelta} 是在第 ${best} 轮；之后只过了 ${after} 轮，少于 patience ${patience}` +
    `（早停的规则：min delta ${minDelta}，patience ${patience}），因此还没有标出过拟合开始的轮次。`,
  lowestNote: ({ lowest, lowestEpoch, minDelta, best, bestValue }) =>
    `（它的最低值是第 ${lowestEpoch} 轮的 ${lowest}，比第 ${best} 轮的 ${bestValue} 低不到 ${minDelta}，所以不算改善。）`,
  overfitting: '过拟合',
  stoppedAt: (epoch) => `在第 ${epoch} 轮停止`,
  ranAll: (epochs) => `跑完了全部 ${epochs} 轮`,
  bestMark: (monitor, epoch, restored) => `最佳 ${monitor}（第 ${epoch} 轮）${restored ? '：已恢复权重' : ''}`,
  rule: ({ monitor, minDelta, patience, baseline }, reason) =>
    `EarlyStopping(${monitor}, min delta ${minDelta}, patience ${patience}${baseline === undefined ? '' : `, baseline ${baseline}`})：${reason}。`,
  sentences: (parts) => parts.join(''),
  stoppedBecause: ({ epoch, monitor, decrease, minDelta, wait, baseline }) =>
    `在第 ${epoch} 轮后停止：${monitor} 连续 ${wait} 轮没有${decrease ? '下降' : '上升'}${minDelta > 0 ? `超过 ${minDelta}` : ''}` +
    (baseline === undefined ? '' : `（从未好于基线 ${baseline}）`),
  noEpochFinished: '还没有完成任何一轮',
  didNotStop: (epochs, wait, patience) => `没有停止：跑完了全部 ${epochs} 轮；patience ${patience} 轮中用掉了 ${wait} 轮`,
  ended: (how, training, validation) => `${how}：训练准确率 ${training}` + (validation === undefined ? '' : `，验证准确率 ${validation}`) + '。',
  best: (monitor, value, epoch) => `最佳 ${monitor} 是第 ${epoch} 轮的 ${value}。`,
  bestUnderMinDelta: ({ monitor, value, epoch, minDelta, highest, extreme, extremeEpoch }) =>
    `最佳 ${monitor} 是第 ${epoch} 轮的 ${value}：这是最后一个比之前最佳值好出 min delta ${minDelta} 以上的轮次。` +
    `${highest ? '最高' : '最低'}的 ${monitor} 是第 ${extremeEpoch} 轮的 ${extreme}，只比它好不到 ${minDelta}，早停不把这算作改善，所以第 ${epoch} 轮仍是最佳。`,
  shaded: (after, monitor, minDelta) => `阴影：此后的 ${after} 轮，${monitor} 的改善都没有超过 ${minDelta}：过拟合已经开始。`,
  restoredLast: (epoch) => `模型保存的是第 ${epoch} 轮的权重，这也是它的最后一轮：恢复没有改变什么。`,
  perEpochOf: (metric, runs) => `${runs} 每轮的${metric}`,
  runStopped: (run, epoch) => `${run}：在第 ${epoch} 轮停止`,
  runPoint: (run, series, epoch, value) => `${run}，${series}，第 ${epoch} 轮：${value}`,
  comparisonKey: (several) => `实线：验证；虚线：训练${several ? '；较早的运行是下面更宽、更淡的线' : ''}。`,
  runNoEpochs: (run) => `${run}：没有任何一轮。`,
  runSummary: ({ run, stoppedEarly, epochs, training, validation }) =>
    `${run}：${stoppedEarly ? '提前停止，' : ''}共 ${epochs} 轮，训练准确率 ${training}` + (validation === undefined ? '' : `，验证准确率 ${validation}`) + '。',
  runsEmpty: '这个浏览器还没有记录任何训练：先在任意一课训练一个模型，然后再运行这个单元格。',
  runsCleared: '这个浏览器中的训练记录已清空。',
  validationLoss: '验证损失',
  validationAccuracy: '验证准确率',
  runsTable: (count) => `这个浏览器记录的 ${count} 次训练，按时间先后排列`,
  runColumns: { run: '运行', model: '模型', epochs: '轮数', bestValidation: '最佳验证准确率', finalValidation: '最终验证准确率', finalTraining: '最终训练准确率', finished: '完成时间' },
  augmented: '数据增强',
  epochsOf: (run, asked, stopped) => `${run} / ${asked}${stopped === undefined ? '' : `（${stopped}）`}`,
  stopReasons: { 'stopped by the reader': '被读者停止', 'stopped by a callback': '被回调停止' },
  atEpoch: (value, epoch) => `${value}（第 ${epoch} 轮）`,
  dateLocale: 'zh-CN',
  restored: (epoch, last) => `模型现在保存的是第 ${epoch} 轮的权重，而不是最后一轮（第 ${last} 轮）的权重。`,
};
