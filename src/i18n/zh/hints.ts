import type { Messages } from '../index';

export const hints: Messages['hints'] = {
  heading: '这次训练说明了什么',
  nonFinite: (epoch, metric) =>
    `${metric === 'loss' ? '训练' : '验证'}损失在第 ${epoch} 轮变成了 NaN 或无穷大，所以训练在那里停止：权重已不再是数值，继续训练也无法修复。常见原因是学习率相对输入过高（或输入没有缩放到 [0, 1]）。请降低学习率（例如缩小 10 倍），重新建立模型后再训练。`,
  noMovement: (epochs, change) =>
    `前 ${epochs} 轮训练损失只变化了 ${change}：权重几乎没有改变。学习率相对这个输入尺寸太小就会这样——文章的 1e-5 是为 224×224 图像调的；在 64×64 时每个权重得到的梯度少得多，所以课程把它放大了。`,
  validationAboveTraining: (epochs, total) =>
    `${total} 轮中有 ${epochs} 轮验证准确率高于训练准确率。使用 dropout 时这是正常的，不是错误：训练准确率是在被随机丢弃单元的“变薄”网络上测得的（并且是权重仍在变化时整轮的平均），验证准确率则是在每轮结束时用完整网络测得的。`,
  overfitting: (epoch, loss, after) =>
    `过拟合点：验证损失最后一次下降超过课程的最小改善量（0.01）是在第 ${epoch} 轮（${loss}），之后 ${after} 轮都没有再这样下降。从那以后，网络对训练图像拟合得更好，对新图像却更差——这正是提前停止和模型检查点（第 2 课和第 6 课）要处理的。`,
};
