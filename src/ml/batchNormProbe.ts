import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from './imageSet';
import { batchTensors } from './batches';
import { findLayerIndex, layerInput } from './layerInput';

/** A BatchNormalization layer's statistics for one batch, per unit. */
export interface BatchNormSnapshot {
  layerName: string;
  units: number;
  /** Added to the variance before the square root, so that a unit that hardly varies is not divided by ~0. */
  epsilon: number;
  /** Mean and (biased) variance of the layer's input over the batch: what training normalizes with. */
  batchMean: Float32Array;
  batchVariance: Float32Array;
  /** The running averages the layer keeps for inference. */
  movingMean: Float32Array;
  movingVariance: Float32Array;
  gamma: Float32Array;
  beta: Float32Array;
  /** Every activation of the batch before the layer, and after it in training mode. */
  before: Float32Array;
  after: Float32Array;
}

/**
 * Looks at a model's BatchNormalization layer on one batch without changing it: the batch
 * statistics (tf.moments of the layer's input), the moving statistics and gamma/beta, and the
 * activations before and after normalization. Applying the layer itself with `training: true`
 * would also update its moving averages, so the training-mode output is computed here from
 * the same formula: gamma · (x − mean) / √(variance + epsilon) + beta.
 */
export function observeBatchNorm(model: tf.LayersModel, data: ImageSet, { layer = 'BatchNormalization', indices }: { layer?: number | string; indices?: ArrayLike<number> } = {}): BatchNormSnapshot {
  const index = findLayerIndex(model, layer, 'BatchNormalization');
  const bn = model.layers[index]!;
  if (bn.getClassName() !== 'BatchNormalization') throw new Error(`layer ${index} (${bn.name}) is a ${bn.getClassName()}, not a BatchNormalization layer`);
  const config = bn.getConfig() as { epsilon: number; center: boolean; scale: boolean };
  const { xs, ys } = batchTensors(data, indices ?? Array.from({ length: Math.min(128, data.count) }, (_, i) => i));
  const byName = (suffix: string) => bn.weights.find((w) => w.name.endsWith(`/${suffix}`) || w.name.endsWith(`/${suffix}:0`))?.read();
  const result = tf.tidy(() => {
    const input = layerInput(model, index, xs);
    const { mean, variance } = tf.moments(input, 0);
    const units = input.shape[1]!;
    const gamma = config.scale ? byName('gamma')! : tf.ones([units]);
    const beta = config.center ? byName('beta')! : tf.zeros([units]);
    const after = tf.add(tf.mul(gamma, tf.div(tf.sub(input, mean), tf.sqrt(tf.add(variance, config.epsilon)))), beta);
    return { input, mean, variance, gamma: gamma.clone(), beta: beta.clone(), after, movingMean: byName('moving_mean')!.clone(), movingVariance: byName('moving_variance')!.clone() };
  });
  const read = (t: tf.Tensor) => Float32Array.from(t.dataSync());
  const snapshot: BatchNormSnapshot = {
    layerName: bn.name,
    units: result.input.shape[1]!,
    epsilon: config.epsilon,
    batchMean: read(result.mean),
    batchVariance: read(result.variance),
    movingMean: read(result.movingMean),
    movingVariance: read(result.movingVariance),
    gamma: read(result.gamma),
    beta: read(result.beta),
    before: read(result.input),
    after: read(result.after),
  };
  tf.dispose([xs, ys, ...Object.values(result)]);
  return snapshot;
}
