import type { Messages } from '../index';

export const evaluation: Messages['evaluation'] = {
  setNames: { Training: '训练集', Validation: '验证集' },
  accuracy: (set, percent) => `${set}准确率：${percent}`,
  detail: (images, loss) => `（${images} 张图像，损失 ${loss}）`,
};
