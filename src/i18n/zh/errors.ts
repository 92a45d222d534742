import type { Messages } from '../index';

export const errors: Messages['errors'] = {
  numbersPerImage: (numbers, side) => `每张图像 ${numbers} 个数（${side}×${side}×3）`,
  numbersPerExample: (numbers) => `每个样本 ${numbers} 个数`,
  mismatch: (expected, actual, actualSide) => `模型需要${expected}，但数据有 ${actual} 个${actualSide ? `（${actualSide}×${actualSide}×3）` : ''}`,
  loadAt: (wanted) => `用 loadDataset({ resolution: ${wanted} }) 加载数据，或者用 inputShape: [data.featureCount] 重新构建模型并再次训练`,
  rebuild: '用 inputShape: [data.featureCount] 重新构建模型并再次训练',
  resolutionMismatch: (what, got, wanted, fix) => `${what}：图像是以分辨率 ${got} 加载的，而模型是为 ${wanted}×${wanted} 构建的——${fix}`,
  layerMismatch: (what) => `${what}：某一层的输入大小与它前面的输出不一致——检查 inputShape 和前一层的 units`,
  withEngineMessage: (explanation, message) => `${explanation}。（TF.js：${message}）`,
  backendRestarted: 'TensorFlow.js 在内存耗尽后无法继续，已被重新启动：之前创建的张量和模型都已不在，请从头重新运行各个单元格。',
};
