import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lessonCells } from '../../src/lessons/cells';
import { lessonFolders, LESSONS_ROOT } from '../../src/lessons/layout';

/**
 * Every lesson is reproducible from one visible `seed`: its first cell declares it, and every call
 * that draws random numbers in a cell takes it (so no draw falls back to Math.random).
 */
describe.each(lessonFolders())('lesson %s', (lesson) => {
  const cells = lessonCells(join(LESSONS_ROOT, lesson));
  const calls = (pattern: RegExp) => cells.flatMap((cell) => [...cell.source.matchAll(pattern)].map((match) => ({ cell: cell.file, call: match[0] })));

  it('declares one seed in its first cell', () => {
    expect(cells[0]!.source).toMatch(/^const seed = \d+;$/m);
    expect(cells.slice(1).filter((cell) => /^(const|let|var) seed\b/m.test(cell.source))).toEqual([]);
  });

  it('draws every starting weight, shuffle, mask and augmentation from that seed', () => {
    const dense = calls(/tf\.layers\.dense\(\{[^\n]*\}\)/g);
    expect(dense.length).toBeGreaterThan(0);
    expect(dense.filter(({ call }) => !call.includes('kernelInitializer: seeded('))).toEqual([]);
    const seededHelpers = calls(/const seeded = [^\n]*/g);
    expect(seededHelpers.filter(({ call }) => !call.includes('seed: 100 * seed + layer'))).toEqual([]);
    const fits = cells.flatMap((cell) => [...cell.source.matchAll(/\bfit\([^;]*?\}\);/gs)].map((match) => ({ cell: cell.file, call: match[0] })));
    expect(fits.length).toBeGreaterThan(0);
    expect(fits.filter(({ call }) => !/\bseed\b/.test(call))).toEqual([]);
    const augmentations = calls(/\b(articleAugmentation|randomAugmentation|expandLikeArticle)\([^)]*\)/g);
    expect(augmentations.filter(({ call }) => !/\bseed\b/.test(call))).toEqual([]);
  });
});
