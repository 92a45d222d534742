import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonCells } from '../../src/lessons/cells';
import { LESSONS_ROOT, LESSON_SUBFOLDERS } from '../../src/lessons/layout';
import { cellsHash } from '../../src/ml/referenceBands';
import { DEFAULT_RUN_FILE, EXPECT_HEADINGS, expectSection, missingFigures, QUOTED, type DefaultRun } from '../../src/lessons/defaultRun';
import { DEFAULT_COUNT, DEFAULT_LABEL_NOISE, GENERATOR_VERSION } from '../../scripts/synthetic/generateDataset';

const runFile = (lesson: string) => join(LESSONS_ROOT, lesson, LESSON_SUBFOLDERS.references, DEFAULT_RUN_FILE);
const read = (path: string) => readFileSync(path, 'utf8');

// Issue 12 item 4: what each lesson's prose says to expect on the default data is the seeded run's, and stays so.
describe.each(Object.keys(QUOTED))('%s: the prose quotes its seeded default run', (lesson) => {
  const path = runFile(lesson);

  it('has a seed-1 run made with the current cells and generator (else: npm run claims, then npm run default-run)', () => {
    expect(existsSync(path), `${path} is missing`).toBe(true);
    const run = JSON.parse(read(path)) as DefaultRun;
    expect(run.generator).toEqual({ version: GENERATOR_VERSION, count: DEFAULT_COUNT, labelNoise: DEFAULT_LABEL_NOISE });
    expect(run.cellsHash, `${lesson}'s cells changed since ${path} was made`).toBe(cellsHash(lessonCells(join(LESSONS_ROOT, lesson))));
  });

  it.each(['en', 'zh'] as const)('%s.mdx quotes every figure of that run', (language) => {
    const run = JSON.parse(read(path)) as DefaultRun;
    const section = expectSection(read(join(LESSONS_ROOT, lesson, `${language}.mdx`)), EXPECT_HEADINGS[language]);
    expect(section, `${lesson}/${language}.mdx has no "${EXPECT_HEADINGS[language]}" section`).toBeDefined();
    expect(missingFigures(section!, QUOTED[lesson]!(run))).toEqual([]);
  });
});

describe('missingFigures', () => {
  it('finds a number that is not quoted, and does not take it from inside a longer one', () => {
    const quoted = { 'validation accuracy %': '65.0', 'stopped after epoch': '22' };
    expect(missingFigures('validation accuracy 65.0 %, stopped after epoch 22.', quoted)).toEqual([]);
    expect(missingFigures('validation accuracy 64.9 %, stopped after epoch 22', quoted)).toEqual(['validation accuracy % 65.0']);
    expect(missingFigures('validation accuracy 165.03 %, epoch 122', quoted)).toEqual(['validation accuracy % 65.0', 'stopped after epoch 22']);
  });

  it('reads only the section under its heading', () => {
    const mdx = '# L\n\n## What to expect on the default data\n\nepoch 17\n\n## Your turn\n\nepoch 22\n';
    expect(expectSection(mdx, EXPECT_HEADINGS.en)).toContain('epoch 17');
    expect(expectSection(mdx, EXPECT_HEADINGS.en)).not.toContain('epoch 22');
    expect(expectSection('# L\n', EXPECT_HEADINGS.en)).toBeUndefined();
  });
});
