import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { output, runCode, useBrowser } from './helpers';

// The lesson page's chrome at a desktop and a phone width: the sticky notebook bar is one slim row
// with the backend's details on demand, in-page anchors land below it, and training output (status
// lines, captions, charts, the checkpoint list) stays on screen.

const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function open(path: string, width: number): Promise<Page> {
  const page = await browser().newPage({ viewport: { width, height: 800 } });
  await page.goto(`${siteUrl}${path}`);
  await page.locator('[data-cell]').first().waitFor();
  return page;
}

/** Elements inside `selector` that stick out to the right of the viewport or of their scrolling output area. */
async function cutOff(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) => elements.flatMap((element) => {
    const box = element.getBoundingClientRect();
    const area = element.closest('[data-cell-output]')?.getBoundingClientRect();
    const right = Math.min(document.documentElement.clientWidth, area?.right ?? Infinity);
    return box.width > 0 && box.right > right + 1 ? [`${element.tagName.toLowerCase()} "${(element.textContent ?? '').slice(0, 40)}" ends at ${Math.round(box.right)} px, the area at ${Math.round(right)} px`] : [];
  }));
}

for (const width of [1280, 375]) {
  describe(`the lesson page at ${width} px`, () => {
    it('has a one-row notebook bar; the backend line is behind Details', async () => {
      const page = await open('lessons/01-baseline/', width);
      const bar = page.locator('.notebook-bar');
      const height = (await bar.boundingBox())!.height;
      // One row of buttons (was 147 px with the backend line written out).
      expect(height).toBeLessThanOrEqual(56);
      expect(await page.locator('[data-kernel-status]').isVisible()).toBe(false);
      await page.getByText('Details', { exact: true }).click();
      expect(await page.locator('[data-kernel-status]').isVisible()).toBe(true);
      expect((await bar.boundingBox())!.height).toBe(height);
      expect(await cutOff(page, '.notebook-bar > *')).toEqual([]);
      await page.close();
    });

    it('lands in-page anchors below the sticky bar', async () => {
      const page = await open('lessons/01-baseline/', width);
      const link = page.locator('.toc a').nth(1);
      const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
      await link.click();
      await page.waitForFunction((id) => location.hash === `#${encodeURIComponent(id)}` || location.hash === `#${id}`, target);
      await page.waitForTimeout(300);
      const bar = (await page.locator('.notebook-bar').boundingBox())!;
      const heading = (await page.locator(`[id="${target}"]`).boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
      expect(heading.y).toBeLessThan(bar.y + bar.height + 80);
      await page.close();
    });

    it('keeps training status lines, captions, chart labels and the checkpoint list’s buttons on screen', async () => {
      const page = await open('lessons/06-checkpointing/?maxEpochs=3', width);
      const code = [
        "import * as tf from '@tensorflow/tfjs';",
        'const data = await loadDataset({ resolution: 32 });',
        'const { train, validation } = trainTestSplit(data.subset(Array.from({ length: 96 }, (_, i) => i * 12)), { testSize: 0.25, randomState: 1 });',
        'const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [data.featureCount], units: 4, activation: "sigmoid" }), tf.layers.dense({ units: 1, activation: "sigmoid" })] });',
        'model.compile({ optimizer: tf.train.adam(0.01), loss: "binaryCrossentropy", metrics: ["accuracy"] });',
        'const checkpoint = modelCheckpoint({ monitor: "val_accuracy", name: "a-checkpoint-with-a-rather-long-name" });',
        'const history = await fit(model, train, { validation, epochs: 3, batchSize: 16, callbacks: [checkpoint] });',
        'display(plotHistory(history));',
        'display(plotCheckpoints(history, checkpoint));',
        'await listCheckpoints({ model })',
      ].join('\n');
      const id = await page.locator('[data-cell]').first().getAttribute('data-cell');
      expect(await runCode(page, id!, code)).toBe('done');
      const area = output(page, id!);
      await expect(area.locator('[data-training-status]').textContent()).resolves.toMatch(/^Finished: 3 epochs/);
      const lines = await cutOff(page, '[data-training-status], figcaption');
      expect(lines, lines.join('; ')).toEqual([]);
      const labels = await cutOff(page, '[data-figure] svg text');
      expect(labels, labels.join('; ')).toEqual([]);
      const remove = area.getByRole('button', { name: /^Delete a-checkpoint/ });
      const buttons = await cutOff(page, '.checkpoint-list button');
      expect(buttons, buttons.join('; ')).toEqual([]);
      await remove.click();
      await page.close();
    });
  });
}
