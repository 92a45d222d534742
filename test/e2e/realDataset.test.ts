import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, watchPage } from '../../scripts/lib/chromium';
import { startStaticServer } from '../../scripts/lib/staticServer';
import { importDataset } from '../../scripts/lib/dataset/importDataset';
import { cell, output, runAll, waitForState } from './helpers';
import { lessonFolders } from '../../src/lessons/layout';
import { REAL_DATASET } from '../realDataset';

describe.runIf(existsSync(REAL_DATASET))('the lessons on the imported real dataset', () => {
  let browser: Browser;
  let temp: string;
  let url: string;
  let close: () => void;

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'course-real-'));
    await importDataset({ input: REAL_DATASET, payloadDir: join(temp, 'data'), dataset: { id: 'av-emergency', title: 'Emergency vs non-emergency vehicles (Analytics Vidhya)' } });
    // The built site, with its dataset folder swapped for the imported payload.
    const started = await startStaticServer({ root: resolve(process.env.E2E_DIST ?? 'dist'), mounts: { 'data/': join(temp, 'data') } });
    url = started.url;
    close = () => started.server.close();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    close?.();
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('loads the 2352 images in the browser, splits them as the article did and trains 3 epochs', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, new URL(url).origin);
    await page.goto(`${url}lessons/01-baseline/?maxEpochs=3`);
    await page.getByRole('button', { name: 'Run all' }).click();
    expect(await waitForState(page, 'overfitting', ['done', 'error'], 480_000)).toBe('done');
    await expect(output(page, 'load').textContent()).resolves.toMatch(/Loaded Emergency vs non-emergency vehicles \(Analytics Vidhya\): 2352 images at 64×64 \(991 emergency, 1361 non-emergency/);
    // The article's split of these images leaks 46 validation images that have a copy in training.
    await expect(output(page, 'split').textContent()).resolves.toContain('1646 training images, 706 validation images; 46 of the validation images have an exact copy in the training set');
    await expect(output(page, 'train').locator('[data-training-status]').textContent()).resolves.toMatch(/^Finished: 3 epochs/);
    const counts = (await output(page, 'evaluate').locator('table[data-figure="confusion-matrix"] td').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(706);
    expect(await cell(page, 'overfitting').getAttribute('data-cell-state')).toBe('done');
    expect(watch.failedRequests).toEqual([]);
    await page.close();
  });

  // Every other lesson (the baseline is checked in detail above), end to end on the real images (2 epochs per training cell): the same
  // code path as the default dataset, so a lesson that only works on generated images shows up here.
  it.each(lessonFolders().filter((id) => id !== '01-baseline'))('%s runs all its cells on the real images', async (slug) => {
    const page = await browser.newPage();
    const watch = watchPage(page, new URL(url).origin);
    await page.goto(`${url}lessons/${slug}/?maxEpochs=2`);
    const states = await runAll(page, 480_000);
    expect(Object.entries(states).filter(([, state]) => state !== 'done')).toEqual([]);
    await expect(output(page, 'load').textContent()).resolves.toMatch(/Emergency vs non-emergency vehicles \(Analytics Vidhya\): 2352 images/);
    const accuracies = await page.locator('.evaluation-accuracy').allTextContents();
    expect(accuracies.length).toBeGreaterThan(0);
    for (const line of accuracies) expect(line).toMatch(/accuracy: \d+\.\d %/);
    expect(watch.failedRequests).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    await page.close();
  });
});
