import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { watchPage } from '../../scripts/lib/chromium';
import { output, pressRun, runAll, typeInto, useBrowser } from './helpers';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const browser = useBrowser();
// One browser context for the three lessons: they share IndexedDB and localStorage, as one reader's tabs do.
let context: BrowserContext;

beforeAll(async () => {
  context = await browser().newContext({ acceptDownloads: true });
});

async function openLesson(slug: string): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await page.goto(`${siteUrl}lessons/${slug}/?maxEpochs=2`);
  return { page, watch };
}

async function runCell(page: Page, id: string): Promise<void> {
  expect(await pressRun(page, id)).toBe('done');
}

/** Accuracy in percent from an evaluation report, after checking its confusion matrix covers all 360 validation images. */
async function validationAccuracy(report: Locator): Promise<number> {
  const accuracy = Number(/accuracy: (\d+\.\d) %/.exec((await report.locator('.evaluation-accuracy').textContent()) ?? '')?.[1]);
  expect(accuracy).toBeGreaterThan(30);
  expect(accuracy).toBeLessThanOrEqual(100);
  const counts = (await report.locator('table[data-figure="confusion-matrix"] td').allTextContents()).map(Number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(360);
  expect(Number(await report.locator('[data-false-negatives]').getAttribute('data-false-negatives'))).toBe(counts[2]);
  return accuracy;
}

function expectCleanPage(watch: ReturnType<typeof watchPage>): void {
  expect(watch.failedRequests).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors.filter((message) => /Content Security Policy/i.test(message))).toEqual([]);
}

const finished = /^Finished: 2 epochs in \d+:\d\d · training accuracy \d+\.\d % · validation accuracy \d+\.\d %/;
const pixels = (row: Locator) => row.locator('canvas').evaluateAll((canvases) => canvases.map((c) => c.getAttribute('data-pixels')));
const drawn = (row: Locator) => row.locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

describe('the image augmentation lesson', () => {
  it('runs all cells: a gallery of real images whose sliders change them, the five-fold set, training on augmented batches', async () => {
    const { page, watch } = await openLesson('05-augmentation');
    expect(await page.locator('h1').textContent()).toBe('Image augmentation: more pictures from the same pictures');
    // The whole five-fold set (8230 images) takes long on a 2-core test machine: expand the first 200 images.
    await typeInto(page, 'expand', 'const fiveFold = await expandLikeArticle(train.subset(Array.from({ length: 200 }, (_, i) => i)));\ndisplay(showImages(fiveFold, { count: 10 }));\nfiveFold.toString()');
    const started = Date.now();
    const states = await runAll(page);
    console.log(`05-augmentation: Run all took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(Object.values(states).every((state) => state === 'done'), JSON.stringify(states)).toBe(true);

    const gallery = output(page, 'gallery').locator('[data-figure="augmentation-gallery"]');
    const rows = await gallery.locator('[data-augmentation]').evaluateAll((elements) => elements.map((e) => e.getAttribute('data-augmentation')));
    expect(rows).toEqual(['original', 'rotate', 'shift', 'flip-left-right', 'flip-up-down', 'noise', 'blur', 'random']);
    expect(await gallery.locator('canvas').count()).toBe(8 * 4);
    // Both classes are shown, and every transformation changes every image.
    const captions = await gallery.locator('[data-augmentation="original"] figcaption').allTextContents();
    expect(captions.some((c) => c.endsWith('· emergency')) && captions.some((c) => c.endsWith('· non-emergency'))).toBe(true);
    const original = await pixels(gallery.locator('[data-augmentation="original"]'));
    for (const id of rows.slice(1, -1)) {
      const changed = await pixels(gallery.locator(`[data-augmentation="${id}"]`));
      changed.forEach((hash, i) => expect(hash, `${id}, image ${i}`).not.toBe(original[i]));
    }
    // The random row may leave an image as it is (the original is one of the five versions), not all four.
    const randomHashes = await pixels(gallery.locator('[data-augmentation="random"]'));
    expect(randomHashes.filter((hash, i) => hash !== original[i]).length).toBeGreaterThan(0);

    // Keyboard: focus the angle slider, press the right arrow: one step (5°) more, a different image.
    const rotate = gallery.locator('[data-augmentation="rotate"]');
    const slider = rotate.getByRole('slider', { name: /Angle/ });
    const before = { hashes: await pixels(rotate), image: await drawn(rotate) };
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(rotate.locator('output').textContent()).resolves.toBe('35°');
    expect(await slider.getAttribute('aria-valuetext')).toBe('35°');
    expect(await pixels(rotate)).not.toEqual(before.hashes);
    expect(await drawn(rotate)).not.toBe(before.image);
    // Blur at sigma 0 is the original image.
    const blur = gallery.locator('[data-augmentation="blur"]');
    await blur.getByRole('slider', { name: /Sigma/ }).fill('0');
    expect(await pixels(blur)).toEqual(original);
    // The training-time row draws again on demand.
    const random = gallery.locator('[data-augmentation="random"]');
    const firstDraw = await pixels(random);
    await random.getByRole('button', { name: 'Draw again' }).click();
    expect(await pixels(random)).not.toEqual(firstDraw);

    await expect(output(page, 'expand').textContent()).resolves.toMatch(/ImageSet\(1000 images, 64×64×3/);
    expect(await output(page, 'expand').locator('.image-grid canvas').count()).toBe(10);
    await expect(output(page, 'expand').locator('figcaption').nth(1).textContent()).resolves.toMatch(/\(rotated 30°\)/);

    await expect(output(page, 'train').locator('[data-training-status]').textContent()).resolves.toMatch(finished);
    await validationAccuracy(output(page, 'evaluate'));
    await expect(output(page, 'curves').locator('figcaption').textContent()).resolves.toMatch(/After 2 epochs: training accuracy/);
    expectCleanPage(watch);
    await page.close();
  });
});

describe('the model checkpointing lesson', () => {
  let bestEpochAccuracy: string;

  it('runs all cells: saves the best epoch to IndexedDB, marks it, lists it and restores it', async () => {
    const { page, watch } = await openLesson('06-checkpointing');
    const started = Date.now();
    const states = await runAll(page);
    console.log(`06-checkpointing: Run all took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(Object.values(states).every((state) => state === 'done'), JSON.stringify(states)).toBe(true);
    await expect(output(page, 'train').locator('[data-training-status]').textContent()).resolves.toMatch(finished);

    const figure = output(page, 'saves').locator('[data-figure="checkpoint"]');
    const caption = (await figure.locator('figcaption').textContent())!;
    const [, epoch, accuracy] = /The checkpoint holds epoch (\d) \(validation accuracy (\d+\.\d) %\)/.exec(caption) ?? [];
    expect(epoch).toMatch(/^[12]$/);
    expect(await figure.locator('g[aria-label="dot"] circle').count()).toBeGreaterThanOrEqual(1);
    await expect(output(page, 'saves').textContent()).resolves.toContain(`"best_weights" holds epoch ${epoch}`);

    const row = output(page, 'list').locator('tr[data-checkpoint="best_weights"]');
    const cells = await row.locator('th, td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['best_weights', '06-checkpointing', epoch, `validation accuracy ${accuracy} %`]);

    // The restored model scores exactly what the best epoch scored.
    await expect(output(page, 'restore').locator('.notice').textContent()).resolves.toBe(`Restored "best_weights": the weights of epoch ${epoch} (val_acc ${accuracy} %).`);
    expect((await validationAccuracy(output(page, 'restore'))).toFixed(1)).toBe(accuracy);
    await validationAccuracy(output(page, 'evaluate-last'));
    bestEpochAccuracy = accuracy!;
    expectCleanPage(watch);
    await page.close();
  });

  it('still lists the checkpoint after a reload, restores it into a fresh model and downloads it as files', async () => {
    const { page, watch } = await openLesson('06-checkpointing');
    for (const id of ['load', 'model', 'list']) await runCell(page, id);
    const row = output(page, 'list').locator('tr[data-checkpoint="best_weights"]');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe(`validation accuracy ${bestEpochAccuracy} %`);

    await row.getByRole('button', { name: 'Restore best_weights' }).click();
    await page.waitForFunction(() => /Restored "best_weights"/.test(document.querySelector('[data-checkpoint="best_weights"] [role="status"]')?.textContent ?? ''));
    await runCell(page, 'restore');
    expect((await validationAccuracy(output(page, 'restore'))).toFixed(1)).toBe(bestEpochAccuracy);

    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await row.getByRole('button', { name: 'Download best_weights' }).click();
    await page.waitForFunction(() => /Downloading/.test(document.querySelector('[data-checkpoint="best_weights"] [role="status"]')?.textContent ?? ''));
    await expect.poll(() => downloads.sort(), { timeout: 15_000 }).toEqual(['best_weights.json', 'best_weights.weights.bin']);
    expectCleanPage(watch);
    await page.close();
  });
});

describe('the all-together lesson', () => {
  it('runs all cells: the combined model with every technique, and a comparison of the runs made in this browser', async () => {
    const { page, watch } = await openLesson('07-all-together');
    const started = Date.now();
    const states = await runAll(page);
    console.log(`07-all-together: Run all took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(Object.values(states).every((state) => state === 'done'), JSON.stringify(states)).toBe(true);
    await expect(output(page, 'train').locator('[data-training-status]').textContent()).resolves.toMatch(/^(Finished|Training stopped by a callback): [12] epochs?/);
    expect(await output(page, 'curves').locator('[data-figure="history"]').count()).toBe(1);
    expect(await output(page, 'curves').locator('[data-figure="checkpoint"]').count()).toBe(1);
    await validationAccuracy(output(page, 'evaluate'));

    const comparison = output(page, 'compare').locator('[data-figure="run-comparison"]');
    const rows = await comparison.locator('tr[data-run]').evaluateAll((elements) => elements.map((row) => [...row.children].map((c) => c.textContent)));
    const names = await comparison.locator('tr[data-run] th').evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent));
    const lessons = await comparison.locator('tr[data-run] .run-lesson').allTextContents();
    // The runs of the augmentation, checkpointing and all-together lessons, in that order, named by what they are.
    expect(names).toEqual([
      'MLP + batch norm + dropout 0.5 + augmentation',
      'MLP + checkpoint',
      'MLP + batch norm + dropout 0.5 + augmentation + early stopping (patience 10) + checkpoint',
    ]);
    expect(lessons).toEqual(['05-augmentation', '06-checkpointing', '07-all-together']);
    expect(rows[0]![1]).toContain('· augmented');
    expect(rows[1]![1]).toBe('dense 100 sigmoid → dense 100 sigmoid → dense 1 sigmoid · model checkpoint');
    expect(rows[2]![1]).toMatch(/batchNormalization → dropout 0\.5 .* · augmented · early stopping \(patience 10\), model checkpoint$/);
    expect(await comparison.locator('[data-metric="val_acc"] g[aria-label="line"] path').count()).toBe(3);
    // Every column within the screen, on a laptop and on a phone: nothing sits off to the right.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const fit = await comparison.evaluate((figure) => ({
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        right: Math.max(...[...figure.querySelectorAll('th, td, svg')].map((element) => element.getBoundingClientRect().right)),
      }));
      expect(fit.page, `page width at ${width} px`).toBeLessThanOrEqual(fit.viewport);
      expect(fit.right, `right edge of the run comparison at ${width} px`).toBeLessThanOrEqual(fit.viewport);
    }
    expectCleanPage(watch);
    await page.close();
  });
});
