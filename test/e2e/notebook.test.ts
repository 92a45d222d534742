import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { acceptCompletion, cell, output, pressRun, runCode, typeInto, useBrowser, waitForState, waitForNotebook, reloadNotebook } from './helpers';

// Issue 15: one notebook scope, the editor's help, and working like a notebook.
const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function openLesson(path: string): Promise<Page> {
  const page = await browser().newPage();
  await page.goto(`${siteUrl}lessons/${path}`);
  await waitForNotebook(page);
  return page;
}

describe('one notebook scope', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('a closure reads the live binding: [epochs, show()] prints [50, 50]', async () => {
    expect(await runCode(page, 'load', 'let epochs = 10;\nfunction show() { return epochs }')).toBe('done');
    expect(await runCode(page, 'split', 'epochs = 50')).toBe('done');
    expect(await runCode(page, 'model', '[epochs, show()]')).toBe('done');
    await expect.poll(() => output(page, 'model').textContent()).toMatch(/\[\s*50,\s*50\s*\]/);
  });
});

describe('the editor helps like an IDE', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });

  const editor = (id: string) => cell(page, id).locator('.cm-content');
  const source = (id: string) => editor(id).evaluate((element) => (element as HTMLElement & { cmView?: unknown }).innerText);

  it('loads no language service before an editor is focused, then checks the page as one program', async () => {
    await cell(page, 'split').locator('[data-cell-code]').hover();
    await editor('split').waitFor();
    expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /languageWorker|cell-types/.test(e.name)).length)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.typeCheck)).toBeUndefined();
    await editor('split').focus();
    await page.waitForFunction(() => document.documentElement.dataset.typeCheck === 'ready', undefined, { timeout: 60_000 });
    // The lesson's own cells have no type error.
    expect(await page.locator('[data-cell][data-type-errors]:not([data-type-errors="0"])').count()).toBe(0);
  });

  it('completes tf.layers.dense({ un to units, from the type of the options object', async () => {
    await typeInto(page, 'model', 'const layer = tf.layers.dense({ un');
    await acceptCompletion(page, /^units/);
    await expect.poll(() => source('model'), { timeout: 10_000 }).toMatch(/tf\.layers\.dense\(\{ units\s*$/);
  });

  it('shows the parameters of a call being typed, with the one being typed in bold', async () => {
    await typeInto(page, 'model', 'plotHistory(');
    const hint = page.locator('.cm-signature-hint');
    await hint.waitFor({ timeout: 30_000 });
    expect(await hint.locator('.cm-type-signature').textContent()).toMatch(/^plotHistory\(history: History, options\?: /);
    expect(await hint.locator('strong').textContent()).toBe('history: History');
  });

  it('shows the type and doc of a name on hover', async () => {
    await typeInto(page, 'model', 'const data2 = await loadDataset({ resolution: 32 });');
    await editor('model').locator('text=loadDataset').hover();
    const hover = page.locator('.cm-type-hover');
    await hover.waitFor({ timeout: 30_000 });
    expect(await hover.locator('.cm-type-signature').textContent()).toMatch(/^function loadDataset\(options\?: \{[\s\S]*resolution\?: number;?[\s\S]*\}\): Promise<ImageSet>$/);
    expect(await hover.textContent()).toMatch(/active dataset/i);
  });

  it('underlines a type error before anything runs, and the squiggle goes when it is fixed', async () => {
    await typeInto(page, 'model', "const layer = tf.layers.dense({ units: '10' });");
    const squiggle = editor('model').locator('.cm-lintRange-error');
    await squiggle.first().waitFor({ timeout: 30_000 });
    expect(await squiggle.first().textContent()).toBe('units');
    expect(await cell(page, 'model').getAttribute('data-type-errors')).toBe('1');
    await typeInto(page, 'model', 'const layer = tf.layers.dense({ units: 10 });');
    await expect.poll(() => cell(page, 'model').getAttribute('data-type-errors'), { timeout: 30_000 }).toBe('0');
    expect(await squiggle.count()).toBe(0);
  });

  it('marks a later cell that an edit broke: the cells are one program', async () => {
    // The split cell no longer defines `train`: the training cell, further down, is now wrong.
    await typeInto(page, 'split', 'const { validation } = trainTestSplit(data, { testSize: 0.3, randomState: 42 });');
    await expect.poll(() => cell(page, 'train').getAttribute('data-type-errors'), { timeout: 30_000 }).not.toBe('0');
    await expect.poll(() => cell(page, 'train').locator('.cm-lintRange-error').allTextContents(), { timeout: 30_000 }).toContain('train');
  });
});

describe('completion from live values and errors in the lesson\'s words', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('completes the properties of a value a cell made, even where the types know nothing', async () => {
    expect(await runCode(page, 'overfitting', 'const settings: any = { learningRateScale: 2, warmupEpochs: 3 };')).toBe('done');
    await typeInto(page, 'evaluate', 'settings.warm');
    await acceptCompletion(page, /^warmupEpochs/);
    await expect.poll(() => cell(page, 'evaluate').locator('.cm-content').innerText(), { timeout: 10_000 }).toMatch(/^settings\.warmupEpochs\s*$/);
  });

  it('explains a shape mismatch: a model built for 64×64 given images loaded at 32', async () => {
    for (const id of ['load', 'split', 'model', 'compile']) expect(await pressRun(page, id)).toBe('done');
    expect(await runCode(page, 'load', "import * as tf from '@tensorflow/tfjs';\nconst data = await loadDataset({ resolution: 32 });")).toBe('done');
    expect(await pressRun(page, 'split')).toBe('done');
    expect(await pressRun(page, 'evaluate-train')).toBe('error');
    expect(await output(page, 'evaluate-train').textContent()).toContain('the model expects 12288 numbers per image (64×64×3) but the data has 3072 (32×32×3): the images were loaded at resolution 32, the model was built for 64×64');
  });
});

describe('working like a notebook', () => {
  const editorText = (page: Page, id: string) => cell(page, id).locator('.cm-content').textContent();

  it('"Run this and below" runs the cell and every cell after it, in order, and none before', async () => {
    const page = await openLesson('01-baseline/');
    try {
      // The last three cells get quick code that records the order they ran in.
      await typeInto(page, 'evaluate-train', "const order = ['evaluate-train'];");
      await typeInto(page, 'evaluate', "order.push('evaluate');");
      await typeInto(page, 'overfitting', "order.push('overfitting');\norder.join(' → ')");
      await cell(page, 'evaluate-train').getByRole('button', { name: 'Run this and below', exact: true }).click();
      expect(await waitForState(page, 'overfitting', ['done', 'error'])).toBe('done');
      expect(await output(page, 'overfitting').textContent()).toContain('evaluate-train → evaluate → overfitting');
      for (const id of ['load', 'split', 'model', 'compile', 'train']) expect(await cell(page, id).getAttribute('data-cell-state')).toBe('idle');
    } finally {
      await page.close();
    }
  });

  it('marks a cell stale when another cell changes a name it used, until it runs again', async () => {
    const page = await openLesson('01-baseline/');
    try {
      expect(await runCode(page, 'load', 'let epochs = 10;')).toBe('done');
      expect(await runCode(page, 'split', 'epochs * 2')).toBe('done');
      expect(await runCode(page, 'model', 'const unrelated = 1;')).toBe('done');
      expect(await cell(page, 'split').getAttribute('data-stale')).toBeNull();
      expect(await pressRun(page, 'load')).toBe('done');
      expect(await cell(page, 'split').getAttribute('data-stale')).toBe('true');
      expect(await cell(page, 'split').locator('[data-cell-stale]').textContent()).toBe('stale: cell 1 changed `epochs` since this ran');
      expect(await cell(page, 'model').getAttribute('data-stale')).toBeNull();
      // An assignment changes the name too.
      expect(await runCode(page, 'compile', 'epochs = 50;')).toBe('done');
      expect(await pressRun(page, 'split')).toBe('done');
      expect(await cell(page, 'split').getAttribute('data-stale')).toBeNull();
      expect(await cell(page, 'split').locator('[data-cell-stale]').isVisible()).toBe(false);
      expect(await pressRun(page, 'compile')).toBe('done');
      expect(await cell(page, 'split').locator('[data-cell-stale]').textContent()).toBe('stale: cell 4 changed `epochs` since this ran');
    } finally {
      await page.close();
    }
  });

  it('Reset says what it discarded, and Undo brings the edit back, saved', async () => {
    const page = await openLesson('01-baseline/');
    try {
      await typeInto(page, 'split', 'const mine = 1;');
      await cell(page, 'split').getByRole('button', { name: 'Reset', exact: true }).click();
      const notice = cell(page, 'split').locator('[data-cell-notice="reset"]');
      expect(await notice.locator('p').textContent()).toBe("Cell 2 is back to the lesson's code; your edit is gone unless you undo.");
      expect(await editorText(page, 'split')).toContain('trainTestSplit(');
      await notice.getByRole('button', { name: 'Undo', exact: true }).click();
      expect(await editorText(page, 'split')).toBe('const mine = 1;');
      expect(await notice.count()).toBe(0);
      await reloadNotebook(page);
      await cell(page, 'split').locator('.cm-content').waitFor();
      expect(await editorText(page, 'split')).toBe('const mine = 1;');
    } finally {
      await page.close();
    }
  });

  it('"Reset all edits" names the cells it reset, and one Undo brings them all back', async () => {
    const page = await openLesson('01-baseline/');
    try {
      await typeInto(page, 'split', 'const a = 1;');
      await typeInto(page, 'compile', 'const b = 2;');
      await page.getByRole('button', { name: 'Reset all edits', exact: true }).click();
      const notice = page.locator('[data-reset-all-undo]');
      expect(await notice.locator('p').textContent()).toBe("Cells 2 and 4 are back to the lesson's code; your edits are gone unless you undo.");
      expect(await editorText(page, 'compile')).not.toBe('const b = 2;');
      await notice.getByRole('button', { name: 'Undo', exact: true }).click();
      expect([await editorText(page, 'split'), await editorText(page, 'compile')]).toEqual(['const a = 1;', 'const b = 2;']);
      expect(await page.getByRole('button', { name: 'Reset all edits', exact: true }).isVisible()).toBe(true);
      expect(await notice.count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('the Chinese page has the same controls in Chinese', async () => {
    const page = await browser().newPage();
    try {
      await page.goto(`${siteUrl}zh/lessons/01-baseline/`);
      await waitForNotebook(page);
      expect(await cell(page, 'split').getByRole('button', { name: '运行此单元格及以下', exact: true }).isVisible()).toBe(true);
      await typeInto(page, 'split', 'const mine = 1;');
      await cell(page, 'split').getByRole('button', { name: '还原', exact: true }).click();
      expect(await cell(page, 'split').locator('[data-cell-notice="reset"] p').textContent()).toBe('单元格 2 已恢复为课程代码；除非撤销，你的修改将丢失。');
    } finally {
      await page.close();
    }
  });
});
