/**
 * The reference bands as a reader meets them (issue 16 §1): before running, the pre-rendered figure and the
 * note an edit brings up; after running, the reader's curves over the band, and what the figure says when
 * the reference no longer applies (the cells were edited, or the run trained on another dataset).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { watchPage } from '../../scripts/lib/chromium';
import { writeArticle } from '../dataset/fixtures';
import { makeZip } from '../dataset/zipWriter';
import { lessonFolders } from '../../src/lessons/layout';
import { cell, output, runAll, useBrowser } from './helpers';
import { figureColourProblems } from './figureColours';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const browser = useBrowser();
// Inside the checkout (gitignored), never committed: the imported dataset's zip.
const TMP = resolve('test/tmp/reference-bands');

beforeAll(async () => {
  await rm(TMP, { recursive: true, force: true });
  await mkdir(TMP, { recursive: true });
});
afterAll(async () => {
  await rm(TMP, { recursive: true, force: true });
});

/** Adds a line at the top of a cell's code through its editor, as a reader trying a change would. */
async function addLine(page: Page, id: string, line: string): Promise<void> {
  await cell(page, id).locator('[data-cell-code]').click();
  const editor = cell(page, id).locator('.cm-content');
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.insertText(`${line}\n`);
  await page.waitForFunction((cellId) => document.querySelector(`[data-cell="${cellId}"]`)?.getAttribute('data-edited') === 'true', id);
}

/** The live training figure's parts in one chart: the band's shaded area, its dashed median, the run's own line and dots. */
async function chartParts(figure: Locator, metric: 'loss' | 'accuracy') {
  // A chart with a legend is a <figure data-metric> holding the plot's <svg>; one without is the <svg data-metric> itself.
  return figure.locator(`svg[data-metric="${metric}"], [data-metric="${metric}"] svg[viewBox]`).evaluate((svg) => {
    const paths = (label: string) => [...svg.querySelectorAll(`g[aria-label="${label}"] path`)];
    const lines = paths('line');
    return {
      areas: paths('area').length,
      dashed: lines.filter((path) => path.closest('[stroke-dasharray]') || path.getAttribute('stroke-dasharray')).length,
      solid: lines.filter((path) => !(path.closest('[stroke-dasharray]') || path.getAttribute('stroke-dasharray'))).length,
      dots: svg.querySelectorAll('g[aria-label="dot"] circle').length,
    };
  });
}

describe('a training cell’s reference band', () => {
  let page: Page;
  let watch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    page = await browser().newPage();
    watch = watchPage(page, origin);
    await page.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=2`);
    await page.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('draws the reader’s run over the band once the cell has trained, and says what the band is', async () => {
    const reference = cell(page, 'train').locator(':scope > .reference-figure');
    const runs = Number((/Reference: (\d+) runs made when the course was built, default dataset/.exec((await reference.textContent()) ?? '') ?? [])[1]);
    expect(runs).toBeGreaterThanOrEqual(2);
    // Nothing edited: the note that a cell was edited stays hidden.
    expect(await reference.locator('[data-reference-edited]').isVisible()).toBe(false);
    expect(await reference.locator('[data-reference-stale]').count()).toBe(0);

    const states = await runAll(page, 420_000);
    expect(Object.entries(states).filter(([, state]) => state !== 'done')).toEqual([]);
    expect(await reference.isVisible()).toBe(false);
    const live = output(page, 'train').locator('[data-figure="history"]');
    expect(await live.getAttribute('data-reference-status')).toBe('current');
    await expect(live.locator('figcaption').textContent()).resolves.toContain(`Behind your run: the band and dashed median of the ${runs} reference runs.`);
    for (const metric of ['loss', 'accuracy'] as const) {
      // Training and validation: a band and a dashed median each from the reference, a line and 2 epochs' dots from the run.
      expect(await chartParts(live, metric), metric).toEqual({ areas: 2, dashed: 2, solid: 2, dots: 4 });
    }
    expect(watch.pageErrors).toEqual([]);
  });

  it('says the reference is stale once a cell above the training cell is edited, before and after running', async () => {
    const fresh = await browser().newPage();
    await fresh.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=2`);
    await fresh.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
    const note = cell(fresh, 'train').locator(':scope > .reference-figure [data-reference-edited]');
    // An edit below the training cell leaves its reference as it was.
    await addLine(fresh, 'overfitting', '// a note of mine');
    expect(await note.isVisible()).toBe(false);
    // An edit above it: the figure says the reference was made from the cells as published.
    await addLine(fresh, 'model', '// trying a change');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toBe('You edited a cell of this lesson: this reference was made from its cells as published. Run the cell to see whether it still applies.');

    const states = await runAll(fresh, 420_000);
    expect(Object.entries(states).filter(([, state]) => state !== 'done')).toEqual([]);
    const live = output(fresh, 'train').locator('[data-figure="history"]');
    expect(await live.getAttribute('data-reference-status')).toBe('cells-changed');
    await expect(live.locator('figcaption').textContent()).resolves.toContain('Stale: the lesson’s cells differ from those this reference was made from (other than the seed)');
    // The band is still drawn, for comparison.
    expect((await chartParts(live, 'loss')).areas).toBe(2);
    await fresh.close();
  });

  it('says so in Chinese on the Chinese page', async () => {
    const zh = await browser().newPage();
    await zh.goto(`${siteUrl}zh/lessons/01-baseline/`);
    await zh.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
    const reference = cell(zh, 'train').locator(':scope > .reference-figure');
    expect(await reference.getAttribute('lang')).toBe('zh');
    await addLine(zh, 'load', '// 试一试');
    await expect(reference.locator('[data-reference-edited]').textContent()).resolves.toBe('你修改了本课的单元格：此参考是用发布时的单元格生成的。运行该单元格，看看它是否仍然适用。');
    expect(await reference.locator('[data-reference-edited]').isVisible()).toBe(true);
    await zh.close();
  });
});

describe('every lesson’s reference figures before anything runs', () => {
  it('are on the page, read in light and dark mode, and fit a 375 px screen whole', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    try {
      for (const lesson of lessonFolders()) {
        await page.goto(`${siteUrl}lessons/${lesson}/`);
        const figures = page.locator('.reference-figure');
        expect(await figures.count(), lesson).toBeGreaterThanOrEqual(1);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          expect(await figureColourProblems(page, '.reference-figure svg'), `${lesson}, ${colorScheme}`).toEqual([]);
        }
        // Each chart lies within the screen: none is cut off or left to a sideways scroll of its own.
        const beyond = await page.evaluate(() => [...document.querySelectorAll('.reference-figure svg[viewBox], .reference-figure figcaption, .reference-figure p')].flatMap((element) => {
          const box = element.getBoundingClientRect();
          return box.right > document.documentElement.clientWidth + 0.5 || box.left < 0 ? [`${element.tagName} ends at ${Math.round(box.right)} px`] : [];
        }));
        expect(beyond, lesson).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), lesson).toBeLessThanOrEqual(0);
      }
    } finally {
      await context.close();
    }
  });
});

describe('the figures’ colour check', () => {
  it('catches the issue’s dark-mode label (#111827 on #0d1117), a faint line and a fixed colour, and passes currentColor', async () => {
    const page = await browser().newPage();
    await page.setContent(`<body style="background:#0d1117;color:#e6edf3"><div data-cell-output><svg viewBox="0 0 100 100" width="100" height="100">
      <text fill="#111827" x="10" y="10">label</text><path d="M0 0L10 10" style="stroke: rgb(20, 20, 30)"/><text fill="currentColor" x="10" y="40">ok</text></svg></div></body>`);
    const problems = await figureColourProblems(page);
    expect(problems).toHaveLength(4);
    expect(problems.filter((problem) => /text rgb\(17, 24, 39\) on rgb\(13, 17, 23\), 1\.07:1/.test(problem))).toHaveLength(1);
    expect(problems.filter((problem) => /stroke rgb\(20, 20, 30\)/.test(problem))).toHaveLength(1);
    expect(problems.filter((problem) => /fixed colour/.test(problem))).toHaveLength(2);
    expect(problems.join(' ')).not.toContain('"ok"');
    await page.close();
  });
});

describe('a run on an imported dataset', () => {
  it('draws the default dataset’s band and says it is not the reader’s dataset', async () => {
    const root = await writeArticle(join(TMP, 'Dataset'), { labels: Array.from({ length: 40 }, (_, i) => i % 2) });
    const zipPath = join(TMP, 'Dataset.zip');
    const files = ['emergency_classification.csv', ...(await readdir(join(root, 'images'))).map((name) => `images/${name}`)];
    await writeFile(zipPath, makeZip(await Promise.all(files.map(async (name) => ({ name: `Dataset/${name}`, data: await readFile(join(root, name)), deflate: true })))));

    const context = await browser().newContext();
    try {
      const data = await context.newPage();
      await data.goto(`${siteUrl}data/`);
      await data.locator('[data-import-panel]').waitFor();
      await data.locator('[data-import-zip]').setInputFiles(zipPath);
      await data.waitForFunction(() => ['done', 'failed', 'cancelled'].includes(document.querySelector('[data-import-panel]')?.getAttribute('data-import-state') ?? ''), undefined, { timeout: 120_000 });
      expect(await data.locator('[data-import-panel]').getAttribute('data-import-state')).toBe('done');

      const lesson = await context.newPage();
      await lesson.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=2`);
      await expect(lesson.locator('[data-active-dataset]').textContent()).resolves.toMatch(/^Dataset: Dataset /);
      const states = await runAll(lesson, 420_000);
      expect(Object.entries(states).filter(([, state]) => state !== 'done')).toEqual([]);
      await expect(output(lesson, 'load').textContent()).resolves.toMatch(/Loaded Dataset: 40 images/);
      const live = output(lesson, 'train').locator('[data-figure="history"]');
      expect(await live.getAttribute('data-reference-status')).toBe('other-dataset');
      const caption = (await live.locator('figcaption').textContent()) ?? '';
      expect(caption).toMatch(/Reference: \d+ runs made when the course was built, default dataset/);
      expect(caption).toContain('This reference is for the default dataset; run `npm run references` for yours.');
    } finally {
      await context.close();
    }
  });
});
