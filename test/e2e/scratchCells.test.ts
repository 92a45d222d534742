import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cell, output, pressRun, runAll, runCode, typeInto, useBrowser, waitForState, waitForNotebook, reloadNotebook } from './helpers';

// Issue 15, "working like a notebook": scratch cells, and stale marks after an edit.
const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function openLesson(page: Page, path = 'lessons/01-baseline/'): Promise<void> {
  await page.goto(`${siteUrl}${path}`);
  await waitForNotebook(page);
}

/** Presses "+ Scratch cell" after lesson cell `id` and waits for the new cell's editor to take the caret. */
async function addScratchAfter(page: Page, id: string): Promise<void> {
  const before = await page.locator('[data-scratch]').count();
  await page.locator(`[data-scratch-add="${id}"]`).getByRole('button', { name: '+ Scratch cell', exact: true }).click();
  await page.locator('[data-scratch] .cm-editor.cm-focused').waitFor();
  expect(await page.locator('[data-scratch]').count()).toBe(before + 1);
}
const editorText = (page: Page, id: string) => cell(page, id).locator('.cm-content').textContent();
/** The ids of the page's cells, in the order they are on the page. */
const pageOrder = (page: Page) => page.locator('[data-cell]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-cell')));

describe('a scratch cell', () => {
  it('opens after cell 2, runs in the same scope, comes back after a reload, is exported there, and its delete can be undone', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    try {
      await openLesson(page);
      expect(await runCode(page, 'load', 'let epochs = 12;')).toBe('done');
      await addScratchAfter(page, 'split');
      const scratch = cell(page, 'scratch-1');
      expect(await scratch.locator('.cell-label').textContent()).toBe('[scratch 1]');
      expect(await scratch.getAttribute('data-cell-state')).toBe('idle');
      expect((await pageOrder(page)).slice(0, 4)).toEqual(['load', 'split', 'scratch-1', 'model']);
      // The new cell's editor has the caret (addScratchAfter waits for it): the reader types at once.
      await page.keyboard.insertText('epochs * 2');
      expect(await pressRun(page, 'scratch-1')).toBe('done');
      expect(await output(page, 'scratch-1').textContent()).toBe('24');

      await reloadNotebook(page);
      expect((await pageOrder(page)).slice(0, 4)).toEqual(['load', 'split', 'scratch-1', 'model']);
      expect(await cell(page, 'scratch-1').locator('[data-cell-code]').textContent()).toBe('epochs * 2');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export .ipynb' }).click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      const notebook = JSON.parse(text) as { cells: Array<{ id: string; cell_type: string; source: string[]; metadata: { course?: { cell?: string; scratch?: boolean } } }> };
      const code = notebook.cells.filter((c) => c.cell_type === 'code');
      expect(code.map((c) => c.metadata.course?.cell ?? c.id).slice(0, 4)).toEqual(['load', 'split', 'scratch-1', 'model']);
      expect(code[2]).toMatchObject({ source: ['epochs * 2'], metadata: { course: { scratch: true } } });
      const validated = spawnSync('/usr/bin/python3', ['-c', 'import nbformat,sys; nbformat.validate(nbformat.reads(sys.stdin.read(), as_version=4)); print("valid")'], { input: text, encoding: 'utf8' });
      expect(validated.stdout.trim() + validated.stderr).toBe('valid');

      await cell(page, 'scratch-1').getByRole('button', { name: 'Delete', exact: true }).click();
      expect(await cell(page, 'scratch-1').count()).toBe(0);
      const notice = page.locator('[data-scratch-deleted="scratch-1"]');
      expect(await notice.locator('p').textContent()).toBe('Scratch cell 1 is deleted, with its code (1 line, starting "epochs * 2"); it is gone unless you undo.');
      await notice.getByRole('button', { name: 'Undo', exact: true }).click();
      expect((await pageOrder(page)).slice(0, 4)).toEqual(['load', 'split', 'scratch-1', 'model']);
      await reloadNotebook(page);
      expect(await cell(page, 'scratch-1').locator('[data-cell-code]').textContent()).toBe('epochs * 2');

      // Deleted and not undone: gone after a reload too.
      await cell(page, 'scratch-1').getByRole('button', { name: 'Delete', exact: true }).click();
      await reloadNotebook(page);
      expect(await page.locator('[data-scratch]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('is run by Run all at its place, and the type check sees it between the cells around it', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    try {
      await openLesson(page);
      const lesson = ['load', 'split', 'model', 'compile', 'train', 'evaluate-train', 'evaluate', 'overfitting'];
      await typeInto(page, 'load', "const order = ['load'];");
      for (const id of lesson.slice(1, -1)) await typeInto(page, id, `order.push('${id}');`);
      await typeInto(page, 'overfitting', "order.push('overfitting');\norder.join(' → ')");
      await addScratchAfter(page, 'split');
      await page.keyboard.insertText("order.push('scratch');");
      const states = await runAll(page);
      expect(states['scratch-1']).toBe('done');
      expect(await output(page, 'overfitting').textContent()).toContain('load → split → scratch → model → compile → train → evaluate-train → evaluate → overfitting');

      // The scratch cell sees what cell 1 declares, not what a later cell does.
      await typeInto(page, 'scratch-1', 'order.length');
      await page.waitForFunction(() => document.querySelector('[data-cell="scratch-1"]')?.getAttribute('data-type-errors') === '0', undefined, { timeout: 60_000 });
      await typeInto(page, 'compile', "order.push('compile');\nconst laterName = 1;");
      await typeInto(page, 'scratch-1', 'laterName + 1');
      await page.waitForFunction(() => Number(document.querySelector('[data-cell="scratch-1"]')?.getAttribute('data-type-errors')) > 0, undefined, { timeout: 60_000 });
      await cell(page, 'scratch-1').locator('.cm-lintRange-error').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('another tab shows the cell, its code and its delete; a cell edited there is kept until the reader chooses', async () => {
    const context = await browser().newContext();
    const [first, second] = [await context.newPage(), await context.newPage()];
    try {
      await openLesson(first);
      await openLesson(second);
      await addScratchAfter(first, 'model');
      await first.keyboard.insertText('const mine = 1;');
      await cell(second, 'scratch-1').waitFor();
      expect((await pageOrder(second)).slice(2, 4)).toEqual(['model', 'scratch-1']);
      await expect.poll(() => cell(second, 'scratch-1').locator('[data-cell-code]').textContent(), { timeout: 15_000 }).toContain('const mine = 1;');
      // Untouched in the second tab: deleted in the first, it goes there too.
      await cell(first, 'scratch-1').getByRole('button', { name: 'Delete', exact: true }).click();
      await expect.poll(() => cell(second, 'scratch-1').count(), { timeout: 15_000 }).toBe(0);
      await first.locator('[data-scratch-deleted="scratch-1"]').getByRole('button', { name: 'Undo', exact: true }).click();
      await cell(second, 'scratch-1').waitFor();
      // Edited in the second tab, then deleted in the first: the second asks.
      await typeInto(second, 'scratch-1', 'const theirs = 2;');
      await cell(first, 'scratch-1').locator('[data-cell-notice="other-tab"]').waitFor();
      await cell(first, 'scratch-1').getByRole('button', { name: 'Delete', exact: true }).click();
      const notice = cell(second, 'scratch-1').locator('[data-cell-notice="other-tab"]');
      expect(await notice.locator('p').textContent()).toBe('This scratch cell was deleted in another tab of this lesson. It stays here until you choose.');
      await notice.getByRole('button', { name: 'Keep mine', exact: true }).click();
      // Kept: back in the first tab (its Undo is moot), with the second tab's code, and after a reload.
      await expect.poll(() => cell(first, 'scratch-1').locator('[data-cell-code]').textContent(), { timeout: 15_000 }).toContain('const theirs = 2;');
      expect(await first.locator('[data-scratch-deleted]').count()).toBe(0);
      await reloadNotebook(first);
      expect(await cell(first, 'scratch-1').locator('[data-cell-code]').textContent()).toBe('const theirs = 2;');
    } finally {
      await context.close();
    }
  });

  it('speaks Chinese on a Chinese lesson', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    try {
      await openLesson(page, 'zh/lessons/01-baseline/');
      await page.locator('[data-scratch-add="split"]').getByRole('button', { name: '+ 草稿单元格', exact: true }).click();
      expect(await cell(page, 'scratch-1').locator('.cell-label').textContent()).toBe('[草稿 1]');
      await cell(page, 'scratch-1').getByRole('button', { name: '删除', exact: true }).click();
      expect(await page.locator('[data-scratch-deleted="scratch-1"] p').textContent()).toBe('草稿单元格 1（空的）已删除。');
    } finally {
      await context.close();
    }
  });
});

describe('stale marks after an edit', () => {
  it('editing cell 1 marks a later cell that used its name, not an independent one, until that cell runs again', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    try {
      await openLesson(page);
      expect(await runCode(page, 'load', 'let epochs = 10;')).toBe('done');
      expect(await runCode(page, 'split', 'epochs * 2')).toBe('done');
      expect(await runCode(page, 'model', 'const unrelated = 1;')).toBe('done');
      await typeInto(page, 'load', 'let epochs = 20;');
      await page.waitForFunction(() => document.querySelector('[data-cell="split"]')?.getAttribute('data-stale') === 'true', undefined, { timeout: 10_000 });
      expect(await cell(page, 'split').locator('[data-cell-stale]').textContent()).toBe('stale: cell 1, which defines `epochs`, was edited since this ran');
      expect(await cell(page, 'model').getAttribute('data-stale')).toBeNull();
      expect(await cell(page, 'load').getAttribute('data-cell-state')).toBe('done');
      expect(await pressRun(page, 'split')).toBe('done');
      expect(await cell(page, 'split').getAttribute('data-stale')).toBeNull();
      expect(await cell(page, 'split').locator('[data-cell-stale]').isVisible()).toBe(false);
      // Typing the code that ran back into cell 1 takes its mark away.
      expect(await runCode(page, 'load', 'let epochs = 10;')).toBe('done');
      expect(await pressRun(page, 'split')).toBe('done');
      await typeInto(page, 'load', 'let epochs = 30;');
      await page.waitForFunction(() => document.querySelector('[data-cell="split"]')?.getAttribute('data-stale') === 'true', undefined, { timeout: 10_000 });
      await typeInto(page, 'load', 'let epochs = 10;');
      await page.waitForFunction(() => document.querySelector('[data-cell="split"]')?.getAttribute('data-stale') === null, undefined, { timeout: 10_000 });
      expect(await editorText(page, 'load')).toBe('let epochs = 10;');
      await waitForState(page, 'split', ['done']);
    } finally {
      await context.close();
    }
  });
});
