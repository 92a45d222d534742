import { describe, expect, inject, it } from 'vitest';
import { resolve } from 'node:path';
import { startStaticServer } from '../../scripts/lib/staticServer';
import { output, pressRun, useBrowser } from './helpers';

// The course kernels in a real browser: on a cross-origin isolated page they run on every core
// and compute what stock TF.js computes; without isolation they run on one thread and say why.

const siteUrl = inject('siteUrl');
const browser = useBrowser();

describe('the course kernels in Chromium', () => {
  it('use every core on an isolated page, every thread takes part, and products and Adam steps match stock TF.js', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}bench/?backend=wasm`);
    await page.waitForFunction(() => window.courseBench !== undefined && crossOriginIsolated, undefined, { timeout: 60_000 });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const check = await page.evaluate(() => window.courseBench!.checkKernels());
    expect(check.threads).toBe(Math.min(cores, 16));
    expect(check.singleThreadedBecause).toBeNull();
    expect(check.chunksTaken).toHaveLength(check.threads);
    if (check.threads > 1) expect(check.chunksTaken.every((count) => count > 0)).toBe(true);
    // The products of the article's MLP at 64×64 (K up to 12288; observed 1e-5) and 3 Adam steps of
    // MLP + BN + dropout at lr 1e-3: Adam divides each gradient by its own size, so a weight whose
    // gradient is near 0 can move by up to lr either way on a rounding difference (observed 5e-5).
    expect(check.worstProduct).toBeLessThan(1e-4);
    expect(check.worstWeights).toBeLessThan(3e-4);
    await page.close();
  });

  it('show their thread count in the backend line of a lesson', async () => {
    const page = await browser().newPage();
    await page.goto(`${siteUrl}lessons/01-baseline/?backend=wasm`);
    expect(await pressRun(page, 'load', 180_000)).toBe('done');
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const expected = cores > 1 ? new RegExp(`training path: course kernels on ${Math.min(cores, 16)} threads`) : /course kernels, single-threaded: one core/;
    await expect(page.locator('[data-kernel-status]').textContent()).resolves.toMatch(expected);
    await page.close();
  });

  it('train single-threaded without cross-origin isolation, and the backend line says why', async () => {
    const { server, url } = await startStaticServer({ root: resolve(process.env.E2E_DIST ?? 'dist'), isolate: false });
    // No service worker either: it would make the page isolated after one reload.
    const context = await browser().newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto(`${url}lessons/01-baseline/?backend=wasm&maxEpochs=1`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      for (const id of ['load', 'split', 'model', 'compile', 'train']) expect(await pressRun(page, id, 180_000)).toBe('done');
      await expect(page.locator('[data-kernel-status]').textContent()).resolves.toMatch(/training path: course kernels, single-threaded: page not cross-origin isolated/);
      await expect(output(page, 'train').locator('[data-training-status]').textContent()).resolves.toMatch(/^Finished: 1 epoch .* images\/s \(wasm, course training path\)$/);
    } finally {
      await context.close();
      server.close();
    }
  });
});
