import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { output, runCode, useBrowser } from './helpers';

// Issue 15: one notebook scope, the editor's help, and working like a notebook.
const siteUrl = inject('siteUrl');
const browser = useBrowser();

async function openLesson(path: string): Promise<Page> {
  const page = await browser().newPage();
  await page.goto(`${siteUrl}lessons/${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
  return page;
}

describe('one notebook scope', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openLesson('01-baseline/');
  });
  afterAll(async () => {
    await page?.close();
  });

  it('a closure reads the live binding: [epochs, show()] prints [50, 50]', async () => {
    expect(await runCode(page, 'load', 'let epochs = 10;\nfunction show() { return epochs }')).toBe('done');
    expect(await runCode(page, 'split', 'epochs = 50')).toBe('done');
    expect(await runCode(page, 'model', '[epochs, show()]')).toBe('done');
    await expect.poll(() => output(page, 'model').textContent()).toMatch(/\[\s*50,\s*50\s*\]/);
  });
});
