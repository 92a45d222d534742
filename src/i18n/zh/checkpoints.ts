import type { Messages } from '../index';

export const checkpoints: Messages['checkpoints'] = {
  monitors: { val_acc: '验证准确率', val_loss: '验证损失', acc: '训练准确率', loss: '训练损失' },
  none: '这个浏览器还没有保存任何检查点。',
  listCaption: (count) => `这个浏览器（IndexedDB）中保存了 ${count} 个检查点，最新的在前`,
  columns: { name: '名称', lesson: '课程', epoch: '轮次', value: '监控的值', saved: '保存时间' },
  dateLocale: 'zh-CN',
  restore: '恢复',
  download: '下载',
  delete: '删除',
  actionOn: (action, name) => `${action} ${name}`,
  restored: (name, epoch, monitor, value) => `已恢复"${name}"：第 ${epoch} 轮的权重（${monitor} ${value}）。`,
  downloading: (name) => `正在下载 ${name}.json 和 ${name}.weights.bin`,
  deleted: (name) => `已删除检查点"${name}"`,
  savedAt: (epoch, value) => `在第 ${epoch} 轮保存：${value}`,
  checkpointMark: (epoch) => `检查点：第 ${epoch} 轮`,
  lastMark: (epoch) => `最后：第 ${epoch} 轮`,
  figureLabel: (monitor) => `每轮的${monitor}，标出了保存的检查点`,
  nothingSaved: '没有保存任何东西。',
  figureCaption: ({ saves, epoch, monitor, value, lastEpoch, lastValue }) =>
    `共保存 ${saves} 次（绿点）。检查点保存的是第 ${epoch} 轮（${monitor} ${value}）` +
    (lastEpoch === epoch ? '，这也是最后一轮。' : `；训练在第 ${lastEpoch} 轮结束，值为 ${lastValue}。`),
};
