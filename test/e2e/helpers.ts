import { afterAll, beforeAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium';

/** Small helpers shared by the end-to-end tests: the browser, cells by id, their output, their state, typing into them. */

/** One Chromium for the whole test file: started before its first test, closed after its last. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium has not started: useBrowser() must be called at the top level of the test file');
    return browser;
  };
}

/** Waits until the lesson page's notebook has wired its cells (it sets data-notebook-ready on <html>). */
export async function waitForNotebook(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
}

/** Reloads a lesson page and waits for its notebook, as a reader coming back to it. */
export async function reloadNotebook(page: Page): Promise<void> {
  await page.reload();
  await waitForNotebook(page);
}

export const cell = (page: Page, id: string): Locator => page.locator(`[data-cell="${id}"]`);
export const output = (page: Page, id: string): Locator => cell(page, id).locator('[data-cell-output]');

export async function waitForState(page: Page, id: string, states: string[], timeout = 240_000): Promise<string> {
  await page.waitForFunction(
    ({ id, states }) => states.includes(document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-state') ?? ''),
    { id, states },
    { timeout, polling: 250 },
  );
  return (await cell(page, id).getAttribute('data-cell-state'))!;
}

/** Replaces a cell's code through its editor, as a reader would: click, select all, type. */
export async function typeInto(page: Page, id: string, code: string): Promise<void> {
  await cell(page, id).locator('[data-cell-code]').click();
  const editor = cell(page, id).locator('.cm-content');
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/**
 * Accepts the completion option matching `label` with Enter, as a reader does: after seeing it.
 * CodeMirror ignores Enter for 75 ms after a list opens (its interactionDelay), so that a list
 * popping up under a fast typist's Enter does not swallow the newline; a person takes longer
 * than that to see an option and press a key, a test that presses on sight does not.
 */
export async function acceptCompletion(page: Page, label: RegExp): Promise<void> {
  await page.locator('.cm-tooltip-autocomplete li', { hasText: label }).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(READER_REACTION_MS);
  await page.keyboard.press('Enter');
}

/** Faster than any person sees an option and presses a key, slower than CodeMirror's 75 ms guard. */
const READER_REACTION_MS = 150;

/** Presses "Run all" and waits until every cell is done or one failed; returns the cells' states by id. */
export async function runAll(page: Page, timeout = 240_000): Promise<Record<string, string>> {
  await page.getByRole('button', { name: 'Run all' }).click();
  await page.waitForFunction(
    () => {
      const states = [...document.querySelectorAll('[data-cell]')].map((c) => c.getAttribute('data-cell-state'));
      return states.includes('error') || states.every((state) => state === 'done');
    },
    undefined,
    { timeout, polling: 500 },
  );
  return Object.fromEntries(await page.locator('[data-cell]').evaluateAll((elements) => elements.map((e) => [e.getAttribute('data-cell'), e.getAttribute('data-cell-state')])));
}

/** Presses a cell's Run button and waits until it is done or failed; returns the state. */
export async function pressRun(page: Page, id: string, timeout = 240_000): Promise<string> {
  await cell(page, id).getByRole('button', { name: 'Run', exact: true }).click();
  return waitForState(page, id, ['done', 'error'], timeout);
}

/** Types code into a cell, presses its Run button and waits until it is done or failed; returns the state. */
export async function runCode(page: Page, id: string, code: string, timeout = 120_000): Promise<string> {
  await typeInto(page, id, code);
  return pressRun(page, id, timeout);
}

/** The tensor count the page's memory meter shows. */
export async function meterTensors(page: Page): Promise<number> {
  const text = (await page.locator('[data-memory-meter]').textContent()) ?? '';
  const match = /Memory: (\d+) tensors?/.exec(text);
  if (!match) throw new Error(`the memory meter shows "${text}"`);
  return Number(match[1]);
}
