import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { hiddenLayersOfModel, ORDINALS } from '../../../../../src/exercises/inspect';

const RATE = 0.5;

export default defineExercise({
  hints: [
    { en: 'A dropout layer is made like the dense ones: `tf.layers.dropout({ … })`, with the share of units it silences as its `rate`.', zh: 'Dropout 层的写法和 Dense 层一样：`tf.layers.dropout({ … })`，它关闭的单元比例就是 `rate`。' },
    { en: `Both blanks: \`tf.layers.dropout({ rate: ${RATE} })\`.`, zh: `两个空白处都填：\`tf.layers.dropout({ rate: ${RATE} })\`。` },
  ],
  check({ value, get }) {
    const model = hiddenLayersOfModel(value, get, 'myDropoutModel');
    if ('state' in model) return model;
    const { after: hidden, layers } = model;
    for (const [index, after] of hidden.entries()) {
      const dropout = after.find((layer) => layer.kind === 'dropout');
      if (!dropout) {
        return notYet({ en: `The ${ORDINALS.en[index]} hidden layer has no Dropout after it.`, zh: `${ORDINALS.zh[index]}个隐藏层后面没有 Dropout 层。` });
      }
      if (dropout.rate !== RATE) {
        return notYet({ en: `The Dropout after the ${ORDINALS.en[index]} hidden layer has rate ${dropout.rate}; the task asks for ${RATE}.`, zh: `${ORDINALS.zh[index]}个隐藏层后面的 Dropout 的 rate 是 ${dropout.rate}；题目要求 ${RATE}。` });
      }
    }
    const last = layers.at(-1)!;
    if (last.kind !== 'dense' || last.units !== 1) return notYet({ en: 'The last layer must stay the single sigmoid output unit: no Dropout after it.', zh: '最后一层必须仍然是单个 sigmoid 输出单元：它后面不加 Dropout。' });
    return correct({
      en: 'Right: during training each hidden layer now loses a random half of its outputs at every step, so no unit can rely on another one being there — the network cannot memorise the training images as easily.',
      zh: '正确：训练时，每个隐藏层在每一步都会随机失去一半的输出，任何单元都不能指望另一个单元一定在场——网络就不那么容易记住训练图像了。',
    });
  },
});
