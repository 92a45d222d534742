import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { numpyPermutation, trainTestSplitIndices } from '../../src/ml/split';

// Written by scripts/tools/numpy-permutation-fixture.py from real NumPy.
interface PermutationCase {
  seed: number;
  n: number;
  sha256: string;
  values?: number[];
  head?: number[];
  tail?: number[];
}
interface Fixture {
  cases: PermutationCase[];
  article: { seed: number; n: number; testSize: number; validationCount: number; trainCount: number; permutation: number[] };
}
const fixture: Fixture = JSON.parse(readFileSync(new URL('../fixtures/numpy-permutations.json', import.meta.url), 'utf8'));

function sha256OfUint32LittleEndian(values: Uint32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setUint32(i * 4, value, true));
  return createHash('sha256').update(bytes).digest('hex');
}

describe('numpyPermutation matches np.random.RandomState(seed).permutation(n)', () => {
  it.each(fixture.cases.map((c) => [`seed ${c.seed}, n ${c.n}`, c] as const))('%s', (_, c) => {
    const permutation = numpyPermutation(c.n, c.seed);
    expect(permutation.length).toBe(c.n);
    if (c.values) expect(Array.from(permutation)).toEqual(c.values);
    if (c.head) expect(Array.from(permutation.subarray(0, c.head.length))).toEqual(c.head);
    if (c.tail) expect(Array.from(permutation.subarray(c.n - c.tail.length))).toEqual(c.tail);
    expect(sha256OfUint32LittleEndian(permutation)).toBe(c.sha256);
  });

  it('rejects seeds NumPy rejects and non-integer sizes', () => {
    expect(() => numpyPermutation(10, -1)).toThrow(/seed must be an integer in \[0, 2\^32 − 1\].*-1/);
    expect(() => numpyPermutation(10, 2 ** 32)).toThrow(/seed/);
    expect(() => numpyPermutation(10, 1.5)).toThrow(/seed/);
    expect(() => numpyPermutation(2.5, 42)).toThrow(/n must be an integer.*2\.5/);
  });
});

describe('trainTestSplitIndices reproduces the article split', () => {
  it('train_test_split(test_size=0.3, random_state=42) on 2352 images: 706 validation, 1646 training', () => {
    const { article } = fixture;
    const split = trainTestSplitIndices(article.n);
    expect(split.validation.length).toBe(706);
    expect(split.train.length).toBe(1646);
    expect(article.validationCount).toBe(706);
    expect(split.validation).toEqual(article.permutation.slice(0, 706));
    expect(split.train).toEqual(article.permutation.slice(706));
  });

  it('covers every index exactly once', () => {
    const { train, validation } = trainTestSplitIndices(2352);
    const all = [...train, ...validation].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 2352 }, (_, i) => i));
  });

  it('rounds the validation size up like scikit-learn', () => {
    expect(trainTestSplitIndices(10).validation.length).toBe(3);
    expect(trainTestSplitIndices(11).validation.length).toBe(4); // ceil(3.3)
    expect(trainTestSplitIndices(100, { testSize: 0.25, seed: 0 }).validation).toEqual(Array.from(numpyPermutation(100, 0).subarray(0, 25)));
  });

  it('explains invalid arguments', () => {
    expect(() => trainTestSplitIndices(10, { testSize: 1.2 })).toThrow(/testSize must be a fraction.*1\.2/);
    expect(() => trainTestSplitIndices(1)).toThrow(/training set would be empty/);
  });
});
