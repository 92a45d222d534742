import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { htmlToMarkdown, lessonBlocks, notebookFromBlocks, type JupyterNotebook } from '../../src/notebook/ipynb';

/**
 * Validates with the real validator, Debian's python3-nbformat (`.ci/run` installs it).
 * A missing nbformat fails the test: the export must be checked, not assumed.
 */
function nbformatValidate(notebook: JupyterNotebook): { ok: boolean; output: string } {
  const pythons = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => Boolean(p) && (p === 'python3' || existsSync(p!)));
  const script = 'import nbformat,sys; nbformat.validate(nbformat.reads(sys.stdin.read(), as_version=4)); print("valid")';
  let last = '';
  for (const python of pythons) {
    const probe = spawnSync(python, ['-c', 'import nbformat'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      last = `${python}: ${probe.stderr || probe.error?.message}`;
      continue;
    }
    const run = spawnSync(python, ['-c', script], { input: JSON.stringify(notebook), encoding: 'utf8' });
    return { ok: run.status === 0 && run.stdout.trim() === 'valid', output: run.stdout + run.stderr };
  }
  throw new Error(`nbformat is not installed (apt-get install python3-nbformat): ${last}`);
}

// The shape of a built lesson page: title, furniture, prose, cells wrapped by the Markdown pipeline.
const PAGE = `<article class="lesson" data-lesson="01-baseline">
  <h1>Baseline: an ANN</h1>
  <nav class="toc"><ol><li><a href="#one">1. One</a></li></ol></nav>
  <div class="notebook-bar"><button>Run all</button><span data-kernel-status>Nothing has run yet.</span></div>
  <p>An <em>emergency</em> vehicle has to be <strong>recognised</strong>
  quickly. Press <kbd>Shift</kbd>+<kbd>Enter</kbd>; see the <a href="../../data/">data page</a> and <code>train_test_split</code>.</p>
  <h2 id="one">1. Load the data</h2>
  <pre><section class="cell" data-cell="load" data-cell-state="idle"><div class="cell-toolbar"><button>Run</button></div><div data-cell-code><pre><code>const data = await loadDataset();</code></pre></div><div data-cell-output>old output</div></section></pre>
  <ul><li>first <code>a*b</code></li><li>second with <a href="https://example.org/x">a link</a>
    <ol><li>nested</li></ol></li></ul>
  <pre><code class="language-python">model.fit(x, y)</code></pre>
  <pre><section class="cell" data-cell="model"><div data-cell-code><pre><code>const model = 1;</code></pre></div></section></pre>
</article>`;

function lessonNotebook(edits: Record<string, string> = {}) {
  const dom = new JSDOM(PAGE, { url: 'https://course.example/lessons/01-baseline/' });
  const article = dom.window.document.querySelector('article')!;
  const blocks = lessonBlocks(article, (cell) => edits[cell.getAttribute('data-cell')!] ?? cell.querySelector('pre')!.textContent!, dom.window.location.href);
  return { blocks, notebook: notebookFromBlocks(blocks, { title: 'Baseline: an ANN', lesson: '01-baseline', url: dom.window.location.href, exportedAt: new Date('2026-12-01T10:00:00Z') }) };
}

describe('lesson → .ipynb', () => {
  it('turns prose into Markdown and cells into TypeScript code cells, with the reader\'s edits', () => {
    const { notebook } = lessonNotebook({ load: 'const data = await loadDataset({ resolution: 32 });\ndata.count' });
    expect(notebook.metadata.kernelspec).toEqual({ name: 'tslab', display_name: 'TypeScript', language: 'typescript' });
    expect(notebook.cells.map((cell) => cell.cell_type)).toEqual(['markdown', 'markdown', 'code', 'markdown', 'code']);
    const [about, intro, load, middle, model] = notebook.cells;
    expect(about!.source.join('')).toMatch(/^\*Exported from \[Baseline: an ANN\]\(https:\/\/course\.example\/lessons\/01-baseline\/\) on 2026-12-01, with your edits\.\*/);
    expect(intro!.source.join('')).toBe(
      '# Baseline: an ANN\n\n' +
      'An *emergency* vehicle has to be **recognised** quickly. Press <kbd>Shift</kbd>+<kbd>Enter</kbd>; see the [data page](https://course.example/data/) and `train_test_split`.\n\n' +
      '## 1. Load the data',
    );
    expect(load).toMatchObject({ id: 'cell-load', source: ['const data = await loadDataset({ resolution: 32 });\n', 'data.count'], execution_count: null, outputs: [] });
    expect(middle!.source.join('')).toBe('- first `a*b`\n- second with [a link](https://example.org/x)\n  1. nested\n\n```python\nmodel.fit(x, y)\n```');
    expect(model!.source).toEqual(['const model = 1;']);
    // Page furniture stays out: table of contents, toolbar, old output.
    expect(JSON.stringify(notebook)).not.toMatch(/Run all|Nothing has run yet|old output|On this page/);
  });

  it('passes nbformat.validate', () => {
    const result = nbformatValidate(lessonNotebook({ model: 'const model = "edited";' }).notebook);
    expect(result.output.trim()).toBe('valid');
    expect(result.ok).toBe(true);
  });

  it('fails nbformat.validate when a cell is malformed (the check can fail)', () => {
    const { notebook } = lessonNotebook();
    const broken = { ...notebook, cells: notebook.cells.map((cell, i) => (i === 2 ? { ...cell, outputs: undefined } : cell)) };
    expect(nbformatValidate(broken as JupyterNotebook).ok).toBe(false);
  });

  it('keeps cell ids unique and valid whatever the page calls its cells', () => {
    const notebook = notebookFromBlocks(
      [{ kind: 'code', source: 'a', id: 'x y' }, { kind: 'code', source: 'b', id: 'x y' }, { kind: 'markdown', text: '' }, { kind: 'code', source: '' }],
      { title: 'T', lesson: 't', url: 'https://course.example/' },
    );
    const ids = notebook.cells.map((cell) => cell.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(nbformatValidate(notebook).ok).toBe(true);
  });

  it('converts tables and quotes', () => {
    const dom = new JSDOM('<div><blockquote><p>Quoted <em>text</em></p></blockquote><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>x|y</td></tr></table></div>');
    expect(htmlToMarkdown(dom.window.document.querySelector('div')!, 'https://course.example/')).toBe('> Quoted *text*\n\n| a | b |\n| --- | --- |\n| 1 | x\\|y |');
  });
});
