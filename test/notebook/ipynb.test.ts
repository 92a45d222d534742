import { describe, expect, it } from 'vitest';
import { notebookFromBlocks, withReaderEdits, type JupyterNotebook, type LessonBlock } from '../../src/notebook/ipynb';
import { nbformatValidate } from './nbformat';

const BLOCKS: LessonBlock[] = [
  { kind: 'markdown', text: '# Baseline: an ANN' },
  { kind: 'markdown', text: 'See the [data page](/course/data/) and ![a car](/course/car.png), or [elsewhere](https://example.org/).' },
  { kind: 'code', source: 'const data = await loadDataset();', id: 'load' },
  { kind: 'markdown', text: '## 2. Model' },
  { kind: 'code', source: 'const model = 1;\nmodel', id: 'model' },
];
const template = notebookFromBlocks(BLOCKS, { title: 'Baseline: an ANN', lesson: '01-baseline', url: '/course/lessons/01-baseline/', lang: 'en' });

describe('a lesson notebook', () => {
  it('has a first cell on where it came from, Markdown between cells, and TypeScript code cells that know their lesson cell', () => {
    expect(template.metadata.kernelspec).toEqual({ name: 'tslab', display_name: 'TypeScript', language: 'typescript' });
    expect(template.cells.map((cell) => cell.cell_type)).toEqual(['markdown', 'markdown', 'code', 'markdown', 'code']);
    const [about, intro, load, , model] = template.cells;
    expect(about!.source.join('')).toMatch(/^\*Made from \[Baseline: an ANN\]\(\/course\/lessons\/01-baseline\/\)\.\* The code cells are TypeScript \(kernel: tslab\)/);
    expect(intro!.source.join('')).toBe('# Baseline: an ANN\n\nSee the [data page](/course/data/) and ![a car](/course/car.png), or [elsewhere](https://example.org/).');
    expect(load).toMatchObject({ id: 'cell-load', metadata: { course: { cell: 'load' } }, source: ['const data = await loadDataset();'], execution_count: null, outputs: [] });
    expect(model!.source).toEqual(['const model = 1;\n', 'model']);
    // The build's copy has no date: an unchanged lesson builds to the same file.
    expect(JSON.stringify(template)).not.toMatch(/\d{4}-\d\d-\d\d/);
  });

  it("puts the reader's edits in their cells, dates the export, and points the build's path links at the page's origin", () => {
    const exported = withReaderEdits(template, {
      sources: { load: 'const data = await loadDataset({ resolution: 32 });\ndata.count', unknown: 'ignored' },
      url: 'https://course.example/course/lessons/01-baseline/',
      origin: 'https://course.example',
      exportedAt: new Date('2026-12-01T10:00:00Z'),
    });
    const [about, intro, load, , model] = exported.cells;
    expect(about!.source.join('')).toMatch(/^\*Exported from \[Baseline: an ANN\]\(https:\/\/course\.example\/course\/lessons\/01-baseline\/\) on 2026-12-01, with your edits\.\*/);
    expect(intro!.source.join('')).toBe('# Baseline: an ANN\n\nSee the [data page](https://course.example/course/data/) and ![a car](https://course.example/course/car.png), or [elsewhere](https://example.org/).');
    expect(load!.source).toEqual(['const data = await loadDataset({ resolution: 32 });\n', 'data.count']);
    expect(model!.source).toEqual(['const model = 1;\n', 'model']);
    expect(exported.metadata.course).toMatchObject({ lesson: '01-baseline', url: 'https://course.example/course/lessons/01-baseline/', exported: '2026-12-01' });
    // The template is not changed.
    expect(template.cells[2]!.source).toEqual(['const data = await loadDataset();']);
  });

  it("puts the reader's scratch cells after the lesson cell they follow, in order, as code cells that say they are scratch", () => {
    const exported = withReaderEdits(template, {
      sources: {},
      scratch: [{ id: 'scratch-2', after: 'load', source: 'data.count' }, { id: 'scratch-1', after: 'load', source: 'epochs\n' }, { id: 'scratch-3', after: 'model', source: '' }],
      url: 'https://x/',
      origin: 'https://x',
    });
    expect(exported.cells.map((cell) => cell.id)).toEqual(['about', 'md-1', 'cell-load', 'scratch-2', 'scratch-1', 'md-2', 'cell-model', 'scratch-3']);
    expect(exported.cells[3]).toEqual({ id: 'scratch-2', cell_type: 'code', metadata: { course: { scratch: true } }, source: ['data.count'], execution_count: null, outputs: [] });
    expect(exported.cells[4]!.source).toEqual(['epochs\n']);
    expect(nbformatValidate(exported).map((result) => result.ok)).toEqual([true]);
  });

  it('writes the first cell in the lesson\'s language', () => {
    const chinese = notebookFromBlocks(BLOCKS, { title: '基线', lesson: '01-baseline', url: '/zh/lessons/01-baseline/', lang: 'zh' });
    expect(chinese.cells[0]!.source.join('')).toMatch(/^\*生成自\[基线\]\(\/zh\/lessons\/01-baseline\/\)。\* 代码单元格是 TypeScript/);
    expect(withReaderEdits(chinese, { sources: {}, url: 'https://x/zh/', origin: 'https://x', exportedAt: new Date('2026-12-01T10:00:00Z') }).cells[0]!.source.join('')).toMatch(/^\*导出自\[基线\]\(https:\/\/x\/zh\/\)，2026-12-01，包含你的修改。\*/);
  });

  it('passes nbformat.validate, before and after the edits; a malformed cell does not (the check can fail)', () => {
    const exported = withReaderEdits(template, { sources: { model: 'const model = "edited";' }, url: 'https://x/', origin: 'https://x' });
    const broken = { ...template, cells: template.cells.map((cell, i) => (i === 2 ? { ...cell, outputs: undefined } : cell)) };
    expect(nbformatValidate(template, exported, broken as JupyterNotebook).map((result) => result.ok)).toEqual([true, true, false]);
  });

  it('keeps cell ids unique and valid whatever the lesson calls its cells', () => {
    const notebook = notebookFromBlocks(
      [{ kind: 'code', source: 'a', id: 'x y' }, { kind: 'code', source: 'b', id: 'x y' }, { kind: 'markdown', text: '' }, { kind: 'code', source: '' }, { kind: 'code', source: 'c', id: 'about' }],
      { title: 'T', lesson: 't', url: 'https://course.example/' },
    );
    const ids = notebook.cells.map((cell) => cell.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(nbformatValidate(notebook)[0]!.ok).toBe(true);
  });
});
