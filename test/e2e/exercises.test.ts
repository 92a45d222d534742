/**
 * Exercises in Chromium (issue 13): Check, hints one at a time, Show solution (after a confirmation) and Reset
 * on the built course; Solve → Reset → Solve; a Chinese page's buttons and messages in Chinese; progress on
 * both course indexes after a reload, and "Reset my progress" asking first; "predict, then run" with a short
 * real training run; a build with COURSE_SOLUTIONS=hidden holding no solution text at all.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { lessonExercises } from '../../src/exercises/files';
import { buildCourse } from './buildCourse';
import { pressRun, useBrowser, waitForNotebook } from './helpers';

const siteUrl = inject('siteUrl');
const browser = useBrowser();
let context: BrowserContext;
beforeAll(async () => {
  // The test server sends the isolation headers itself; no service worker, so no reload under the test's feet.
  context = await browser().newContext({ serviceWorkers: 'block' });
});
afterAll(async () => {
  await context?.close();
});

const baseline = lessonExercises('content/lessons/01-baseline');
const solutionOf = (id: string) => baseline.find((exercise) => exercise.id === id)!.solution;
const starterOf = (id: string) => baseline.find((exercise) => exercise.id === id)!.starter;

async function openLesson(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}${path}`);
  await waitForNotebook(page);
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-exercise]')].every((root) => root.dataset.exerciseReady === 'true'));
  return page;
}

const exercise = (page: Page, id: string) => page.locator(`[data-exercise="01-baseline/${id}"]`);
const state = (root: Locator) => root.getAttribute('data-exercise-state');
const feedback = (root: Locator) => root.locator('[data-exercise-feedback]').textContent();
/** The code the exercise's cell shows, line by line as the reader reads it. */
const shownCode = (root: Locator) => root.locator('[data-cell-code]').evaluate((element) => {
  const lines = element.querySelectorAll('.cm-line');
  return lines.length > 0 ? [...lines].map((line) => line.textContent).join('\n') : element.textContent ?? '';
});

async function typeCode(page: Page, root: Locator, code: string): Promise<void> {
  await root.locator('[data-cell-code]').click();
  const editor = root.locator('.cm-content');
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function check(root: Locator): Promise<string> {
  await root.getByRole('button', { name: /^(Check|检查)$/ }).click();
  await root.page().waitForFunction((element) => (element as HTMLElement).dataset.exerciseBusy === 'false', await root.elementHandle(), { timeout: 120_000 });
  return (await state(root))!;
}

async function showSolution(page: Page, root: Locator, accept = true): Promise<void> {
  page.once('dialog', (dialog) => void (accept ? dialog.accept() : dialog.dismiss()));
  await root.getByRole('button', { name: /^(Show solution|显示答案)$/ }).click();
}

describe('an exercise on the English baseline page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('lessons/01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('has the stable hooks: data-exercise, its state, and buttons named Check, Hint, Show solution, Reset', async () => {
    const root = exercise(page, 'gap');
    expect(await state(root)).toBe('unattempted');
    for (const [action, name] of [['check', 'Check'], ['hint', 'Hint'], ['solution', 'Show solution'], ['reset', 'Reset']]) {
      await expect(root.locator(`[data-action="${action}"]`).textContent()).resolves.toBe(name);
      expect(await root.getByRole('button', { name, exact: true }).isEnabled()).toBe(true);
    }
  });

  it('the starter is "not attempted", and hints come one at a time, in order, until the last', async () => {
    const root = exercise(page, 'gap');
    expect(await check(root)).toBe('unattempted');
    expect(await feedback(root)).toBe('This is still the starter code: fill in the blanks (____), then press Check.');
    const hint = root.getByRole('button', { name: 'Hint', exact: true });
    await hint.click();
    expect(await root.locator('[data-hint]').allTextContents()).toEqual(['`last.acc` and `last.val_acc` are fractions between 0 and 1 (0.9 is 90 %).']);
    await hint.click();
    const hints = await root.locator('[data-hint]').allTextContents();
    expect(hints).toHaveLength(2);
    expect(hints[1]).toMatch(/^Training minus validation, times 100/);
    expect(await hint.isDisabled()).toBe(true);
  });

  it('a wrong answer is "not yet" with what to change; solve → check → reset → solve keeps working', async () => {
    const root = exercise(page, 'gap');
    await typeCode(page, root, solutionOf('gap').replace('100 * ', ''));
    expect(await check(root)).toBe('incorrect');
    expect(await feedback(root)).toMatch(/overfittingGap gives 0\.15; it should be 15: give it in percentage points/);
    // Declining the confirmation changes nothing.
    await showSolution(page, root, false);
    expect(await shownCode(root)).toContain('return (last.acc');
    for (let round = 0; round < 2; round++) {
      await showSolution(page, root);
      expect(await shownCode(root)).toBe(solutionOf('gap'));
      expect(await check(root)).toBe('correct');
      expect(await feedback(root)).toMatch(/^Right: for a run ending at 90 % training/);
      await root.getByRole('button', { name: 'Reset', exact: true }).click();
      expect(await state(root)).toBe('unattempted');
      expect(await shownCode(root)).toBe(starterOf('gap'));
      expect(await root.locator('[data-hint]').count()).toBe(0);
    }
    // The solution in the cell can still be edited, and a reader error is shown as that code's error.
    await showSolution(page, root);
    await typeCode(page, root, `${solutionOf('gap')}\nundefinedName.go();`);
    expect(await check(root)).toBe('incorrect');
    expect(await feedback(root)).toBe('Your code stopped with an error, shown under the cell: ReferenceError: undefinedName is not defined');
    await expect(root.locator('[data-cell-output]').textContent()).resolves.toMatch(/undefinedName is not defined/);
  });

  it("checks what the code built with the page's TF.js: a model's layers", async () => {
    expect(await pressRun(page, 'load')).toBe('done');
    const root = exercise(page, 'small-model');
    await typeCode(page, root, solutionOf('small-model').replace(/units: 20/, 'units: 100'));
    expect(await check(root)).toBe('incorrect');
    expect(await feedback(root)).toBe('The first hidden layer has 100 units; the task asks for 20.');
    await showSolution(page, root);
    expect(await check(root)).toBe('correct');
  });

  it('predict, then run: Check asks for a prediction first, then shows it next to what the run did', async () => {
    const training = await openLesson('lessons/01-baseline/?maxEpochs=20');
    try {
      for (const id of ['load', 'split', 'model', 'compile']) expect(await pressRun(training, id)).toBe('done');
      await showSolution(training, exercise(training, 'small-model'));
      expect(await check(exercise(training, 'small-model'))).toBe('correct');
      const root = exercise(training, 'train-small');
      await showSolution(training, root);
      await root.getByRole('button', { name: 'Check', exact: true }).click();
      expect(await feedback(root)).toBe('Pick your prediction first: then press Check to run your code.');
      await root.getByLabel('smaller').check();
      expect(await check(root)).toBe('correct');
      await expect(root.locator('[data-prediction]').textContent()).resolves.toBe('smaller');
      await expect(root.locator('[data-observed]').textContent()).resolves.toMatch(/^the 20-unit network's gap: -?\d+(\.\d)? points after 20 epochs/);
    } finally {
      await training.close();
    }
  });
});

describe('progress on the course index', () => {
  it('shows each lesson\'s solved exercises in both languages after a reload; "Reset my progress" asks first', async () => {
    const page = await context.newPage();
    try {
      const progress = () => page.locator('[data-exercise-progress="01-baseline"]').textContent();
      await page.goto(siteUrl);
      await page.waitForFunction(() => document.documentElement.dataset.progressReady === 'true');
      // The English tests above solved gap, small-model and train-small on this device.
      expect(await progress()).toBe('3 / 3 ✓');
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.progressReady === 'true');
      expect(await progress()).toBe('3 / 3 ✓');
      await page.goto(`${siteUrl}zh/`);
      await page.waitForFunction(() => document.documentElement.dataset.progressReady === 'true');
      expect(await progress()).toBe('3 / 3 ✓');
      const reset = page.getByRole('button', { name: '重置我的进度' });
      page.once('dialog', (dialog) => void dialog.dismiss());
      await reset.click();
      expect(await progress()).toBe('3 / 3 ✓');
      page.once('dialog', (dialog) => void dialog.accept());
      await reset.click();
      expect(await progress()).toBe('0 / 3');
      await page.goto(siteUrl);
      await page.waitForFunction(() => document.documentElement.dataset.progressReady === 'true');
      expect(await progress()).toBe('0 / 3');
    } finally {
      await page.close();
    }
  });
});

describe('an exercise on the Chinese baseline page', () => {
  it('has Chinese buttons with the same data-action, and says its verdicts in Chinese', async () => {
    const page = await openLesson('zh/lessons/01-baseline/');
    try {
      const root = exercise(page, 'gap');
      for (const [action, name] of [['check', '检查'], ['hint', '提示'], ['solution', '显示答案'], ['reset', '重置']]) {
        await expect(root.locator(`[data-action="${action}"]`).textContent()).resolves.toBe(name);
      }
      // The reader's code is shared by both languages: the English tests left theirs in this cell.
      await root.getByRole('button', { name: '重置' }).click();
      expect(await check(root)).toBe('unattempted');
      expect(await feedback(root)).toBe('这还是初始代码：先填好空白处（____），再按“检查”。');
      await root.getByRole('button', { name: '提示' }).click();
      expect(await root.locator('[data-hint]').allTextContents()).toEqual(['`last.acc` 和 `last.val_acc` 是 0 到 1 之间的比例（0.9 就是 90 %）。']);
      await typeCode(page, root, solutionOf('gap').replace('last.acc - (last.val_acc ?? 0)', '(last.val_acc ?? 0) - last.acc'));
      expect(await check(root)).toBe('incorrect');
      expect(await feedback(root)).toMatch(/^对于最后一轮训练准确率 90 %、验证准确率 75 % 的一次训练，overfittingGap 返回 -15；应当是 15：应当用训练减去验证/);
      await showSolution(page, root);
      expect(await check(root)).toBe('correct');
      expect(await root.locator('.exercise-state').textContent()).toBe('正确 ✓');
    } finally {
      await page.close();
    }
  });
});

describe('a build with COURSE_SOLUTIONS=hidden', () => {
  let temp: string;
  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'course-hidden-'));
    cpSync('content/lessons/01-baseline', join(temp, 'lessons', '01-baseline'), { recursive: true });
    await buildCourse(join(temp, 'dist'), { COURSE_LESSONS: join(temp, 'lessons'), COURSE_CACHE_DIR: join(temp, 'cache'), COURSE_SOLUTIONS: 'hidden' });
  }, 300_000);
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('contains no solution text in any built file, keeps the hints, and offers no Show solution', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(html|js|mjs|json|ipynb|css|txt|xml)$/.test(name) && !path.includes(`${join(temp, 'dist', 'data')}`)) files.push(path);
      }
    };
    walk(join(temp, 'dist'));
    const built = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    expect(built).toContain('data-exercise="01-baseline/gap"');
    expect(built).toContain('Training minus validation, times 100');
    for (const { id, starter, solution } of baseline) {
      // Every line the solution has and the starter has not, as written and as a JSON string would carry it.
      const answerLines = solution.split('\n').map((line) => line.trim()).filter((line) => line && !starter.split('\n').some((other) => other.trim() === line));
      expect(answerLines.length, `${id}: the solution should differ from the starter`).toBeGreaterThan(0);
      for (const line of answerLines) {
        expect(built.includes(line), `${id}: "${line}" is in the built site`).toBe(false);
        expect(built.includes(JSON.stringify(line).slice(1, -1)), `${id}: "${line}" (JSON) is in the built site`).toBe(false);
      }
    }
    const page = readFileSync(join(temp, 'dist', 'lessons', '01-baseline', 'index.html'), 'utf8');
    expect(page).not.toContain('data-action="solution"');
    expect(page).toContain('data-action="hint"');
  });
});
