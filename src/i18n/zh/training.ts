import type { Messages } from '../index';

export const training: Messages['training'] = {
  classNames: ['非紧急', '紧急'],
  majorityPlateau: ({ from, to, rate, majority, minority }) =>
    `${from === to ? `第 ${from} 轮` : `从第 ${from} 轮到第 ${to} 轮`}，验证准确率一直停在 ${rate}，也就是验证集中"${majority}"图像所占的比例：` +
    `网络对每张图像都回答"${majority}"。当类别比例是网络找到的唯一规律时，它就会从这里起步——总是回答数量较多的类别，有 ${rate} 的时候是对的；` +
    `在第一层还没有学到${minority}车辆的任何特征之前，损失函数就已经奖励这种回答了。` +
    '它通常会自行结束：继续训练即可。更大的学习率、批量归一化，或把输入缩放到均值为 0，都能让网络更快地离开这个平台。',
};
