import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { hiddenLayersOfModel, ORDINALS } from '../../../../../src/exercises/inspect';

export default defineExercise({
  hints: [
    { en: 'Batch normalization is a layer of its own, placed between two Dense layers: `tf.layers.…()`.', zh: '批量归一化本身就是一层，放在两个 Dense 层之间：`tf.layers.…()`。' },
    { en: 'Both blanks: `tf.layers.batchNormalization()`.', zh: '两个空白处都填：`tf.layers.batchNormalization()`。' },
  ],
  check({ value, get }) {
    const model = hiddenLayersOfModel(value, get, 'myBnModel');
    if ('state' in model) return model;
    const { after: hidden } = model;
    for (const [index, after] of hidden.entries()) {
      if (!after.some((layer) => layer.kind === 'batchNormalization')) {
        const instead = after.length > 0 ? { en: ` (it is followed by ${after.map((layer) => layer.kind).join(', ')})`, zh: `（它后面是 ${after.map((layer) => layer.kind).join('、')}）` } : { en: '', zh: '' };
        return notYet({ en: `The ${ORDINALS.en[index]} hidden layer has no batch normalization after it${instead.en}.`, zh: `${ORDINALS.zh[index]}个隐藏层后面没有批量归一化层${instead.zh}。` });
      }
    }
    return correct({
      en: 'Right: each hidden layer’s outputs are now rescaled to mean 0 and variance 1 over every batch, so the next layer always sees numbers of the same size while the weights before it change.',
      zh: '正确：现在每个隐藏层的输出都会在每个批次上被重新缩放为均值 0、方差 1，所以在前面的权重变化时，下一层看到的数值大小始终一致。',
    });
  },
});
