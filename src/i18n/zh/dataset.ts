import type { Messages } from '../index';

export const dataset: Messages['dataset'] = {
  loading: (side) => `正在以 ${side}×${side} 加载数据集…`,
  loadingFiles: (side, done, total, megabytes) => `正在以 ${side}×${side} 加载数据集：${done}/${total} 个文件，${megabytes} MB`,
  loaded: ({ title, count, side, emergency, other, megabytes, seconds }) =>
    `已加载 ${title}：${count} 张 ${side}×${side} 的图像（紧急 ${emergency} 张，非紧急 ${other} 张；${megabytes} MB，用时 ${seconds} 秒）。`,
};
