import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchPage } from '../../scripts/lib/chromium';
import { cell, meterTensors, output, pressRun, runCode, typeInto, useBrowser, waitForState, waitForNotebook, reloadNotebook } from './helpers';
import { lessonFolders } from '../../src/lessons/layout';

// Issue 6, "cells that cannot hurt the reader": runaway code, errors, memory, export, safety.
const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const dist = resolve(process.env.E2E_DIST ?? 'dist');
const browser = useBrowser();

async function openLesson(path: string): Promise<Page> {
  const page = await browser().newPage();
  await page.goto(`${siteUrl}lessons/${path}`);
  await waitForNotebook(page);
  return page;
}

/** In-page milliseconds from a click on the cell's Stop button to the cell leaving "running". */
async function timeStop(page: Page, id: string): Promise<number> {
  await page.evaluate((id) => {
    const root = document.querySelector(`[data-cell="${id}"]`)!;
    const record = window as unknown as { stopClickedAt?: number; stoppedAt?: number };
    root.querySelector('[data-cell-stop]')!.addEventListener('click', () => { record.stopClickedAt = performance.now(); }, { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (root.getAttribute('data-cell-state') !== 'running') { record.stoppedAt = performance.now(); observer.disconnect(); }
    }).observe(root, { attributes: true, attributeFilter: ['data-cell-state'] });
  }, id);
  await cell(page, id).getByRole('button', { name: 'Stop', exact: true }).click();
  await waitForState(page, id, ['done', 'error'], 10_000);
  return page.evaluate(() => {
    const record = window as unknown as { stopClickedAt: number; stoppedAt: number };
    return record.stoppedAt - record.stopClickedAt;
  });
}

/** How long the page takes to answer (its main thread is free). */
async function responseTime(page: Page): Promise<number> {
  const started = Date.now();
  await page.evaluate(() => document.querySelectorAll('[data-cell]').length);
  return Date.now() - started;
}

describe('runaway code', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('keeps the page responsive during `while (true) {}` and Stop ends it within a second', async () => {
    await typeInto(page, 'load', 'let spins = 0;\nwhile (true) { spins++; }');
    await cell(page, 'load').getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[data-cell="load"]')?.getAttribute('data-cell-state') === 'running');
    await page.waitForTimeout(1500);
    expect(await cell(page, 'load').getAttribute('data-cell-state')).toBe('running');
    expect(await responseTime(page)).toBeLessThan(1000);
    // The reader can still scroll and type elsewhere while it loops.
    await typeInto(page, 'model', 'const answer = 6 * 7;\nanswer');
    const elapsed = await timeStop(page, 'load');
    expect(elapsed).toBeLessThan(1000);
    expect(await cell(page, 'load').getAttribute('data-cell-state')).toBe('error');
    await expect(cell(page, 'load').locator('.cell-status').textContent()).resolves.toBe('error');
    const text = await output(page, 'load').textContent();
    expect(text).toMatch(/^interrupted: the cell was stopped/);
    expect(text).toContain('line 2');
    expect(text).toContain('while (true) { spins++; }');
    // Other cells still run.
    expect(await pressRun(page, 'model')).toBe('done');
    await expect(output(page, 'model').textContent()).resolves.toBe('42');
  });

  it('Stop ends `for (;;) {}` too', async () => {
    await typeInto(page, 'split', 'for (;;) {}');
    await cell(page, 'split').getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForTimeout(1000);
    expect(await responseTime(page)).toBeLessThan(1000);
    expect(await timeStop(page, 'split')).toBeLessThan(1000);
    await expect(output(page, 'split').textContent()).resolves.toMatch(/^interrupted: the cell was stopped/);
  });

  it('ends an endless loop in a synchronous function by itself after 5 s, and says why', async () => {
    const started = Date.now();
    expect(await runCode(page, 'compile', 'function spin() {\n  for (;;) {}\n}\nspin();', 30_000)).toBe('error');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(4500);
    expect(elapsed).toBeLessThan(15_000);
    const text = await output(page, 'compile').textContent();
    expect(text).toContain('interrupted: the cell ran for 5 s without yielding to the page (an endless loop?)');
    expect(text).toContain('line 2');
    expect(await responseTime(page)).toBeLessThan(1000);
    expect(await runCode(page, 'model', '"still alive"')).toBe('done');
    await expect(output(page, 'model').textContent()).resolves.toBe('still alive');
  });

  it('lets a legitimate synchronous loop of 1.5 s finish', async () => {
    expect(await runCode(page, 'compile', 'function busy(ms: number) {\n  const end = Date.now() + ms;\n  let n = 0;\n  while (Date.now() < end) n++;\n  return n > 0;\n}\nbusy(1500)')).toBe('done');
    await expect(output(page, 'compile').textContent()).resolves.toBe('true');
  });

  it('ends a runaway recursion with an error that says so', async () => {
    expect(await runCode(page, 'compile', 'function down(n: number): number {\n  return down(n + 1);\n}\ndown(0)')).toBe('error');
    const text = await output(page, 'compile').textContent();
    expect(text).toContain('Maximum call stack size exceeded: a function kept calling itself (runaway recursion?)');
    expect(text).toContain('line 1');
    expect(await runCode(page, 'model', '1 + 2')).toBe('done');
  });
});

describe('errors a beginner can act on', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('says which cell defines a name that has not run yet', async () => {
    expect(await pressRun(page, 'split')).toBe('error');
    await expect(output(page, 'split').textContent()).resolves.toMatch(/`data` is defined in cell 1, which has not run yet: run it first \(or use Run all\)/);
  });

  it('shows a syntax error with the cell line, column and the offending line', async () => {
    expect(await runCode(page, 'model', 'const a: number = 1;\nconst b = a +;')).toBe('error');
    const box = output(page, 'model').locator('.nb-error');
    await expect(box.locator('.nb-error-message').textContent()).resolves.toMatch(/^SyntaxError: Unexpected token/);
    await expect(box.locator('.nb-error-location').textContent()).resolves.toBe('line 2, column 14');
    await expect(box.textContent()).resolves.toContain('const b = a +;');
  });

  it('shows a TypeScript transpile error the same way', async () => {
    expect(await runCode(page, 'model', 'const ok = 1;\nlet rate: = 0.1;')).toBe('error');
    const box = output(page, 'model').locator('.nb-error');
    await expect(box.locator('.nb-error-location').textContent()).resolves.toMatch(/^line 2, column \d+$/);
    await expect(box.textContent()).resolves.toContain('let rate: = 0.1;');
  });

  it('shows a runtime error inside a loop with the cell line and column (guards do not shift them)', async () => {
    expect(await runCode(page, 'model', 'const items: any[] = [1, null];\nfor (const item of items) { const size = item.toFixed(1); }')).toBe('error');
    const box = output(page, 'model').locator('.nb-error');
    await expect(box.locator('.nb-error-message').textContent()).resolves.toMatch(/Cannot read properties of null \(reading 'toFixed'\)/);
    const column = 'for (const item of items) { const size = item.toFixed(1); }'.indexOf('toFixed') + 1;
    await expect(box.locator('.nb-error-location').textContent()).resolves.toBe(`line 2, column ${column}`);
  });
});

describe('memory', () => {
  let page: Page;
  let watch: ReturnType<typeof watchPage>;
  beforeAll(async () => {
    page = await openLesson('01-baseline/?maxEpochs=1');
    watch = watchPage(page, origin);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows no meter before anything ran, then tensors and MB', async () => {
    expect(await page.locator('[data-memory-meter]').isVisible()).toBe(false);
    expect(await runCode(page, 'load', "import * as tf from '@tensorflow/tfjs';\nconst data = await loadDataset({ resolution: 32 });\nconst small = data.subset(Array.from({ length: 64 }, (_, i) => i * 15));\nsmall.count")).toBe('done');
    await expect(output(page, 'load').textContent()).resolves.toContain('64');
    await page.waitForFunction(() => /^Memory: \d+ tensors? · \d+\.\d MB$/.test(document.querySelector('[data-memory-meter]')?.textContent ?? ''));
    expect(await page.locator('[data-memory-meter]').isVisible()).toBe(true);
  });

  it('leaves the tensor count flat when a training cell reruns 20 times (model and Adam freed)', async () => {
    const training = [
      'const model = tf.sequential({ layers: [',
      '  tf.layers.dense({ inputShape: [small.featureCount], units: 8, activation: "relu" }),',
      '  tf.layers.dense({ units: 1, activation: "sigmoid" }),',
      '] });',
      'model.compile({ optimizer: tf.train.adam(0.001), loss: "binaryCrossentropy", metrics: ["accuracy"] });',
      'const history = await fit(model, small, { epochs: 1, batchSize: 16 });',
      'history.epochs.length',
    ].join('\n');
    expect(await runCode(page, 'model', training)).toBe('done');
    await expect(output(page, 'model').locator('[data-training-status]').textContent()).resolves.toMatch(/^Finished: 1 epoch/);
    const counts: number[] = [];
    for (let run = 0; run < 20; run++) {
      if (run > 0) {
        expect(await pressRun(page, 'model')).toBe('done');
      }
      await page.waitForTimeout(100);
      counts.push(await meterTensors(page));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts)).toEqual(new Set([counts[0]]));
  });

  it('frees the Adam optimizer that a rerun of the compile cell replaces', async () => {
    const compileAndTrain = 'model.compile({ optimizer: tf.train.adam(0.01), loss: "binaryCrossentropy" });\nawait fit(model, small, { epochs: 1, batchSize: 16 });\n"trained"';
    expect(await runCode(page, 'compile', compileAndTrain)).toBe('done');
    await page.waitForTimeout(100);
    const first = await meterTensors(page);
    for (let run = 0; run < 5; run++) {
      expect(await pressRun(page, 'compile')).toBe('done');
    }
    await page.waitForTimeout(100);
    expect(await meterTensors(page)).toBe(first);
  });

  it('updates the meter while a cell runs', async () => {
    const before = await meterTensors(page);
    await typeInto(page, 'split', 'const kept: any[] = [];\nfor (let i = 0; i < 30; i++) { kept.push(tf.zeros([1000])); await new Promise((r) => setTimeout(r, 100)); }\nkept.forEach((t) => t.dispose());');
    await cell(page, 'split').getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction((before) => {
      const state = document.querySelector('[data-cell="split"]')?.getAttribute('data-cell-state');
      const tensors = Number(/(\d+) tensors/.exec(document.querySelector('[data-memory-meter]')?.textContent ?? '')?.[1]);
      return state === 'running' && tensors >= before + 5;
    }, before, { timeout: 10_000, polling: 100 });
    expect(await waitForState(page, 'split', ['done', 'error'])).toBe('done');
    await page.waitForTimeout(100);
    expect(await meterTensors(page)).toBe(before);
  });

  it('reports an allocation too large for the browser as out of memory, and the page recovers', async () => {
    expect(await runCode(page, 'evaluate', 'const huge = tf.zeros([100000, 224 * 224 * 3]);\nhuge.shape')).toBe('error');
    const text = await output(page, 'evaluate').textContent();
    expect(text).toMatch(/^Out of memory: tf\.zeros\(\[100000, 150528\]\) needs 60\.2 GB \(15,052,800,000 float32 values\), and the browser gave less \(.+\)\. Try a smaller tensor, batch or image size\./);
    expect(text).toContain('line 1');
    expect(await runCode(page, 'evaluate', 'tf.ones([2, 2]).sum().dataSync()[0]')).toBe('done');
    await expect(output(page, 'evaluate').textContent()).resolves.toBe('4');
    // The model trained before still predicts.
    expect(await runCode(page, 'evaluate-train', 'const p = model.predict(tf.zeros([1, small.featureCount])) as any;\nconst value = p.dataSync()[0];\np.dispose();\nvalue >= 0 && value <= 1')).toBe('done');
    await expect(output(page, 'evaluate-train').textContent()).resolves.toBe('true');
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('edits survive: export as .ipynb', () => {
  it('downloads the lesson with the reader\'s edits as a valid Jupyter notebook', async () => {
    const page = await openLesson('01-baseline/');
    await typeInto(page, 'split', 'const { train, validation } = trainTestSplit(data, { testSize: 0.25, randomState: 2026 });');
    await page.waitForTimeout(300);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .ipynb' }).click()]);
    expect(download.suggestedFilename()).toBe('01-baseline.ipynb');
    const text = readFileSync((await download.path())!, 'utf8');
    const notebook = JSON.parse(text) as { nbformat: number; metadata: { kernelspec: { name: string; language: string } }; cells: Array<{ cell_type: string; source: string[] }> };
    expect(notebook.nbformat).toBe(4);
    expect(notebook.metadata.kernelspec).toMatchObject({ name: 'tslab', language: 'typescript' });
    const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    expect(code).toHaveLength(8);
    expect(code[1]).toBe('const { train, validation } = trainTestSplit(data, { testSize: 0.25, randomState: 2026 });');
    expect(code[2]).toContain("tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: seeded(3) })");
    const markdown = notebook.cells.filter((c) => c.cell_type === 'markdown').map((c) => c.source.join('')).join('\n\n');
    expect(markdown).toContain('# Baseline: an ANN for emergency vehicles');
    expect(markdown).toContain('## 1. Load the data');
    expect(markdown).toContain('Every grey box below is a **code cell**.');
    expect(markdown).not.toMatch(/Nothing has run yet|Reset all edits|On this page|Export .ipynb/);
    // Made by the build from the lesson's Markdown: its links lead back to the course.
    expect(markdown).toContain(`[data page](${siteUrl}data/)`);
    expect(markdown).toMatch(/^\*Exported from \[Baseline: an ANN for emergency vehicles\]\(http:\/\/127\.0\.0\.1:\d+\/lessons\/01-baseline\/\) on \d{4}-\d\d-\d\d, with your edits\.\*/);
    const validated = spawnSync('/usr/bin/python3', ['-c', 'import nbformat,sys; nbformat.validate(nbformat.reads(sys.stdin.read(), as_version=4)); print("valid")'], { input: text, encoding: 'utf8' });
    expect(validated.stdout.trim() + validated.stderr).toBe('valid');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe('edits survive: export as .ipynb from a Chinese page', () => {
  it('downloads the Chinese prose with the same cells and the reader\'s edit', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}zh/lessons/03-dropout/`);
    await waitForNotebook(page);
    await typeInto(page, 'load', 'const data = await loadDataset({ resolution: 32 });');
    await page.waitForTimeout(300);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 .ipynb' }).click()]);
    expect(download.suggestedFilename()).toBe('03-dropout.ipynb');
    const notebook = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { metadata: { course: { lang: string } }; cells: Array<{ cell_type: string; source: string[] }> };
    expect(notebook.metadata.course.lang).toBe('zh');
    expect(notebook.cells[0]!.source.join('')).toMatch(/^\*导出自\[丢弃法：/);
    expect(notebook.cells[1]!.source.join('')).toMatch(/^# 丢弃法：每个批次训练一个不同的网络/);
    const code = notebook.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
    expect(code[0]).toBe('const data = await loadDataset({ resolution: 32 });');
    expect(code[1]).toBe(readFileSync('content/lessons/03-dropout/cells/02-model.ts', 'utf8').replace(/\n$/, ''));
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });
});

describe('safety: nothing runs without the reader', () => {
  it('opening any lesson page runs no cell and does not load TensorFlow.js, even with saved edits', async () => {
    const page = await browser().newPage();
    for (const lesson of lessonFolders()) {
      await page.goto(`${siteUrl}lessons/${lesson}/`);
      const firstCell = await page.locator('[data-cell]').first().getAttribute('data-cell');
      // A saved edit that would show itself if it ran.
      await page.evaluate(({ lesson, id }) => localStorage.setItem(`course-edits:v1:${lesson}`, JSON.stringify({ [id!]: { source: 'document.title = "a cell ran"; display("ran")', originalHash: 'ffffffff', savedAt: 0 } })), { lesson, id: firstCell });
      await reloadNotebook(page);
      await page.waitForTimeout(1000);
      const states = await page.locator('[data-cell]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-cell-state')));
      expect(states.length, lesson).toBeGreaterThan(0);
      expect(new Set(states), lesson).toEqual(new Set(['idle']));
      expect(await page.locator('[data-cell-output]:not(:empty)').count(), lesson).toBe(0);
      expect(await page.title(), lesson).not.toContain('a cell ran');
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      expect(loaded.filter((url) => /tfBackend|runtime|library|\.wasm/.test(url)), lesson).toEqual([]);
      await page.evaluate(() => localStorage.clear());
    }
    await page.close();
  });

  it('every built page carries a Content-Security-Policy that allows only the site\'s own origin', () => {
    const pages: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.html')) pages.push(join(dir, entry.name));
      }
    };
    walk(dist);
    expect(pages.length).toBeGreaterThanOrEqual(9); // index, data page, seven lessons at least
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
      expect(policy, file).toBeDefined();
      expect(policy, file).toMatch(/^default-src 'self'/);
      expect(policy, file).not.toMatch(/https?:|\*/);
    }
  });
});
