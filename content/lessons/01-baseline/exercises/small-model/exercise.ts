import { correct, defineExercise, notYet } from '../../../../../src/exercises/define';
import { modelLayers, ORDINALS } from '../../../../../src/exercises/inspect';

/** The task: the baseline's three Dense layers, with this many units in each hidden one. */
const UNITS = 20;

export default defineExercise({
  hints: [
    { en: 'Each blank is the `units` of a hidden layer: how many neurons it has.', zh: '每个空白处都是一个隐藏层的 `units`：它有多少个神经元。' },
    { en: `Both blanks are the same number: ${UNITS}. The output layer keeps its single unit.`, zh: `两个空白处填同一个数：${UNITS}。输出层仍然只有一个单元。` },
  ],
  check({ value, get }) {
    const layers = modelLayers(value) ?? modelLayers(get('smallModel'));
    if (!layers) {
      return notYet({
        en: 'The cell should end with `smallModel`, the tf.sequential model it builds: the check looks at its layers.',
        zh: '这个单元格最后一行应当是 `smallModel`，也就是它构建的 tf.sequential 模型：检查会查看它的各层。',
      });
    }
    const dense = layers.filter((layer) => layer.kind === 'dense');
    if (dense.length !== 3 || layers.length !== 3) {
      return notYet({
        en: `The model has ${layers.length} layer${layers.length === 1 ? '' : 's'} (${layers.map((l) => l.kind).join(', ')}); keep the baseline's three Dense layers and change only their units.`,
        zh: `这个模型有 ${layers.length} 层（${layers.map((l) => l.kind).join('、')}）；请保留基线的三个 Dense 层，只修改它们的单元数。`,
      });
    }
    for (const [index, layer] of dense.slice(0, 2).entries()) {
      if (layer.units !== UNITS) {
        return notYet({
          en: `The ${ORDINALS.en[index]} hidden layer has ${layer.units} units; the task asks for ${UNITS}.`,
          zh: `${ORDINALS.zh[index]}个隐藏层有 ${layer.units} 个单元；题目要求 ${UNITS} 个。`,
        });
      }
      if (layer.activation !== 'sigmoid') {
        return notYet({
          en: `The ${ORDINALS.en[index]} hidden layer uses ${layer.activation}; keep the baseline's sigmoid, so that only the size changes.`,
          zh: `${ORDINALS.zh[index]}个隐藏层使用了 ${layer.activation}；请保留基线的 sigmoid，只改变层的大小。`,
        });
      }
    }
    const output = dense[2]!;
    if (output.units !== 1 || output.activation !== 'sigmoid') {
      return notYet({
        en: `The output layer has ${output.units} unit${output.units === 1 ? '' : 's'} with ${output.activation}; it must stay one sigmoid unit: the probability that the image is an emergency vehicle.`,
        zh: `输出层有 ${output.units} 个单元，激活函数是 ${output.activation}；它必须保持为一个 sigmoid 单元：图像是紧急车辆的概率。`,
      });
    }
    const data = get('data') as { featureCount?: number } | undefined;
    if (data?.featureCount !== undefined && dense[0]!.inputFeatures !== data.featureCount) {
      return notYet({
        en: `The first layer expects ${dense[0]!.inputFeatures} numbers per image, but the images have ${data.featureCount}: keep inputShape: [data.featureCount].`,
        zh: `第一层期望每张图像有 ${dense[0]!.inputFeatures} 个数，而图像有 ${data.featureCount} 个：请保留 inputShape: [data.featureCount]。`,
      });
    }
    return correct({
      en: `Right: ${UNITS} units per hidden layer. The network now has about a fifth of the baseline's weights, so it has less room to memorise the training images.`,
      zh: `正确：每个隐藏层 ${UNITS} 个单元。现在网络的权重大约只有基线的五分之一，记住训练图像的余地更小了。`,
    });
  },
});
