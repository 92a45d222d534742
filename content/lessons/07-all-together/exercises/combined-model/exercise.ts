import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { hiddenLayersOfModel, ORDINALS } from '../../../../../src/exercises/inspect';

export default defineExercise({
  hints: [
    { en: 'Copy what follows the second hidden layer: the first one needs the same two layers.', zh: '照抄第二个隐藏层后面的内容：第一个隐藏层后面也需要同样的两层。' },
    { en: '`tf.layers.batchNormalization()`, then `tf.layers.dropout({ rate: 0.5 })`.', zh: '先 `tf.layers.batchNormalization()`，再 `tf.layers.dropout({ rate: 0.5 })`。' },
  ],
  check({ value, get }) {
    const model = hiddenLayersOfModel(value, get, 'myModel');
    if ('state' in model) return model;
    const { after: hidden } = model;
    for (const [index, after] of hidden.entries()) {
      const kinds = after.map((layer) => (layer.kind === 'dropout' ? `dropout ${layer.rate}` : layer.kind)).join(' → ') || 'nothing';
      if (kinds !== 'batchNormalization → dropout 0.5') {
        return notYet({ en: `After the ${ORDINALS.en[index]} hidden layer comes ${kinds}; the task asks for batchNormalization → dropout 0.5.`, zh: `${ORDINALS.zh[index]}个隐藏层后面是 ${kinds}；题目要求 batchNormalization → dropout 0.5。` });
      }
    }
    return correct({ en: 'Right: batch normalization keeps each layer’s inputs on one scale, dropout keeps units from relying on each other — the two techniques of this course that change the network itself.', zh: '正确：批量归一化让每一层的输入保持在同一尺度上，Dropout 让单元之间不能相互依赖——这是本课程中改变网络本身的两种技术。' });
  },
});
