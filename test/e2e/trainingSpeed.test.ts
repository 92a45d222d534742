import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { output, pressRun, useBrowser } from './helpers';

// What the reader learns about training speed: the backend and path in use, the measured
// images per second, and, from the second run on, how long a training cell will take.

const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function runThroughTraining(page: Page): Promise<string> {
  for (const id of ['load', 'split', 'model', 'compile']) {
    expect(await pressRun(page, id)).toBe('done');
  }
  expect(await pressRun(page, 'train')).toBe('done');
  return (await output(page, 'train').locator('[data-training-status]').textContent()) ?? '';
}

describe('training speed shown to the reader', () => {
  it('reports images/s on the course path, and estimates the next run from it', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=2`);
    const finished = await runThroughTraining(page);
    expect(finished).toMatch(/^Finished: 2 epochs in \d+:\d\d · training accuracy [\d.]+ % · validation accuracy [\d.]+ % · [\d,.]+ images\/s \(wasm, course training path\)$/);
    const rate = Number(finished.match(/([\d,.]+) images\/s/)![1]!.replace(/,/g, ''));
    expect(rate).toBeGreaterThan(0);

    // Rerun the training cell: before its first batch ends the panel says how long it should take.
    expect(await pressRun(page, 'model')).toBe('done');
    expect(await pressRun(page, 'compile')).toBe('done');
    const statuses: string[] = [];
    await page.exposeFunction('recordStatus', (text: string) => { statuses.push(text); });
    await page.evaluate(() => {
      new MutationObserver(() => {
        const status = document.querySelector('[data-cell="train"] [data-training-status]');
        if (status?.textContent) (window as unknown as { recordStatus(text: string): void }).recordStatus(status.textContent);
      }).observe(document.querySelector('[data-cell="train"] [data-cell-output]')!, { subtree: true, childList: true, characterData: true });
    });
    expect(await pressRun(page, 'train')).toBe('done');
    expect(statuses[0]).toMatch(/^Epoch 0\/2: starting… · expected to take about \d+:\d\d \(measured on this device before\)$/);
    expect(statuses.some((text) => /· ETA \d+:\d\d · [\d,.]+ images\/s$/.test(text))).toBe(true);
    await page.close();
  });

  it('trains with stock TF.js when the address asks for it, and says so', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}lessons/01-baseline/?maxEpochs=1&training=stock`);
    const finished = await runThroughTraining(page);
    expect(finished).toMatch(/ images\/s \(wasm\)$/);
    await expect(page.locator('[data-kernel-status]').textContent()).resolves.toMatch(/training path: stock TF\.js/);
    await page.close();
  });
});
