/**
 * Runs a lesson's "Run all" in a Chromium page of the built site and reads back what the reader
 * would see: the cells' states, the training and evaluation lines, every cell's output text, and
 * the training runs the page recorded (the run log in localStorage, with every epoch's figures).
 * Used by `npm run lesson:run` and by `npm run claims`.
 */
import type { Browser } from 'playwright-core';
import { lessonCells } from '../../src/lessons/cells';
import { createEditStore } from '../../src/client/editStore';
import { readRuns, RUN_LOG_KEY, type RunRecord } from '../../src/ml/runLog';
import { LESSONS_ROOT } from '../../src/lessons/layout';
import { join } from 'node:path';

export interface LessonRunOptions {
  /** The page's address options: maxEpochs, backend, training. */
  query?: Record<string, string | undefined>;
  /** Seconds to wait for Run all to finish. */
  timeout?: number;
  /** Cells to run with other code, by cell id, as if the reader had edited them before pressing Run all. */
  edits?: Record<string, string>;
  /** Called with the page's uncaught errors. */
  onPageError?: (message: string) => void;
}

export interface LessonRunReport {
  seconds: number;
  states: string[];
  training: string[];
  evaluations: string[];
  kernel?: string;
  errors: string[];
  /** Every cell's output text, by cell id. */
  outputs: Record<string, string>;
  /** The training runs this Run all recorded, oldest first. */
  runs: RunRecord[];
}

/** The saved-edit entries the lesson page reads at start-up (src/client/editStore.ts), for `edits`. */
export function editEntries(lesson: string, edits: Record<string, string>): Record<string, string> {
  const cells = lessonCells(join(LESSONS_ROOT, lesson));
  const data = new Map<string, string>();
  const store = createEditStore(lesson, {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
    key: (index) => [...data.keys()][index] ?? null,
    get length() { return data.size; },
  });
  for (const [id, source] of Object.entries(edits)) {
    const cell = cells.find((candidate) => candidate.id === id);
    if (!cell) throw new Error(`lesson ${lesson} has no cell "${id}" (it has ${cells.map((c) => c.id).join(', ')})`);
    store.save(id, cell.source, source);
  }
  return Object.fromEntries(data);
}

/** Opens `lesson` of the site at `siteUrl` in a fresh browser context, presses Run all and waits for every cell. */
export async function runLesson(browser: Browser, siteUrl: string, lesson: string, options: LessonRunOptions = {}): Promise<LessonRunReport> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (options.onPageError) page.on('pageerror', (error) => options.onPageError!(error.message));
    const entries = options.edits ? editEntries(lesson, options.edits) : {};
    if (Object.keys(entries).length > 0) {
      await page.addInitScript((saved: Record<string, string>) => {
        for (const [key, value] of Object.entries(saved)) if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
      }, entries);
    }
    const query = new URLSearchParams(Object.entries(options.query ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
    await page.goto(`${siteUrl}lessons/${lesson}/${query.size ? `?${query}` : ''}`);
    const cellCount = await page.locator('[data-cell]').count();
    if (cellCount === 0) throw new Error(`lesson ${lesson} has no cells (is the name right?)`);
    const started = Date.now();
    await page.getByRole('button', { name: 'Run all' }).click();
    await page.waitForFunction(
      () => {
        const states = [...document.querySelectorAll('[data-cell]')].map((cell) => cell.getAttribute('data-cell-state'));
        return states.includes('error') || states.every((state) => state === 'done');
      },
      undefined,
      { timeout: (options.timeout ?? 3600) * 1000, polling: 1000 },
    );
    const seconds = (Date.now() - started) / 1000;
    const report = await page.evaluate((runLogKey) => ({
      states: [...document.querySelectorAll('[data-cell]')].map((cell) => `${cell.getAttribute('data-cell')}: ${cell.getAttribute('data-cell-state')}`),
      training: [...document.querySelectorAll('[data-training-status]')].map((status) => status.textContent ?? ''),
      evaluations: [...document.querySelectorAll('.evaluation-accuracy, [data-false-negatives]')].map((line) => line.textContent ?? ''),
      kernel: document.querySelector('[data-kernel-status]')?.textContent ?? undefined,
      errors: [...document.querySelectorAll('[data-cell-state="error"] [data-cell-output]')].map((output) => output.textContent ?? ''),
      outputs: Object.fromEntries([...document.querySelectorAll('[data-cell]')].map((cell) => [cell.getAttribute('data-cell')!, cell.querySelector('[data-cell-output]')?.textContent ?? ''])),
      runLog: localStorage.getItem(runLogKey),
    }), RUN_LOG_KEY);
    const { runLog, ...rest } = report;
    const runs = readRuns({ getItem: () => runLog, setItem: () => {} }).filter((run) => run.lesson === lesson);
    return { seconds, ...rest, runs };
  } finally {
    await context.close();
  }
}
