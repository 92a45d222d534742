import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchPage } from '../../scripts/lib/chromium';
import { output, runAll, useBrowser } from './helpers';
import { figureColourProblems } from './figureColours';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const browser = useBrowser();

/** The four counts of a confusion matrix, in reading order (TN, FP, FN, TP). */
const counts = async (page: Page) => (await output(page, 'evaluate').locator('table[data-figure="confusion-matrix"] td').allTextContents()).map(Number);

describe('the decision threshold of an evaluation', () => {
  let page: Page;
  let watch: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    page = await browser().newPage({ viewport: { width: 375, height: 800 } });
    watch = watchPage(page, origin);
    await page.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=1`);
    const states = await runAll(page, 420_000);
    expect(Object.values(states).every((state) => state === 'done')).toBe(true);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('is a labelled slider that the keyboard moves; matrix, counts, summary and missed vehicles follow', async () => {
    const report = output(page, 'evaluate');
    const slider = report.getByRole('slider', { name: 'Decision threshold' });
    await expect(slider.inputValue()).resolves.toBe('0.5');
    const atHalf = await counts(page);
    expect(atHalf.reduce((a, b) => a + b, 0)).toBe(360);
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(slider.inputValue()).resolves.toBe('0');
    // At 0 every image is called emergency: nothing missed, every other vehicle a false alarm.
    const atZero = await counts(page);
    expect(atZero[0]).toBe(0);
    expect(atZero[2]).toBe(0);
    expect(atZero[1]).toBe(atHalf[0]! + atHalf[1]!);
    await expect(report.locator('[data-threshold-summary]').textContent()).resolves.toMatch(new RegExp(`^At threshold 0\\.00: 0 of ${atHalf[2]! + atHalf[3]!} emergency vehicles missed`));
    await expect(report.locator('[data-missed]').getAttribute('data-missed')).resolves.toBe('0');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe(`0.00: 0 missed, ${atZero[1]} false alarms`);
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await expect(slider.inputValue()).resolves.toBe('0.3');
    const atThird = await counts(page);
    expect(atThird[2]).toBeLessThanOrEqual(atHalf[2]!);
    await expect(report.locator('[data-threshold-summary]').getAttribute('data-false-negatives')).resolves.toBe(String(atThird[2]));
    expect(await report.locator('.threshold-missed canvas').count()).toBe(Math.min(8, atThird[2]!));
    await expect(report.locator('.threshold-curves figcaption').textContent()).resolves.toContain('current threshold, 0.30');
    expect(await report.locator('[data-curve="roc"] svg circle, svg[data-curve="roc"] circle').count()).toBe(1);
  });

  it('suggests the cheapest threshold for a cost ratio, and the button moves there', async () => {
    const report = output(page, 'evaluate');
    await report.locator('[data-cost-ratio]').fill('20');
    const suggested = await report.locator('[data-cost-suggestion]').getAttribute('data-suggested-threshold');
    await expect(report.locator('[data-cost-suggestion]').textContent()).resolves.toMatch(/^Lowest cost at threshold \d\.\d\d: \d+ missed, \d+ false alarms/);
    await report.locator('[data-use-threshold]').click();
    expect(Number(await report.getByRole('slider', { name: 'Decision threshold' }).inputValue())).toBe(Number(suggested));
  });

  it('opens a confusion-matrix cell as its images with probabilities', async () => {
    const report = output(page, 'evaluate');
    const [, falsePositives] = await counts(page);
    await report.locator('[data-confusion-cell="falsePositives"] button').press('Enter');
    const gallery = report.locator('[data-confusion-gallery="falsePositives"]');
    await expect(gallery.locator('.gallery-heading').textContent()).resolves.toMatch(new RegExp(`^${falsePositives} false alarms`));
    if (falsePositives! > 0) {
      expect(await gallery.locator('canvas').count()).toBe(Math.min(24, falsePositives!));
      await expect(gallery.locator('figcaption').first().textContent()).resolves.toMatch(/^\d+\.jpg · p = [01]\.\d{3}$/);
    }
  });

  it('shows the first layer as unit pictures, each layer’s weight histograms, and this browser’s run for comparison', async () => {
    const weights = output(page, 'train').locator('details[data-figure="weights"]');
    await weights.locator('summary').click();
    const grid = weights.locator('canvas[data-unit-grid]');
    // 100 units of 64×64, 10 to a row with a 1-pixel gap.
    expect(await grid.evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height])).toEqual([649, 649]);
    await expect(grid.getAttribute('aria-label')).resolves.toBe("The first layer's 100 units as weight pictures after epoch 1");
    // The pictures are not blank: the weights of 100 units differ from pixel to pixel.
    const distinct = await grid.evaluate((canvas: HTMLCanvasElement) => new Set(canvas.getContext('2d')!.getImageData(0, 0, 64, 64).data).size);
    expect(distinct).toBeGreaterThan(20);
    expect(await weights.locator('svg[data-layer]').count()).toBe(3);
    await expect(weights.locator('.weight-histograms figcaption').textContent()).resolves.toMatch(/at epoch 1/);
    expect(await weights.locator('.weights-comparison img').count()).toBeGreaterThanOrEqual(1);
  });

  it('reads in light and dark mode: the figures’ text and lines stand out from the page, a tooltip’s box is the page’s background', async () => {
    const train = output(page, 'train');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      // Training curves, weight histograms, threshold, ROC and precision–recall curves: every SVG of the page's outputs.
      expect(await page.locator('[data-cell-output] svg[viewBox]').count()).toBeGreaterThanOrEqual(6);
      expect(await figureColourProblems(page), colorScheme).toEqual([]);
      // Plot's tooltip, on hovering a point of the loss curve: its box takes the page's background, not white.
      await train.locator('[data-figure="history"] [data-metric="loss"] g[aria-label="dot"] circle').first().hover();
      const tip = train.locator('[data-figure="history"] [data-metric="loss"] g[aria-label="tip"] path').first();
      await tip.waitFor();
      expect(await tip.evaluate((path) => getComputedStyle(path).fill), colorScheme).toBe(background);
      await expect(train.locator('[data-figure="history"] [data-metric="loss"] g[aria-label="tip"]').textContent()).resolves.toMatch(/epoch/);
      await page.mouse.move(0, 0);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('fits a 375 px screen without scrolling the page sideways, and the page had no errors', async () => {
    // Every part of these figures lies within the 375 px screen (the code cells' own width is not theirs to test).
    const beyond = await page.evaluate(() => {
      const figures = document.querySelectorAll('.evaluation-report, .evaluation-report *, .weights-view, .weights-view *, .run-hints, .run-hints *');
      return Math.max(...[...figures].map((e) => e.getBoundingClientRect().right)) - document.documentElement.clientWidth;
    });
    expect(beyond).toBeLessThanOrEqual(0);
    // …nor the evaluation's output: the report's text wraps, its matrix and curves fit.
    const inner = await output(page, 'evaluate').evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(inner, `the evaluation's output scrolls sideways by ${inner} px`).toBeLessThanOrEqual(0);
    // Under the training output, the weights panel and the hints fit the output's width.
    const widest = await output(page, 'train').evaluate((element) => Math.max(...[...element.querySelectorAll('.weights-view, .weights-view *, .run-hints')].map((e) => e.getBoundingClientRect().right)) - element.getBoundingClientRect().right);
    expect(widest).toBeLessThanOrEqual(0);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
