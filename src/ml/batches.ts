import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from './imageSet';

/**
 * The images at `indices` as a float batch: pixels scaled to [0, 1] and flattened to
 * `featureCount` inputs (what the article's MLP takes), labels as a column [n, 1].
 */
export function batchTensors(set: ImageSet, indices: ArrayLike<number>): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const floats = new Float32Array(indices.length * set.featureCount);
  const labels = fillBatch(set, indices, floats);
  return { xs: tf.tensor2d(floats, [indices.length, set.featureCount]), ys: tf.tensor2d(labels, [indices.length, 1]) };
}

/**
 * `batchTensors` for a loop over many batches of at most `maxBatch` images. On the wasm
 * backend the pixels are written into the tensor's own wasm memory (a fresh 6 MB JavaScript
 * buffer per batch at 64×64 cost ~20 ms of first-touch page faults, and the copy into wasm
 * memory another pass). Other backends keep a reference to the values (CPU) or upload them
 * later (WebGL), so they get a fresh buffer each time.
 */
export function createBatcher(set: ImageSet, maxBatch: number): (indices: ArrayLike<number>) => { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  return (indices) => {
    if (indices.length > maxBatch) throw new Error(`batch of ${indices.length} images is larger than the batcher's ${maxBatch}`);
    if (tf.getBackend() !== 'wasm') return batchTensors(set, indices);
    // Written straight into the tensor's place in wasm memory: no float buffer in JavaScript and
    // no second copy (77 MB per batch of 128 images at 224×224).
    const backend = tf.backend() as unknown as { makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo; typedArrayFromHeap(info: tf.TensorInfo): Float32Array };
    const info = backend.makeOutput([indices.length, set.featureCount], 'float32');
    const labels = fillBatch(set, indices, backend.typedArrayFromHeap(info));
    return { xs: tf.engine().makeTensorFromTensorInfo(info) as tf.Tensor2D, ys: tf.tensor2d(labels, [indices.length, 1]) };
  };
}

/**
 * A float32 tensor's values where they lie in wasm memory (writing them changes the tensor), or
 * undefined on other backends. Valid until the next tensor is allocated (wasm memory may grow).
 */
export function valuesInWasmMemory(tensor: tf.Tensor): Float32Array | undefined {
  if (tf.getBackend() !== 'wasm' || tensor.dtype !== 'float32') return undefined;
  return (tf.backend() as unknown as { typedArrayFromHeap(info: tf.TensorInfo): Float32Array }).typedArrayFromHeap(tensor);
}

// Every byte's value in [0, 1], as `byte / 255` gives it: a table look-up is cheaper than a division.
const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, byte) => byte / 255);

/** Writes the images' pixels in [0, 1] into `floats`, one image per row; returns their labels. */
function fillBatch(set: ImageSet, indices: ArrayLike<number>, floats: Float32Array): Float32Array {
  const n = indices.length;
  const features = set.featureCount;
  const labels = new Float32Array(n);
  for (let row = 0; row < n; row++) {
    const image = set.image(indices[row]!);
    const offset = row * features;
    for (let i = 0; i < features; i++) floats[offset + i] = BYTE_TO_UNIT[image[i]!]!;
    labels[row] = set.labels[indices[row]!]!;
  }
  return labels;
}

/** Consecutive index ranges [start, end) covering 0..count in batches. */
export function* batchRanges(count: number, batchSize: number): Generator<[number, number]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize} (expected a whole number ≥ 1)`);
  for (let start = 0; start < count; start += batchSize) yield [start, Math.min(count, start + batchSize)];
}
