import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from './imageSet';

/**
 * The images at `indices` as a float batch: pixels scaled to [0, 1] and flattened to
 * `featureCount` inputs (what the article's MLP takes), labels as a column [n, 1].
 */
export function batchTensors(set: ImageSet, indices: ArrayLike<number>): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  return fillBatch(set, indices, new Float32Array(indices.length * set.featureCount));
}

/**
 * `batchTensors` for a loop over many batches of at most `maxBatch` images. On the wasm
 * backend, which copies a tensor's values into its own memory when the tensor is made, one
 * float buffer serves every batch: a fresh 6 MB buffer per batch (128 images at 64×64) costs
 * ~20 ms of first-touch page faults, as much as the training step's matrix products. Other
 * backends keep a reference to the values (CPU) or upload them later (WebGL), so they get a
 * fresh buffer each time.
 */
export function createBatcher(set: ImageSet, maxBatch: number): (indices: ArrayLike<number>) => { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  let scratch: Float32Array | undefined;
  return (indices) => {
    if (indices.length > maxBatch) throw new Error(`batch of ${indices.length} images is larger than the batcher's ${maxBatch}`);
    if (tf.getBackend() !== 'wasm') return batchTensors(set, indices);
    scratch ??= new Float32Array(maxBatch * set.featureCount);
    return fillBatch(set, indices, scratch.subarray(0, indices.length * set.featureCount));
  };
}

function fillBatch(set: ImageSet, indices: ArrayLike<number>, floats: Float32Array): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const n = indices.length;
  const features = set.featureCount;
  const labels = new Float32Array(n);
  for (let row = 0; row < n; row++) {
    const image = set.image(indices[row]!);
    const offset = row * features;
    for (let i = 0; i < features; i++) floats[offset + i] = image[i]! / 255;
    labels[row] = set.labels[indices[row]!]!;
  }
  return { xs: tf.tensor2d(floats, [n, features]), ys: tf.tensor2d(labels, [n, 1]) };
}

/** Consecutive index ranges [start, end) covering 0..count in batches. */
export function* batchRanges(count: number, batchSize: number): Generator<[number, number]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize} (expected a whole number ≥ 1)`);
  for (let start = 0; start < count; start += batchSize) yield [start, Math.min(count, start + batchSize)];
}
