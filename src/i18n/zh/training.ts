import type { Messages } from '../index';

export const training: Messages['training'] = {
  classNames: ['非紧急', '紧急'],
  progressLabel: '训练进度',
  starting: (epochs, expected) =>
    `第 0/${epochs} 轮：正在开始…` + (expected === undefined ? '' : ` · 预计约需 ${expected}（根据这台设备之前的测量）`),
  batchStatus: ({ epoch, epochs, batch, batches, loss, elapsed, eta, rate }) =>
    `第 ${epoch}/${epochs} 轮 · 批次 ${batch}/${batches} · 损失 ${loss} · 已用 ${elapsed} · ${eta}` + (rate === undefined ? '' : ` · 每秒 ${rate} 张图像`),
  eta: (remaining) => `预计剩余 ${remaining}`,
  etaAbout: (remaining) => `预计剩余约 ${remaining}`,
  etaMeasuring: '预计剩余：测量中…',
  finished: ({ how, epochs, duration, training, validation, rate, backend, coursePath }) =>
    `${how === 'completed' ? '完成' : how === 'stopped by the reader' ? '训练被读者停止' : '训练被回调停止'}：${epochs} 轮，用时 ${duration}` +
    (training === undefined ? '' : ` · 训练准确率 ${training}` + (validation === undefined ? '' : ` · 验证准确率 ${validation}`)) +
    (rate === undefined ? '' : ` · 每秒 ${rate} 张图像（${backend}${coursePath ? '，课程的训练路径' : ''}）`),
  epochsLimited: (limit, asked) => `本页把训练限制为 ${limit} 轮（地址中的 ?maxEpochs=${limit}）；该单元格要求 ${asked} 轮。`,
  majorityPlateau: ({ from, to, rate, majority, minority }) =>
    `${from === to ? `第 ${from} 轮` : `从第 ${from} 轮到第 ${to} 轮`}，验证准确率一直停在 ${rate}，也就是验证集中"${majority}"图像所占的比例：` +
    `网络对每张图像都回答"${majority}"。当类别比例是网络找到的唯一规律时，它就会从这里起步——总是回答数量较多的类别，有 ${rate} 的时候是对的；` +
    `在第一层还没有学到${minority}车辆的任何特征之前，损失函数就已经奖励这种回答了。` +
    '它通常会自行结束：继续训练即可。更大的学习率、批量归一化，或把输入缩放到均值为 0，都能让网络更快地离开这个平台。',
};
