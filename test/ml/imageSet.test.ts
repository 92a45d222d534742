import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { ImageSet } from '../../src/ml/imageSet';
import { batchRanges, batchTensors } from '../../src/ml/batches';

// Three 1×1 images: red (emergency), green, blue.
const set = new ImageSet(1, Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 51]), Uint8Array.from([1, 0, 0]), ['r.jpg', 'g.jpg', 'b.jpg']);

describe('ImageSet', () => {
  it('counts classes and describes itself', () => {
    expect(set.count).toBe(3);
    expect(set.featureCount).toBe(3);
    expect(set.classCounts()).toEqual([2, 1]);
    expect(String(set)).toBe('ImageSet(3 images, 1×1×3: 1 emergency, 2 non-emergency)');
  });

  it('takes subsets in the given order and remembers where each image came from', () => {
    const picked = set.subset([2, 0]);
    expect([...picked.pixels]).toEqual([0, 0, 51, 255, 0, 0]);
    expect([...picked.labels]).toEqual([0, 1]);
    expect(picked.names).toEqual(['b.jpg', 'r.jpg']);
    expect(picked.sourceIndices).toEqual([2, 0]);
    expect(picked.subset([1]).sourceIndices).toEqual([0]);
  });

  it('rejects pixels that do not match the labels', () => {
    expect(() => new ImageSet(2, new Uint8Array(10), new Uint8Array(1), ['a'])).toThrow('image set: 10 bytes of pixels do not hold 1 images of 2×2×3');
    expect(() => set.image(3)).toThrow('image index 3 is out of range (0 to 2)');
  });
});

describe('batchTensors', () => {
  it('scales pixels to [0, 1], flattens them and gives labels as a column', async () => {
    const { xs, ys } = batchTensors(set, [2, 0]);
    expect(xs.shape).toEqual([2, 3]);
    expect(ys.shape).toEqual([2, 1]);
    const values = await xs.array();
    expect(values[0]![2]).toBeCloseTo(0.2, 6);
    expect(values[1]).toEqual([1, 0, 0]);
    expect(await ys.array()).toEqual([[0], [1]]);
    tf.dispose([xs, ys]);
  });

  it('splits a set into batches with a shorter last one', () => {
    expect([...batchRanges(10, 4)]).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(() => [...batchRanges(10, 0)]).toThrow('invalid batch size: 0');
  });
});
