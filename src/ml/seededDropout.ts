import type * as tf from '@tensorflow/tfjs';
import { createRandom } from '../lib/random';

/**
 * Seeds the masks of a model's Dropout layers for one training run.
 *
 * TF.js draws a Dropout layer's mask from `Math.random` unless the layer has a seed, and a layer
 * with a fixed seed draws the *same* mask on every batch. So training gives each unseeded Dropout
 * layer a new seed before every batch, drawn from the run's seed: the masks differ from batch to
 * batch, as they must, and the same run seed gives the same masks. Layers the reader seeded
 * themselves are left as they are; `restore` puts every layer back as it was.
 */
export function seedDropoutMasks(model: tf.LayersModel, seed: number): { beforeBatch(): void; restore(): void } {
  const random = createRandom(seed ^ 0x5eed);
  const layers = model.layers.filter((layer) => layer.getClassName() === 'Dropout') as unknown as { seed?: number }[];
  const unseeded = layers.filter((layer) => layer.seed === undefined);
  return {
    beforeBatch() {
      // Never 0: TF.js treats a falsy seed as "no seed".
      for (const layer of unseeded) layer.seed = random.int(1, 2 ** 31 - 1);
    },
    restore() {
      for (const layer of unseeded) layer.seed = undefined;
    },
  };
}
