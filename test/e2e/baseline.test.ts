import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchPage } from '../../scripts/lib/chromium';
import { cell, meterTensors, output, pressRun, typeInto, useBrowser, waitForState } from './helpers';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const browser = useBrowser();

describe('the course index', () => {
  it('lists the lessons in order and links to the baseline lesson', async () => {
    const page = await browser().newPage();
    const watch = watchPage(page, origin);
    await page.goto(siteUrl);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/early stopping, dropout and batch normalization/);
    const first = page.locator('.lesson-list li a').first();
    await expect(first.textContent()).resolves.toBe('Baseline: an ANN for emergency vehicles');
    await expect(page.locator('[data-active-dataset]').textContent()).resolves.toMatch(/Generated default dataset/);
    await first.click();
    await page.waitForURL(/lessons\/01-baseline\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Baseline: an ANN for emergency vehicles');
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});

describe('the baseline lesson', () => {
  let page: Page;
  let watch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    page = await browser().newPage();
    watch = watchPage(page, origin);
    await page.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=2`);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows highlighted code and runs nothing before the reader acts', async () => {
    const cells = page.locator('[data-cell]');
    expect(await cells.count()).toBe(8);
    const states = await cells.evaluateAll((elements) => elements.map((e) => e.getAttribute('data-cell-state')));
    expect(new Set(states)).toEqual(new Set(['idle']));
    // Shiki's build-time highlighting: coloured spans before any script has run.
    expect(await cell(page, 'model').locator('pre.shiki span[style*="color"]').count()).toBeGreaterThan(10);
    await expect(cell(page, 'model').locator('pre').textContent()).resolves.toContain("tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: seeded(3) })");
    expect(await page.locator('[data-cell-output]:not(:empty)').count()).toBe(0);
    // Before anything runs, the training cell shows the reference runs made when the course was built (issue 16).
    const reference = cell(page, 'train').locator('.reference-figure');
    await expect(reference.isVisible()).resolves.toBe(true);
    expect(await reference.textContent()).toMatch(/Reference: \d+ runs made when the course was built/);
    expect(await reference.locator('svg path').count()).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Run all' }).isVisible()).resolves.toBe(true);
    expect(await cell(page, 'load').getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(true);
  });

  it('runs every cell with "Run all": data, split, model, training curves, evaluation', async () => {
    await page.getByRole('button', { name: 'Run all' }).click();
    expect(await waitForState(page, 'overfitting', ['done', 'error'], 420_000)).toBe('done');
    // The live figure, drawn over the same band, takes the pre-rendered reference's place.
    await expect(cell(page, 'train').locator(':scope > .reference-figure').isVisible()).resolves.toBe(false);
    const states = await page.locator('[data-cell]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-cell-state')));
    expect(states.every((state) => state === 'done')).toBe(true);

    await expect(output(page, 'load').textContent()).resolves.toMatch(/Loaded .*1200 images at 64×64 \(552 emergency, 648 non-emergency/);
    expect(await output(page, 'load').locator('.image-grid canvas').count()).toBe(12);
    await expect(output(page, 'split').textContent()).resolves.toContain('840 training images, 360 validation images');

    // The learning rate as a reader writes it, not the float's every digit.
    await expect(output(page, 'compile').textContent()).resolves.toBe('compiled: Adam(learning rate 0.000245), binary cross-entropy');
    const summary = (await output(page, 'model').textContent())!.replace(/[,\s]/g, '');
    expect(summary).toContain('1228900');
    expect(summary).toContain('10100');
    expect(summary).toMatch(/1239101/);

    const train = output(page, 'train');
    await expect(train.textContent()).resolves.toMatch(/This page limits training to 2 epochs/);
    await expect(train.locator('[data-training-status]').textContent()).resolves.toMatch(/^Finished: 2 epochs in \d+:\d\d · training accuracy \d+\.\d % · validation accuracy \d+\.\d %/);
    expect(await train.locator('[data-metric="loss"]').count()).toBe(1);
    expect(await train.locator('progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(1);

    const validation = output(page, 'evaluate');
    const accuracyText = await validation.locator('.evaluation-accuracy').textContent();
    const accuracy = Number(/Validation accuracy: (\d+\.\d) %/.exec(accuracyText ?? '')?.[1]);
    expect(accuracy).toBeGreaterThan(30);
    expect(accuracy).toBeLessThanOrEqual(100);
    const matrix = validation.locator('table[data-figure="confusion-matrix"] td');
    const counts = (await matrix.allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(360);
    const falseNegatives = Number(await validation.locator('[data-false-negatives]').getAttribute('data-false-negatives'));
    expect(falseNegatives).toBe(counts[2]);
    expect(await validation.locator('.image-grid canvas').count()).toBe(Math.min(8, falseNegatives));

    const figure = output(page, 'overfitting').locator('[data-figure="history"]');
    expect(await figure.locator('[data-metric="accuracy"]').count()).toBe(1);
    await expect(figure.locator('figcaption').textContent()).resolves.toMatch(/After 2 epochs: training accuracy/);

    await expect(page.locator('[data-kernel-status]').textContent()).resolves.toMatch(/TensorFlow\.js backend: (wasm|webgl)/);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    // The page's Content-Security-Policy allowed everything the lesson needed.
    expect(watch.consoleErrors.filter((message) => /Content Security Policy/i.test(message))).toEqual([]);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/^default-src 'self'/);
  });

  it('frees the old model when its cell reruns, so tensors do not pile up', async () => {
    const tensors = () => meterTensors(page);
    const rerun = async (id: string) => {
      expect(await pressRun(page, id)).toBe('done');
    };
    await rerun('model');
    await page.waitForFunction(() => /tensors/.test(document.querySelector('[data-memory-meter]')?.textContent ?? ''));
    const after1 = await tensors();
    for (let i = 0; i < 4; i++) await rerun('model');
    await page.waitForTimeout(200);
    expect(await tensors()).toBe(after1);
    await rerun('compile');
  });

  it('reruns an edited cell, and later cells see its new names', async () => {
    await typeInto(page, 'split', 'const { train, validation } = trainTestSplit(data, { testSize: 0.5, randomState: 7 });\n`${train.count} training images, ${validation.count} validation images`');
    await page.keyboard.press('Shift+Enter');
    expect(await waitForState(page, 'split', ['done', 'error'])).toBe('done');
    await expect(output(page, 'split').textContent()).resolves.toContain('600 training images, 600 validation images');

    expect(await pressRun(page, 'evaluate')).toBe('done');
    const counts = (await output(page, 'evaluate').locator('table[data-figure="confusion-matrix"] td').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(600);
  });

  it('accepts keyboard input in the editor: Ctrl+End then typing', async () => {
    await cell(page, 'compile').locator('[data-cell-code]').click();
    await cell(page, 'compile').locator('.cm-content').waitFor();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('learningRate * 1000');
    expect(await pressRun(page, 'compile')).toBe('done');
    await expect(output(page, 'compile').textContent()).resolves.toBe('0.245');
  });

  it('shows an error with the line of the cell it happened on', async () => {
    await typeInto(page, 'evaluate-train', 'const ok = 1;\nconst broken: any = undefined;\nbroken.count');
    expect(await pressRun(page, 'evaluate-train')).toBe('error');
    const text = await output(page, 'evaluate-train').textContent();
    expect(text).toMatch(/Cannot read properties of undefined \(reading 'count'\)/);
    expect(text).toMatch(/line 3/);
    expect(text).toContain('broken.count');
  });

  it('keeps edits across a reload, marks them, and resets them per cell and per lesson', async () => {
    await page.reload();
    const split = cell(page, 'split');
    await split.locator('.cm-content').waitFor();
    await expect(split.locator('.cm-content').textContent()).resolves.toContain('testSize: 0.5, randomState: 7');
    expect(await split.getAttribute('data-edited')).toBe('true');
    expect(await cell(page, 'load').getAttribute('data-edited')).toBeNull();
    await split.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect(split.locator('.cm-content').textContent()).resolves.toContain('testSize: 0.3, randomState: 42');
    expect(await split.getAttribute('data-edited')).toBe('false');
    // Two cells are still edited (compile, evaluate-train): one click resets the lesson.
    await page.getByRole('button', { name: 'Reset all edits' }).click();
    await page.reload();
    expect(await page.locator('[data-edited="true"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reset all edits' }).isVisible()).toBe(false);
    await expect(cell(page, 'compile').locator('pre').textContent()).resolves.not.toContain('learningRate * 1000');
  });

  it('tells the reader when the lesson changed a cell they had edited, and lets them choose', async () => {
    // An edit saved against an older original of the "model" cell, as a previous deployment would have left it.
    await page.evaluate(() => localStorage.setItem('course-edits:v1:01-baseline', JSON.stringify({ model: { source: 'const model = "my old edit";', originalHash: '00000000', savedAt: Date.UTC(2026, 0, 1) } })));
    await page.reload();
    const notice = cell(page, 'model').locator('[data-edit-conflict]');
    await expect(notice.textContent()).resolves.toMatch(/the lesson's code for it has changed since\. Your edit was not applied\./);
    await expect(cell(page, 'model').locator('pre').textContent()).resolves.toContain('tf.sequential');
    await notice.getByRole('button', { name: 'Use my edit' }).click();
    await cell(page, 'model').locator('.cm-content').waitFor();
    await expect(cell(page, 'model').locator('.cm-content').textContent()).resolves.toBe('const model = "my old edit";');
    await page.getByRole('button', { name: 'Reset all edits' }).click();
    await expect(cell(page, 'model').locator('.cm-content').textContent()).resolves.toContain('tf.sequential');
  });

  it('stops training with the Stop button and keeps the history', async () => {
    await page.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=50`);
    for (const id of ['load', 'split', 'model', 'compile']) {
      expect(await pressRun(page, id)).toBe('done');
    }
    await cell(page, 'train').getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => /Epoch 2\//.test(document.querySelector('[data-cell="train"] [data-training-status]')?.textContent ?? ''), undefined, { timeout: 120_000 });
    await cell(page, 'train').getByRole('button', { name: 'Stop', exact: true }).click();
    expect(await waitForState(page, 'train', ['done', 'error'], 60_000)).toBe('done');
    // An epoch of the default data is 7 batches, so the click may land in epoch 2 or 3: whatever finished is kept.
    const status = (await output(page, 'train').locator('[data-training-status]').textContent()) ?? '';
    const finished = /^Training stopped by the reader: (\d+) epochs? /.exec(status)?.[1];
    expect(Number(finished), status).toBeGreaterThanOrEqual(1);
    expect(Number(finished), status).toBeLessThan(50);
    expect(await pressRun(page, 'overfitting')).toBe('done');
    await expect(output(page, 'overfitting').locator('figcaption').textContent()).resolves.toMatch(new RegExp(`After ${finished} epochs?: `));
  });
});
