import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cell, output, runCode, typeInto, useBrowser, waitForState } from './helpers';

// Issue 14, items 1–7: the reader's work in the browser is never lost or misreported silently.
const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function openLesson(path: string, context: Pick<Browser, 'newPage'> = browser()): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
  return page;
}

describe('an unknown ?backend= in the address (item 4)', () => {
  const pages: Page[] = [];
  afterAll(async () => {
    for (const page of pages) await page.close();
  });

  it.each([
    ['foo', /\?backend=foo is not a TensorFlow\.js backend of this page \(it has cpu, wasm and webgl\)/],
    ['webgpu', /\?backend=webgpu is not a TensorFlow\.js backend of this page \(it has cpu, wasm and webgl\)/],
  ])('?backend=%s: the cell runs on the automatic choice and says which backends exist', async (requested, notice) => {
    const page = await openLesson(`lessons/01-baseline/?backend=${requested}`);
    pages.push(page);
    expect(await runCode(page, 'load', '6 * 7', 60_000)).toBe('done');
    const text = await output(page, 'load').textContent();
    expect(text).toMatch(notice);
    expect(text).toContain('42');
    await expect(page.locator('[data-kernel-status]').textContent()).resolves.toMatch(/^TensorFlow\.js backend: (wasm|webgl) \(\?backend=\S+ is not a backend here/);
  });

  it('?backend=WASM is read as wasm', async () => {
    const page = await openLesson('lessons/01-baseline/?backend=WASM');
    pages.push(page);
    expect(await runCode(page, 'load', '6 * 7', 60_000)).toBe('done');
    await expect(output(page, 'load').textContent()).resolves.toBe('42');
    await expect(page.locator('[data-kernel-status]').textContent()).resolves.toMatch(/^TensorFlow\.js backend: wasm \(chosen in the page address/);
  });

  it('a kernel that fails to start fails the cell with its message instead of leaving it "running"', async () => {
    // No service worker, so the page's own requests reach the route below.
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const page = await openLesson('lessons/01-baseline/', context);
    pages.push(page);
    // The kernel's code cannot be fetched (a deployment replaced it, or the network is gone).
    await page.route(/\/_astro\/runtime[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    expect(await runCode(page, 'load', '6 * 7', 60_000)).toBe('error');
    await expect(output(page, 'load').textContent()).resolves.toMatch(/^The notebook could not start: .+/);
  });
});

describe('a tensor too large for the browser (item 7)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('lessons/01-baseline/?backend=wasm');
  });
  afterAll(async () => {
    await page?.close();
  });
  const stillWorks = async () => {
    expect(await runCode(page, 'split', 'tf.ones([2, 2]).sum().dataSync()[0]')).toBe('done');
    await expect(output(page, 'split').textContent()).resolves.toBe('4');
  };

  it('says that tf.zeros([50000, 50000]) needs 10 GB and the browser gave less, and the page goes on', async () => {
    expect(await runCode(page, 'load', "import * as tf from '@tensorflow/tfjs';\nconst huge = tf.zeros([50000, 50000]);")).toBe('error');
    const text = await output(page, 'load').textContent();
    expect(text).toMatch(/^Out of memory: tf\.zeros\(\[50000, 50000\]\) needs 10 GB \(2,500,000,000 float32 values\), and the browser gave less \(.+\)\. Try a smaller tensor, batch or image size\./);
    expect(text).toContain('line 2');
    await stillWorks();
  });

  it('says how large the result of an operation would be, instead of breaking the wasm heap', async () => {
    expect(await runCode(page, 'model', 'const outer = tf.matMul(tf.ones([40000, 1]), tf.ones([1, 40000]));')).toBe('error');
    await expect(output(page, 'model').textContent()).resolves.toMatch(/^Out of memory: a tensor of shape \[(1, )?40000, 40000\] needs 6\.4 GB \(1,600,000,000 float32 values\), and the browser gave less/);
    await stillWorks();
  });
});

describe('huge outputs (item 6)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('lessons/01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });
  /** How long the page takes to answer (its main thread is free). */
  const responseTime = async () => {
    const started = Date.now();
    await page.evaluate(() => document.querySelectorAll('[data-cell]').length);
    return Date.now() - started;
  };

  it('folds 100,000 console.log lines after the first 1,000, with a control that shows more', async () => {
    const started = Date.now();
    expect(await runCode(page, 'load', 'for (let i = 0; i < 100000; i++) console.log("line", i);\n"printed"', 120_000)).toBe('done');
    console.log(`100,000 console.log lines: the cell finished in ${((Date.now() - started) / 1000).toFixed(1)} s (measured from the test, typing included)`);
    const lines = output(page, 'load').locator('.nb-console');
    expect(await lines.count()).toBe(1000);
    await expect(lines.first().textContent()).resolves.toBe('line 0');
    await expect(lines.last().textContent()).resolves.toBe('line 999');
    const more = output(page, 'load').getByRole('button', { name: /^Show 1,000 more lines \(99,000 not shown\)$/ });
    await expect(more.isVisible()).resolves.toBe(true);
    // The cell's value still shows, after the folded lines.
    await expect(output(page, 'load').locator('.nb-value').last().textContent()).resolves.toBe('printed');
    expect(await responseTime()).toBeLessThan(1000);
    await more.click();
    expect(await lines.count()).toBe(2000);
    await expect(lines.nth(1999).textContent()).resolves.toBe('line 1999');
    await expect(output(page, 'load').getByRole('button', { name: /^Show 1,000 more lines \(98,000 not shown\)$/ }).isVisible()).resolves.toBe(true);
  });

  it('shows the start of a 50 MB string value with a control that shows more, not the whole string', async () => {
    expect(await runCode(page, 'split', '"x".repeat(50_000_000)', 120_000)).toBe('done');
    const length = () => output(page, 'split').evaluate((element) => element.textContent!.length);
    expect(await length()).toBeLessThan(20_000);
    const more = output(page, 'split').getByRole('button', { name: /^Show more \(49,990,000 more characters\)$/ });
    await more.click();
    expect(await length()).toBeGreaterThan(100_000);
    expect(await length()).toBeLessThan(200_000);
    expect(await responseTime()).toBeLessThan(1000);
  });

  it('cuts a 50 MB console line the same way', async () => {
    expect(await runCode(page, 'model', 'console.log("start", "y".repeat(50_000_000));', 120_000)).toBe('done');
    expect(await output(page, 'model').evaluate((element) => element.textContent!.length)).toBeLessThan(20_000);
    await expect(output(page, 'model').locator('.nb-console').textContent()).resolves.toMatch(/^start y{9999}/);
    await expect(output(page, 'model').getByRole('button', { name: /^Show more \(49,990,000 more characters\)$/ }).isVisible()).resolves.toBe(true);
  });

  it('speaks Chinese on a Chinese lesson', async () => {
    const zh = await openLesson('zh/lessons/01-baseline/');
    try {
      await typeInto(zh, 'load', 'for (let i = 0; i < 1500; i++) console.log(i);');
      await cell(zh, 'load').locator('[data-cell-run]').click();
      expect(await waitForState(zh, 'load', ['done', 'error'])).toBe('done');
      await expect(output(zh, 'load').getByRole('button', { name: '再显示 500 行（还有 500 行未显示）' }).isVisible()).resolves.toBe(true);
    } finally {
      await zh.close();
    }
  });
});
