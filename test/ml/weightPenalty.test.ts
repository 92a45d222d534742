import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { JSDOM } from 'jsdom';
import { train } from '../../src/ml/train';
import { ImageSet } from '../../src/ml/imageSet';
import { createRandom } from '../../src/lib/random';
import { historyFigure } from '../../src/viz/historyFigure';
import * as en from '../../src/i18n/en';

// 40 random 2×2 images: training and validation are the same images, and a learning rate of 0
// keeps the weights fixed, so an honest report gives the same loss for both.
const random = createRandom(7);
const count = 40;
const pixels = Uint8Array.from({ length: count * 12 }, () => Math.floor(random.next() * 256));
const labels = Uint8Array.from({ length: count }, (_, i) => i % 2);
const images = new ImageSet(2, pixels, labels, Array.from({ length: count }, (_, i) => `${i}.jpg`));

function model(regularized: boolean): tf.LayersModel {
  const kernelRegularizer = regularized ? tf.regularizers.l2({ l2: 0.05 }) : undefined;
  const m = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [12], units: 8, activation: 'sigmoid', kernelRegularizer, kernelInitializer: tf.initializers.randomNormal({ seed: 1, stddev: 1 }) }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelRegularizer, kernelInitializer: tf.initializers.randomNormal({ seed: 2, stddev: 1 }) }),
    ],
  });
  m.compile({ optimizer: tf.train.sgd(0), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return m;
}

describe('weight penalty (L2 regularizer) in the reported losses', () => {
  it('includes the penalty in val_loss as it is in the training loss', async () => {
    const m = model(true);
    const history = await train(m, images, { epochs: 1, batchSize: 16, validation: images, shuffle: false });
    const [logs] = history.epochs;
    expect(logs!.penalty).toBeGreaterThan(0.05);
    // Before the fix: loss − val_loss was the whole penalty.
    expect(Math.abs(logs!.loss - logs!.val_loss!)).toBeLessThan(1e-5);
    m.dispose();
  });

  it('reports no penalty for a model without regularizers', async () => {
    const m = model(false);
    const history = await train(m, images, { epochs: 1, batchSize: 16, validation: images, shuffle: false });
    expect(history.epochs[0]!.penalty).toBeUndefined();
    expect(Math.abs(history.epochs[0]!.loss - history.epochs[0]!.val_loss!)).toBeLessThan(1e-5);
    m.dispose();
  });

  it('says in the legend and on the axis that both losses include the penalty', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const penalized = historyFigure([{ epoch: 1, loss: 0.9, acc: 0.5, val_loss: 0.95, val_acc: 0.5, penalty: 0.2 }], { words: en.curves, document });
    expect(penalized.textContent).toContain('training loss + weight penalty');
    expect(penalized.textContent).toContain('validation loss + weight penalty');
    expect(penalized.textContent).toContain('loss (binary cross-entropy + weight penalty)');
    const plain = historyFigure([{ epoch: 1, loss: 0.9, acc: 0.5, val_loss: 0.95, val_acc: 0.5 }], { words: en.curves, document });
    expect(plain.textContent).not.toContain('penalty');
  });
});
