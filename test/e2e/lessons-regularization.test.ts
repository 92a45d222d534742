import { describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { watchPage } from '../../scripts/lib/chromium';
import { output, runAll, typeInto, useBrowser } from './helpers';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
const browser = useBrowser();

async function openLesson(slug: string): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await browser().newPage();
  const watch = watchPage(page, origin);
  await page.goto(`${siteUrl}lessons/${slug}/?maxEpochs=2`);
  return { page, watch };
}

/** The evaluation ends every lesson: accuracy, a confusion matrix over all 360 validation images, false negatives. */
async function expectValidationReport(report: Locator): Promise<void> {
  const accuracy = Number(/Validation accuracy: (\d+\.\d) %/.exec((await report.locator('.evaluation-accuracy').textContent()) ?? '')?.[1]);
  expect(accuracy).toBeGreaterThan(30);
  expect(accuracy).toBeLessThanOrEqual(100);
  const counts = (await report.locator('table[data-figure="confusion-matrix"] td').allTextContents()).map(Number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(360);
  expect(Number(await report.locator('[data-false-negatives]').getAttribute('data-false-negatives'))).toBe(counts[2]);
}

function expectCleanPage(watch: ReturnType<typeof watchPage>): void {
  expect(watch.failedRequests).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
}

const finished = /^Finished: 2 epochs in \d+:\d\d · training accuracy \d+\.\d % · validation accuracy \d+\.\d %/;

describe('the early stopping lesson', () => {
  it('runs all cells; the figure marks where and why training stopped; restoring the best weights is reported', async () => {
    const { page, watch } = await openLesson('02-early-stopping');
    expect(await page.locator('h1').textContent()).toBe('Early stopping: stop when validation stops improving');
    // Two epochs are too few for the article's settings to trigger: demand an impossible improvement instead.
    await typeInto(page, 'stopper5', "const stopper5 = earlyStopping({ monitor: 'val_loss', minDelta: 1, patience: 1, mode: 'min' });");
    const states = await runAll(page);
    expect(Object.values(states).every((state) => state === 'done'), JSON.stringify(states)).toBe(true);

    await expect(output(page, 'train5').locator('[data-training-status]').textContent()).resolves.toMatch(/^Training stopped by a callback: 2 epochs/);
    const figure5 = output(page, 'figure5').locator('[data-figure="early-stopping"]');
    expect(await figure5.getAttribute('data-stopped-epoch')).toBe('2');
    expect(await figure5.getAttribute('data-best-epoch')).toBe('1');
    await expect(figure5.locator('[data-metric="loss"]').textContent()).resolves.toContain('stopped at epoch 2');
    await expect(figure5.locator('[data-stopping-reason]').textContent()).resolves.toBe(
      'EarlyStopping(val_loss, min delta 1, patience 1): stopped after epoch 2: no decrease of val_loss by more than 1 for 1 epoch.',
    );

    await expect(output(page, 'stopper10').locator('[data-training-status]').textContent()).resolves.toMatch(finished);
    const figure10 = output(page, 'figure10').locator('[data-figure="early-stopping"]');
    expect(await figure10.getAttribute('data-stopped-epoch')).toBeNull();
    await expect(figure10.locator('[data-stopping-reason]').textContent()).resolves.toMatch(/patience 10\): did not stop: ran all 2 epochs; [01] of 10 epochs of patience used\.$/);
    // Epoch 2 is the last: the caption never calls its weights "not of the last epoch".
    await expect(figure10.locator('figcaption').textContent()).resolves.toMatch(/(The model now holds the weights of epoch 1, not those of the last epoch \(2\)|The model holds the weights of epoch 2, which is also its last epoch: restoring changed nothing)\.$/);
    await expect(output(page, 'restore').textContent()).resolves.toMatch(/^Last epoch \(2\): validation loss \d\.\d{4}, accuracy \d+\.\d % — the model without restoreBestWeights\. Restored \(epoch [12]\): validation loss \d\.\d{4}, accuracy \d+\.\d %\.$/);

    const compare = output(page, 'compare').locator('[data-figure="comparison"]');
    await expect(compare.locator('figcaption').textContent()).resolves.toMatch(/patience 5: stopped early after 2 epochs, .* patience 10: 2 epochs/);
    await expect(compare.locator('[data-metric="loss"]').textContent()).resolves.toContain('patience 5: stopped at epoch 2');
    await expectValidationReport(output(page, 'evaluate'));
    expectCleanPage(watch);
    await page.close();
  });
});

describe('the dropout lesson', () => {
  it('runs all cells; the mask viewer drops about half the units in training and none at inference', async () => {
    const { page, watch } = await openLesson('03-dropout');
    const states = await runAll(page);
    expect(Object.values(states).every((state) => state === 'done'), JSON.stringify(states)).toBe(true);

    const viewer = output(page, 'masks').locator('[data-figure="dropout-masks"]');
    expect(await viewer.getAttribute('data-units')).toBe('100');
    const fraction = Number(await viewer.getAttribute('data-fraction-dropped'));
    expect(fraction).toBeGreaterThan(0.35);
    expect(fraction).toBeLessThan(0.65);
    // Six training steps and inference, 100 units each.
    expect(await viewer.locator('g[aria-label="cell"] rect').count()).toBe(700);
    const rows = await viewer.locator('table tr').allTextContents();
    expect(rows).toHaveLength(8);
    expect(rows[1]).toMatch(/^training step 1\d+\.\d %×2\.00—$/);
    expect(rows[7]).toBe('inference0.0 %×1.00 (unchanged)—');
    await expect(viewer.locator('[data-dropout-summary]').textContent()).resolves.toMatch(/rate 0\.5: on 6 training steps of 128 images, \d+\.\d % of the units were dropped \(the rate asks for 50\.0 %\)/);

    await expect(output(page, 'train-plain').locator('[data-training-status]').textContent()).resolves.toMatch(finished);
    await expect(output(page, 'train-dropout').locator('[data-training-status]').textContent()).resolves.toMatch(finished);
    await expect(output(page, 'compare').locator('figcaption').textContent()).resolves.toMatch(/without dropout: 2 epochs, .* with dropout: 2 epochs/);
    await expectValidationReport(output(page, 'evaluate'));
    expectCleanPage(watch);
    await page.close();
  });
});

describe('the batch normalization lesson', () => {
  it('runs all cells; the panel shows 100 units, batch against moving statistics, updated during training', async () => {
    const { page, watch } = await openLesson('04-batch-normalization');
    const states = await runAll(page);
    expect(Object.values(states).every((state) => state === 'done'), JSON.stringify(states)).toBe(true);

    const live = output(page, 'train-bn').locator('[data-batch-norm-panel]');
    // Before training, every 5 of the 2 × 7 batches (batches 5 and 10), and after training: 4 updates.
    expect(Number(await live.getAttribute('data-updates'))).toBe(4);
    const panel = live.locator('[data-figure="batch-norm"]');
    expect(await panel.getAttribute('data-units')).toBe('100');
    expect(await panel.locator('[data-chart="mean"] g[aria-label="dot"] circle').count()).toBe(200);
    expect(await panel.locator('[data-chart]').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-chart')))).toEqual(['mean', 'variance', 'gamma-beta', 'before', 'after', 'trace']);
    await expect(panel.locator('.batch-norm-heading').textContent()).resolves.toMatch(/^batch_normalization_\w+ after training \(2 epochs\): 100 units, statistics of a batch of 128 training images\.$/);
    const summary = (await panel.locator('[data-batch-norm-summary]').textContent())!;
    const [, beforeMean, , afterMean, afterSpread] = /Before: activations average (-?\d\.\d+) \(spread (\d\.\d+)\); after: (-?\d\.\d+) \(spread (\d\.\d+)\)/.exec(summary)!.map(Number);
    expect(beforeMean).toBeGreaterThan(0);
    expect(beforeMean).toBeLessThan(1);
    expect(Math.abs(afterMean!)).toBeLessThan(0.1);
    expect(afterSpread).toBeGreaterThan(0.3);
    expect(afterSpread).toBeLessThan(1.2);
    await expect(output(page, 'train-bn').locator('[data-training-status]').textContent()).resolves.toMatch(finished);

    await expect(output(page, 'train-plain').locator('[data-training-status]').textContent()).resolves.toMatch(finished);
    await expect(output(page, 'compare').locator('figcaption').textContent()).resolves.toMatch(/without batch norm: 2 epochs, .* with batch norm: 2 epochs/);
    await expect(output(page, 'evaluate-train').locator('.evaluation-accuracy').textContent()).resolves.toMatch(/^Training accuracy: \d+\.\d % \(840 images/);
    await expectValidationReport(output(page, 'evaluate'));
    expectCleanPage(watch);
    await page.close();
  });
});
