import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonCells, type LessonCell } from '../../src/lessons/cells';
import { lessonFolders, LESSONS_ROOT, proseFileName } from '../../src/lessons/layout';
import { lessonNotebook } from '../../src/lessons/notebookExport';
import { LANGS } from '../../src/i18n';
import { nbformatValidate } from '../notebook/nbformat';

const cells: LessonCell[] = [
  { id: 'load', number: 1, file: 'cells/01-load.ts', source: 'const data = await loadDataset();' },
  { id: 'model', number: 2, file: 'cells/02-model.ts', source: 'const model = 1;\nmodel' },
];
const PROSE = `---
title: 'Baseline'
order: 1
---

import Figure from './figure.astro';

An *emergency* vehicle has to be **recognised** quickly. Press <kbd>Shift</kbd>+<kbd>Enter</kbd>; see the
[data page](../../data/) and \`train_test_split\`.

## 1. Load the data

<Cell id="load" />

- first \`a*b\`
- second with [a link](https://example.org/x)
  1. nested

> Quoted *text*

| a | b |
| --- | --- |
| 1 | x\\|y |

<Figure caption="page only" />

\`\`\`python
model.fit(x, y)
\`\`\`

<Cell id="model" />
`;

describe('a lesson notebook from its prose and cell files', () => {
  const notebook = lessonNotebook({ prose: PROSE, path: '01-baseline/en.mdx', cells, lang: 'en', lesson: '01-baseline', title: 'Baseline', subtitle: 'In the article: Steps 1–6', pageUrl: '/course/lessons/01-baseline/' });
  const text = (index: number) => notebook.cells[index]!.source.join('');

  it('keeps the Markdown as written, with links resolved from the page, and each <Cell> as its file\'s code', () => {
    expect(notebook.cells.map((cell) => cell.cell_type)).toEqual(['markdown', 'markdown', 'code', 'markdown', 'code']);
    expect(text(1)).toBe(
      '# Baseline\n\n*In the article: Steps 1–6*\n\n' +
      'An *emergency* vehicle has to be **recognised** quickly. Press <kbd>Shift</kbd>+<kbd>Enter</kbd>; see the\n[data page](/course/data/) and `train_test_split`.\n\n' +
      '## 1. Load the data',
    );
    expect(notebook.cells[2]).toMatchObject({ id: 'cell-load', metadata: { course: { cell: 'load' } }, source: ['const data = await loadDataset();'] });
    expect(text(3)).toBe('- first `a*b`\n- second with [a link](https://example.org/x)\n  1. nested\n\n> Quoted *text*\n\n| a | b    |\n| - | ---- |\n| 1 | x\\|y |\n\n```python\nmodel.fit(x, y)\n```');
    expect(notebook.cells[4]!.source).toEqual(['const model = 1;\n', 'model']);
    // Imports and page-only components stay out.
    expect(JSON.stringify(notebook)).not.toMatch(/import Figure|page only|<Cell/);
  });

  it('resolves links against the absolute page address when the site is known', () => {
    const absolute = lessonNotebook({ prose: PROSE, path: 'en.mdx', cells, lang: 'en', lesson: 'x', title: 'T', pageUrl: 'https://course.example.edu/course/zh/lessons/01-baseline/' });
    expect(absolute.cells[1]!.source.join('')).toContain('[data page](https://course.example.edu/course/zh/data/)');
  });

  it('is valid for nbformat for every lesson of the course, in every language it is written in', () => {
    const notebooks = lessonFolders().flatMap((id) => LANGS.filter((lang) => existsSync(join(LESSONS_ROOT, id, proseFileName(lang)))).map((lang) => {
      const path = join(LESSONS_ROOT, id, proseFileName(lang));
      const lessonCellsOf = lessonCells(join(LESSONS_ROOT, id));
      const notebook = lessonNotebook({ prose: readFileSync(path, 'utf8'), path, cells: lessonCellsOf, lang, lesson: id, title: id, pageUrl: `/lessons/${id}/` });
      expect(notebook.cells.filter((cell) => cell.cell_type === 'code').map((cell) => cell.source.join('')), `${id} ${lang}`).toEqual(lessonCellsOf.map((cell) => cell.source));
      return notebook;
    }));
    expect(notebooks.length).toBeGreaterThanOrEqual(14);
    expect(nbformatValidate(...notebooks).filter((result) => !result.ok)).toEqual([]);
  });
});
