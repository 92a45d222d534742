import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lessonProblems } from '../../src/lessons/check';
import { lessonCells } from '../../src/lessons/cells';
import { lessonFolders, LESSONS_ROOT } from '../../src/lessons/layout';
import { lessonsFixture, prose } from './fixture';

let fixture = lessonsFixture();
afterEach(() => {
  fixture.remove();
  fixture = lessonsFixture();
});

describe('lessonCells', () => {
  it("lists a lesson's cell files in run order, with their ids, numbers and code", () => {
    fixture.write('01-a/cells/02-show.ts', 'a + 1\n');
    fixture.write('01-a/cells/01-load.ts', 'const a = 1;\r\n');
    fixture.write('01-a/cells/.DS_Store', '');
    expect(lessonCells(join(fixture.root, '01-a'))).toEqual([
      { id: 'load', number: 1, file: 'cells/01-load.ts', source: 'const a = 1;' },
      { id: 'show', number: 2, file: 'cells/02-show.ts', source: 'a + 1' },
    ]);
    expect(lessonCells(join(fixture.root, 'no-such-lesson'))).toEqual([]);
  });

  it('refuses a badly named file, a gap and a shared number, naming the file', () => {
    fixture.write('01-a/cells/01-load.ts', '1');
    fixture.write('01-a/cells/3-model.ts', '2');
    expect(() => lessonCells(join(fixture.root, '01-a'))).toThrow(`${join(fixture.root, '01-a', 'cells', '3-model.ts')}: not a cell file — cells are named NN-id.ts`);
    fixture.write('02-b/cells/01-load.ts', '1');
    fixture.write('02-b/cells/03-model.ts', '2');
    expect(() => lessonCells(join(fixture.root, '02-b'))).toThrow('03-model.ts: cell number 03 should be 02 — cells are numbered 01, 02, … in run order with no gap');
    fixture.write('03-c/cells/01-load.ts', '1');
    fixture.write('03-c/cells/01-other.ts', '3');
    expect(() => lessonCells(join(fixture.root, '03-c'))).toThrow('01-other.ts: number 01 is taken by cells/01-load.ts');
  });

  it('refuses two cells with one id', () => {
    fixture.write('01-a/cells/01-load.ts', '1');
    fixture.write('01-a/cells/02-load.ts', '2');
    expect(() => lessonCells(join(fixture.root, '01-a'))).toThrow('02-load.ts: the id "load" is already used by cells/01-load.ts');
  });

  it('finds the cells of every lesson of the course', () => {
    for (const id of lessonFolders()) {
      const cells = lessonCells(join(LESSONS_ROOT, id));
      expect(cells.length, id).toBeGreaterThan(3);
      expect(cells.map((cell) => cell.number)).toEqual(cells.map((_, index) => index + 1));
      expect(cells[0]!.source, id).toContain('loadDataset');
    }
  });
});

describe('lessonProblems (npm run build runs it before Astro)', () => {
  const twoCells = () => {
    fixture.write('01-a/cells/01-load.ts', 'const a = 1;\n');
    fixture.write('01-a/cells/02-show.ts', 'a\n');
  };

  it('accepts a lesson whose prose files place every cell once, in order; an English-only lesson too', () => {
    twoCells();
    fixture.write('01-a/en.mdx', prose('A', 1, 'Text.\n\n<Cell id="load" />\n\nMore.\n\n<Cell id="show" />\n'));
    fixture.write('01-a/zh.mdx', prose('甲', 1, '文字。\n\n<Cell id="load" />\n\n<Cell id="show" />\n'));
    fixture.write('02-b/en.mdx', prose('B', 2, 'No cells yet.\n'));
    expect(lessonProblems(fixture.root)).toEqual([]);
  });

  it('names the file and line of a missing, repeated, unknown or misplaced cell', () => {
    twoCells();
    const en = fixture.write('01-a/en.mdx', prose('A', 1, '<Cell id="load" />\n'));
    const zh = fixture.write('01-a/zh.mdx', prose('甲', 1, '<Cell id="show" />\n\n<Cell id="load" />\n\n<Cell id="plot" />\n\n<Cell id="plot" />\n'));
    expect(lessonProblems(fixture.root)).toEqual([
      `${en}: cell "show" (cells/02-show.ts) is not placed: add <Cell id="show" /> where it belongs`,
      `${zh}:12: <Cell id="plot" /> names no file in cells/ (the lesson's cells are load, show)`,
      `${zh}:14: <Cell id="plot" /> names no file in cells/ (the lesson's cells are load, show)`,
    ]);
    fixture.write('01-a/zh.mdx', prose('甲', 1, '<Cell id="show" />\n\n<Cell id="load" />\n\n<Cell id="load" />\n'));
    fixture.write('01-a/en.mdx', prose('A', 1, '<Cell id="show" />\n\n<Cell id="load" />\n'));
    expect(lessonProblems(fixture.root)).toEqual([
      `${en}:8: <Cell id="show" /> comes where cell 1 ("load") should: cells appear in run order (the numbers of their files)`,
      `${zh}: cell "load" is placed 2 times (lines 10, 12); a cell appears once`,
    ]);
  });

  it('refuses a folder number that disagrees with order:, other frontmatter keys in a translation, a lesson without English', () => {
    twoCells();
    const en = fixture.write('01-a/en.mdx', prose('A', 3, '<Cell id="load" />\n\n<Cell id="show" />\n'));
    const zh = fixture.write('01-a/zh.mdx', "---\ntitle: '甲'\nrank: 1\n---\n\n<Cell id=\"load\" />\n\n<Cell id=\"show\" />\n");
    fixture.write('02-b/zh.mdx', prose('乙', 2, ''));
    expect(lessonProblems(fixture.root)).toEqual([
      `${en}: order: 3 disagrees with the folder 01-a: make them the same (the folder number is the lesson's place in the course)`,
      `${zh}: frontmatter has no order: (it must be 1, the folder's number)`,
      `${zh}: frontmatter keys are [title, rank], en.mdx has [title, order, summary, mirrors]`,
      `${join(fixture.root, '02-b')}: a lesson needs its English prose, en.mdx (translations are optional)`,
    ]);
  });

  it('reports a fenced cell left in the prose and a bad cell file instead of crashing', () => {
    fixture.write('01-a/cells/1-load.ts', '1');
    fixture.write('01-a/en.mdx', prose('A', 1, ''));
    fixture.write('02-b/en.mdx', prose('B', 2, '```ts cell id=x\n1\n```\n'));
    const problems = lessonProblems(fixture.root);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('1-load.ts: not a cell file');
    expect(problems[1]).toContain(`${join(fixture.root, '02-b', 'en.mdx')}:8: a cell's code lives in the lesson's cells/ folder`);
  });

  it('reports what a lessons folder or a lesson folder should not hold', () => {
    twoCells();
    fixture.write('01-a/en.mdx', prose('A', 1, '<Cell id="load" />\n\n<Cell id="show" />\n'));
    fixture.write('01-a/index.mdx', 'old layout');
    fixture.write('weight-decay/en.mdx', prose('W', 8, ''));
    expect(lessonProblems(fixture.root)).toEqual([
      `${join(fixture.root, 'weight-decay')}: not a lesson folder — a lesson is a folder named NN-slug (two digits for its place in the course, then its name in lower case, e.g. 08-weight-decay)`,
      `${join(fixture.root, '01-a', 'index.mdx')}: a lesson folder holds only en.mdx, zh.mdx, cells, exercises, references (the English prose is en.mdx)`,
    ]);
  });

  it('accepts the English-only draft fixture lesson', () => {
    expect(lessonProblems('test/fixtures/lessons')).toEqual([]);
  });

  it('finds none in this repository', () => {
    expect(lessonProblems()).toEqual([]);
  });
});
