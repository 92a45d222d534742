import { describe, expect, it } from 'vitest';
import { countLeakedValidationImages, groupAwareSplitIndices } from '../../src/ml/groupSplit';
import { trainTestSplitIndices } from '../../src/ml/split';

describe('groupAwareSplitIndices', () => {
  it('equals the article split when there are no groups', () => {
    const { train, validation, moved } = groupAwareSplitIndices(2352, []);
    expect({ train, validation }).toEqual(trainTestSplitIndices(2352));
    expect(moved).toBe(0);
  });

  it('keeps every group on one side, at the article sizes, moving few images', () => {
    const article = trainTestSplitIndices(100);
    // Groups that straddle the article's split: one validation image with two training images, and so on.
    const groups = [
      [article.validation[0], article.train[0], article.train[1]],
      [article.train[5], article.validation[3]],
      [article.validation[7], article.validation[8], article.train[9]],
    ];
    const split = groupAwareSplitIndices(100, groups);
    expect(split.validation).toHaveLength(30);
    expect(split.train).toHaveLength(70);
    expect(new Set([...split.train, ...split.validation]).size).toBe(100);
    const side = (index: number) => (split.validation.includes(index) ? 'validation' : 'train');
    const articleSide = (index: number) => (article.validation.includes(index) ? 'validation' : 'train');
    for (const group of groups) {
      expect(group.map(side), `group ${group}`).toEqual(group.map(() => articleSide(Math.min(...group))));
    }
    expect(countLeakedValidationImages(article.train, article.validation, groups)).toBe(4);
    expect(countLeakedValidationImages(split.train, split.validation, groups)).toBe(0);
    // Each group moves the members on the "wrong" side; singletons re-balance by the same net amount.
    expect(split.moved).toBeLessThanOrEqual(2 * 4);
  });

  it('rejects bad groups in words', () => {
    expect(() => groupAwareSplitIndices(10, [[1, 10]])).toThrow('groupAwareSplitIndices: group member 10 is not an index below n = 10');
    expect(() => groupAwareSplitIndices(10, [[1, 2], [2, 3]])).toThrow('groupAwareSplitIndices: image 2 is in two groups');
  });

  it('says so when the groups leave too few images to re-balance', () => {
    expect(() => groupAwareSplitIndices(10, [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]])).toThrow(/cannot keep the duplicate groups together with 3 validation images \(±1\)/);
  });
});
