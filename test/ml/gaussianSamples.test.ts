import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { gaussianSamples } from '../../src/ml/gaussianSamples';

describe('gaussianSamples', () => {
  it.each([[1, 0, 1], [77, 0, Math.sqrt(0.2)], [2 ** 31 - 1, 0.5, 0.1]])('gives TF.js randomNormal\'s values bit for bit (seed %d)', (seed, mean, stdDev) => {
    const count = 10_001; // odd: the last pair's second value is dropped, as TF.js drops it
    expect(Array.from(gaussianSamples(count, mean, stdDev, seed))).toEqual(Array.from(tf.randomNormal([count], mean, stdDev, 'float32', seed).dataSync()));
  });

  it('refuses seed 0, for which TF.js draws a random seed', () => {
    expect(() => gaussianSamples(4, 0, 1, 0)).toThrow(/seed other than 0/);
  });
});
