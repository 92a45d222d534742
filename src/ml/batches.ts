import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from './imageSet';

/**
 * The images at `indices` as a float batch: pixels scaled to [0, 1] and flattened to
 * `featureCount` inputs (what the article's MLP takes), labels as a column [n, 1].
 */
export function batchTensors(set: ImageSet, indices: ArrayLike<number>): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const n = indices.length;
  const features = set.featureCount;
  const floats = new Float32Array(n * features);
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
