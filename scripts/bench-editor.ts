/**
 * The editor's budgets (issue 15), measured on the built site in headless Chromium:
 *   - JavaScript a lesson page loads before the reader acts (gzip), against the 150 KB budget;
 *   - what the language service loads on demand (TypeScript's worker and the type pack, gzip), against 2.5 MB;
 *   - time from the first focus of an editor to the first diagnostics on screen, against 3 s (median of runs);
 *   - keystroke-to-paint while typing in the longest cell with the service active (p50/p95/max), against 50 ms
 *     at the 95th percentile, with the same typing in a plain <textarea> on the same page as the baseline.
 *     Measured with the browser's Event Timing (a key's input to the next paint after its handlers ran, in 8 ms
 *     steps; keys under 16 ms are not reported and count as 16 ms).
 *
 *   npm run bench:editor [-- --dir dist --runs 3 --keys 160]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import { startStaticServer } from './lib/staticServer';
import { measurePage } from './js-budget';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' }, keys: { type: 'string', default: '160' } } });
const dir = values.dir!;
const LESSON = 'lessons/03-dropout/';
const LONGEST_CELL = 'model';
const TYPED = '\nconst extra = tf.layers.dense({ units: hiddenUnits, activation: "relu" });\nconst summary = `${extra.name}: ${model.countParams()} parameters`;\n';

const gzipKB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const median = (values: number[]) => quantile(values, 0.5);

async function openLesson(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}${LESSON}`);
  await page.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
  // The service worker may reload the page once to make it cross-origin isolated.
  await page.waitForTimeout(500);
  await page.waitForFunction(() => document.documentElement.dataset.notebookReady === 'true');
  return page;
}

/** Focuses the cell's editor for the first time; returns ms to the first diagnostics and the files loaded for them (the worker's too). */
async function firstDiagnostics(page: Page): Promise<{ ms: number; files: string[] }> {
  const cell = page.locator(`[data-cell="${LONGEST_CELL}"]`);
  await cell.locator('[data-cell-code]').hover();
  await cell.locator('.cm-content').waitFor();
  await page.waitForTimeout(300);
  const requested: string[] = [];
  const record = (request: { url(): string }) => requested.push(new URL(request.url()).pathname);
  page.context().on('request', record);
  const focusAt = await page.evaluate((id) => {
    (document.querySelector(`[data-cell="${id}"] .cm-content`) as HTMLElement).focus();
    return performance.now();
  }, LONGEST_CELL);
  await page.waitForFunction(() => document.documentElement.dataset.typeCheck === 'ready', undefined, { timeout: 60_000 });
  const readyAt = Number(await page.evaluate(() => document.documentElement.dataset.typeCheckAt));
  page.context().off('request', record);
  return { ms: readyAt - focusAt, files: requested };
}

/** Types `text` key by key into `target`; returns each keystroke's input-to-next-paint (ms) from Event Timing. */
async function keystrokeToPaint(page: Page, text: string, target: string): Promise<number[]> {
  await page.evaluate(() => {
    const durations = new Map<number, number>();
    (window as unknown as { keyTimings: Map<number, number> }).keyTimings = durations;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEventTiming & { interactionId?: number }>) {
        if (!entry.interactionId || !/^key/.test(entry.name)) continue;
        durations.set(entry.interactionId, Math.max(durations.get(entry.interactionId) ?? 0, entry.duration));
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
  await page.locator(target).focus();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(300);
  await page.evaluate(() => (window as unknown as { keyTimings: Map<number, number> }).keyTimings.clear());
  for (const key of text) {
    await page.keyboard.type(key);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(500);
  const slow = await page.evaluate(() => [...(window as unknown as { keyTimings: Map<number, number> }).keyTimings.values()]);
  return [...slow, ...Array.from({ length: Math.max(0, text.length - slow.length) }, () => 16)];
}

const { server, url } = await startStaticServer({ root: dir });
const browser = await launchChromium();
try {
  const firstLoad = measurePage(dir, join(dir, LESSON, 'index.html'));
  const runs: Array<{ ms: number; files: string[] }> = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const page = await openLesson(browser, url);
    runs.push(await firstDiagnostics(page));
    await page.context().close();
  }
  const onDemand = [...new Set(runs[0]!.files)].filter((path) => /\.(js|json)$/.test(path) && existsSync(join(dir, path.replace(/^\/+/, '')))).map((path) => {
    const file = join(dir, path.replace(/^\/+/, ''));
    return { path, kb: statSync(file).size / 1024, gzipKb: gzipKB(file) };
  });

  const page = await openLesson(browser, url);
  await firstDiagnostics(page);
  const keys = (TYPED.repeat(Math.ceil(Number(values.keys) / TYPED.length))).slice(0, Number(values.keys));
  const editor = await keystrokeToPaint(page, keys, `[data-cell="${LONGEST_CELL}"] .cm-content`);
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'bench-baseline';
    document.body.prepend(area);
  });
  const baseline = await keystrokeToPaint(page, keys, '#bench-baseline');
  await page.context().close();

  console.log(`Editor budgets (${LESSON}, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log(`first-load JavaScript of the lesson page: ${firstLoad.gzipBytes / 1024 < 0.05 ? 0 : (firstLoad.gzipBytes / 1024).toFixed(1)} KB gzip (${firstLoad.files.length} files; budget 150 KB)`);
  console.log('loaded on the first focus of an editor (language service and type libraries):');
  for (const file of onDemand) console.log(`  ${file.path.padEnd(48)} ${file.kb.toFixed(0).padStart(6)} KB  ${file.gzipKb.toFixed(0).padStart(6)} KB gzip`);
  const total = onDemand.reduce((sum, file) => sum + file.gzipKb, 0);
  console.log(`  total${' '.repeat(43)} ${onDemand.reduce((sum, f) => sum + f.kb, 0).toFixed(0).padStart(6)} KB  ${total.toFixed(0).padStart(6)} KB gzip = ${(total / 1024).toFixed(2)} MB (budget 2.5 MB)`);
  console.log(`first diagnostics after the first focus: ${runs.map((r) => `${(r.ms / 1000).toFixed(2)} s`).join(', ')}; median ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} s (budget 3 s)`);
  const row = (name: string, latencies: number[]) => `  ${name.padEnd(34)} p50 ${median(latencies).toFixed(1).padStart(5)} ms   p95 ${quantile(latencies, 0.95).toFixed(1).padStart(5)} ms   max ${Math.max(...latencies).toFixed(1).padStart(5)} ms   (${latencies.length} keys)`;
  console.log('keystroke to next painted frame, typing in the longest cell with the service active:');
  console.log(row(`editor, cell "${LONGEST_CELL}" of ${LESSON}`, editor));
  console.log(row('baseline: a plain <textarea>', baseline));
  console.log(`  editor p95 / baseline p95: ${(quantile(editor, 0.95) / quantile(baseline, 0.95)).toFixed(2)} (budget: editor p95 ≤ 50 ms)`);
} finally {
  await browser.close();
  server.close();
}
