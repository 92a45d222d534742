import * as tf from '@tensorflow/tfjs';

export type BenchModel = 'mlp' | 'mlp-bn-dropout' | 'mlp-bn-dropout-augmented';

/** The lessons' models with seeded initial weights, so every configuration starts from the same point. */
export function buildBenchModel(kind: BenchModel, inputs: number, learningRate: number): tf.Sequential {
  const model = tf.sequential();
  const seeded = (seed: number) => tf.initializers.glorotUniform({ seed });
  const regularize = () => {
    if (kind === 'mlp') return;
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.dropout({ rate: 0.5 }));
  };
  model.add(tf.layers.dense({ inputShape: [inputs], units: 100, activation: 'sigmoid', kernelInitializer: seeded(1) }));
  regularize();
  model.add(tf.layers.dense({ units: 100, activation: 'sigmoid', kernelInitializer: seeded(2) }));
  regularize();
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: seeded(3) }));
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}
