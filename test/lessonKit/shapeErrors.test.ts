import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainShapeMismatch } from '../../src/lessonKit/shapeErrors';
import * as en from '../../src/i18n/en';
import * as zh from '../../src/i18n/zh';

// The messages are TF.js's own, thrown by real models and ops on the cpu backend.
const thrown = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected TF.js to throw');
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('explainShapeMismatch', () => {
  it("says a 64×64 model was given images loaded at 32, from model.predict's error", () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [12288], units: 4 })] });
    const message = thrown(() => model.predict(tf.zeros([2, 3072])));
    expect(explainShapeMismatch(message, en.errors)).toBe('the model expects 12288 numbers per image (64×64×3) but the data has 3072 (32×32×3): the images were loaded at resolution 32, the model was built for 64×64 — load the data with loadDataset({ resolution: 64 }), or rebuild the model with inputShape: [data.featureCount] and train it again');
  });

  it('explains a matrix product of the wrong sizes the same way', () => {
    const message = thrown(() => tf.matMul(tf.zeros([2, 150528]), tf.zeros([12288, 100])));
    expect(explainShapeMismatch(message, en.errors)).toMatch(/^the model expects 12288 numbers per image \(64×64×3\) but the data has 150528 \(224×224×3\): the images were loaded at resolution 224/);
  });

  it("explains the course's own fit message and a layer between hidden layers", () => {
    expect(explainShapeMismatch('the model expects 3072 inputs per image but the data has 12288 (64×64×3): build the model with inputShape [12288]', en.errors))
      .toMatch(/^the model expects 3072 numbers per image \(32×32×3\) but the data has 12288 \(64×64×3\): the images were loaded at resolution 64, the model was built for 32×32/);
    const layer = tf.layers.dense({ units: 1 });
    layer.apply(tf.zeros([2, 100]));
    const message = thrown(() => layer.apply(tf.zeros([2, 50])));
    expect(explainShapeMismatch(message, en.errors)).toBe("the model expects 100 numbers per example but the data has 50: a layer's input size does not match what comes before it — check inputShape and the previous layer's units");
  });

  it('says it in Chinese on a Chinese page', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [12288], units: 4 })] });
    const message = thrown(() => model.predict(tf.zeros([2, 3072])));
    expect(explainShapeMismatch(message, zh.errors)).toBe('模型需要每张图像 12288 个数（64×64×3），但数据有 3072 个（32×32×3）：图像是以分辨率 32 加载的，而模型是为 64×64 构建的——用 loadDataset({ resolution: 64 }) 加载数据，或者用 inputShape: [data.featureCount] 重新构建模型并再次训练');
  });

  it('leaves other errors alone', () => {
    expect(explainShapeMismatch('Cannot read properties of undefined', en.errors)).toBeUndefined();
  });
});
