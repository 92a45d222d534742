import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { ImageSet } from '../../src/ml/imageSet';
import { train, type History } from '../../src/ml/train';
import { articleAugmentation } from '../../src/ml/articleAugmentation';
import { createRandom } from '../../src/lib/random';

/** 6×6 images: emergency ones brighter on the left half, with noise (small, so a run takes milliseconds). */
function halvesSet(count: number, seed: number): ImageSet {
  const random = createRandom(seed);
  const size = 6;
  const perImage = size * size * 3;
  const pixels = new Uint8Array(count * perImage);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = random.chance(0.4) ? 1 : 0;
    for (let p = 0; p < perImage; p++) {
      const left = Math.floor(p / 3) % size < size / 2;
      const base = labels[i] && left ? 160 : 110;
      pixels[i * perImage + p] = Math.max(0, Math.min(255, Math.round(base + random.normal(0, 40))));
    }
  }
  return new ImageSet(size, pixels, labels, Array.from({ length: count }, (_, i) => `${i}.jpg`));
}

/** A lesson's run in miniature: seeded Glorot weights, dropout, the article's augmentation, all from one `seed`. */
async function lessonLikeRun(seed: number, data: ImageSet, validation: ImageSet, { touchGallery = false } = {}): Promise<History> {
  const seeded = (layer: number) => tf.initializers.glorotUniform({ seed: 100 * seed + layer });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [data.featureCount], units: 16, activation: 'sigmoid', kernelInitializer: seeded(1) }),
      tf.layers.dropout({ rate: 0.5 }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: seeded(2) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const augmentation = articleAugmentation({ seed });
  // What the lesson's gallery does with the same augmentation before training: draws from it.
  if (touchGallery) tf.dispose(augmentation(tf.zeros([5, data.size, data.size, 3]) as tf.Tensor4D));
  try {
    return await train(model, data, { validation, epochs: 4, batchSize: 16, seed, augment: augmentation });
  } finally {
    model.dispose();
  }
}

const figures = (history: History) => history.epochs.map(({ loss, acc, val_loss, val_acc }) => [loss, acc, val_loss, val_acc]);

describe('a seeded lesson run', () => {
  const data = halvesSet(64, 1);
  const validation = halvesSet(32, 2);

  it('gives the same history for the same seed, even after the gallery drew from the augmentation', async () => {
    const first = await lessonLikeRun(7, data, validation);
    const again = await lessonLikeRun(7, data, validation, { touchGallery: true });
    expect(figures(again)).toEqual(figures(first));
  });

  it('gives a different history for another seed', async () => {
    const first = await lessonLikeRun(7, data, validation);
    const other = await lessonLikeRun(8, data, validation);
    expect(figures(other)).not.toEqual(figures(first));
  });

  it('draws a new dropout mask for every batch, from the seed', async () => {
    // Same weights, same order, same augmentation; only the masks' seed changes between the two runs,
    // so equal histories would mean the masks ignore the seed.
    const model = () => {
      const m = tf.sequential({ layers: [
        tf.layers.dense({ inputShape: [data.featureCount], units: 16, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) }),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }) }),
      ] });
      m.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
      return m;
    };
    const runs: number[][][] = [];
    const seeds: (number | undefined)[] = [];
    for (const seed of [3, 3, 4]) {
      const m = model();
      const history = await train(m, data, { epochs: 2, batchSize: 16, seed, shuffle: false, callbacks: { onBatchEnd: () => seeds.push((m.layers[1] as unknown as { seed?: number }).seed) } });
      runs.push(figures(history) as number[][]);
      expect((m.layers[1] as unknown as { seed?: number }).seed).toBeUndefined(); // put back as it was
      m.dispose();
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).not.toEqual(runs[0]);
    const firstRunSeeds = seeds.slice(0, 8);
    expect(new Set(firstRunSeeds).size).toBe(8); // a new mask on each of the 8 batches
  });
});
