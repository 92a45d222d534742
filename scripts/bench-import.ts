/**
 * The import in the page, measured: the article's 2352 images (REAL_DATASET, default ../shared/datasets/av-emergency)
 * zipped into a temporary folder, dropped on the built site's data page in headless Chromium, validated, packed
 * and stored. Prints the seconds from choosing the zip to the report, and the peak memory of the browser's
 * processes (the page and its import worker live in the renderer) sampled every 100 ms, next to the same
 * browser's memory on the idle page. Needs `npm run build` first.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/chromium';
import { startStaticServer } from './lib/staticServer';
import { makeZip } from '../test/dataset/zipWriter';

const dataset = resolve(process.env.REAL_DATASET ?? '../shared/datasets/av-emergency');

/** Memory (MB, proportional set size) of every process below `root` (Chromium's browser, renderers, GPU, utilities). */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
      // Proportional set size: pages shared between Chromium's processes counted once in all.
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${entry}/smaps_rollup`, 'utf8'));
      if (pss) rss.set(Number(entry), Number(pss[1]) * 1024);
    } catch { /* the process ended */ }
  }
  const walk = (pid: number) => { total += rss.get(pid) ?? 0; for (const child of children.get(pid) ?? []) walk(child); };
  walk(root);
  return total / 1e6;
}

const temp = await mkdtemp(join(tmpdir(), 'bench-import-'));
const zipPath = join(temp, 'Dataset.zip');
const names = (await readdir(join(dataset, 'images'))).map((name) => `images/${name}`);
const entries = await Promise.all(['emergency_classification.csv', ...names].map(async (name) => ({ name: `Dataset/${name}`, data: await readFile(join(dataset, name)) })));
await writeFile(zipPath, makeZip(entries));
console.log(`${names.length} images zipped: ${(entries.reduce((sum, entry) => sum + entry.data.length, 0) / 1e6).toFixed(1)} MB`);

const { server, url } = await startStaticServer({ root: resolve('dist') });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${url}data/`);
  await page.locator('[data-import-panel]').waitFor();
  // Playwright starts Chromium as a child of this process (other jobs' browsers are not counted).
  const root = Number(execSync(`pgrep -n -P ${process.pid} chrom`).toString().trim());
  await new Promise((done) => setTimeout(done, 1000));
  const idle = treeRssMb(root);
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, treeRssMb(root)); }, 100);
  const started = performance.now();
  await page.locator('[data-import-zip]').setInputFiles(zipPath);
  await page.waitForFunction(() => ['done', 'failed', 'cancelled'].includes(document.querySelector('[data-import-panel]')?.getAttribute('data-import-state') ?? ''), undefined, { timeout: 600_000, polling: 100 });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const state = await page.locator('[data-import-panel]').getAttribute('data-import-state');
  if (state !== 'done') throw new Error(`the import ${state}: ${await page.locator('.import-error').textContent()}`);
  const report = (await page.locator('[data-import-report]').textContent()) ?? '';
  console.log(report.split('\n').filter((line) => /images:|exact duplicates|disagree|Imported in/.test(line)).join('\n'));
  console.log(`import in the page: ${seconds.toFixed(1)} s from choosing the zip to the report (target ≤ 30 s)`);
  console.log(`browser memory: idle data page ${idle.toFixed(0)} MB, peak during the import ${peak.toFixed(0)} MB (+${(peak - idle).toFixed(0)} MB; target ≤ 600 MB)`);
} finally {
  await browser.close();
  server.close();
  await rm(temp, { recursive: true, force: true });
}
