/**
 * Training-speed benchmark: opens the site's /bench/ page in headless Chromium (one page load,
 * cross-origin isolated) and trains every configuration there; prints the table and writes
 * bench-results.json at the repository root. When Debian's python3-torch is installed it also times
 * native PyTorch on the same recipe right after (scripts/bench_torch.py, 1 and 2 threads) and
 * prints the ratio; `--native off` skips it.
 *   npm run bench [-- --sizes 64,224 --models mlp,mlp-bn-dropout --paths stock-wasm,stock-webgl,fast-wasm-1,fast-wasm --epochs 4 --dir dist]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, renameSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/staticServer';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import { ratioTable, resultTable, type BenchResults } from '../src/bench/results';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    sizes: { type: 'string', default: '64,224' },
    models: { type: 'string', default: 'mlp,mlp-bn-dropout' },
    paths: { type: 'string', default: 'stock-wasm,stock-webgl,fast-wasm-1,fast-wasm' },
    native: { type: 'string', default: 'auto' },
    python: { type: 'string', default: process.env.BENCH_PYTHON ?? '/usr/bin/python3' },
    epochs: { type: 'string', default: '4' },
    samplesAt224: { type: 'string', default: '256' },
    out: { type: 'string', default: 'bench-results.json' },
  },
});
if (!existsSync(`${values.dir}/bench/index.html`)) {
  console.error(`error: ${values.dir}/bench/index.html is missing: run "npm run build" first (npm run bench does)`);
  process.exit(1);
}
const list = (text: string) => text.split(',').map((item) => item.trim()).filter(Boolean);
const options = {
  sizes: list(values.sizes).map(Number),
  models: list(values.models),
  paths: list(values.paths),
  epochs: Number(values.epochs),
  samplesAt224: Number(values.samplesAt224),
};

const { server, url } = await startStaticServer({ root: values.dir });
const browser = await launchChromium();
let results: BenchResults;
try {
  const page = await browser.newPage();
  page.on('console', (message) => { if (message.text().startsWith('[bench] ')) console.log(message.text().slice(8)); });
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${url}bench/`);
  await page.waitForFunction(() => window.courseBench !== undefined);
  results = await page.evaluate((options) => window.courseBench!.run(options as never), options);
  await page.close();
  if (options.sizes.includes(64) && options.paths.includes('fast-wasm')) results.lessonPage = await timeLessonPage(await browser.newPage(), url, options.epochs);
} finally {
  await browser.close();
  server.close();
}

results.native = values.native === 'off' ? { unavailable: 'skipped (--native off)' } : timeNativeTorch();
if ('unavailable' in results.native) console.log(`native PyTorch: ${results.native.unavailable}`);
else for (const m of results.native.measurements) console.log(`native PyTorch ${results.native.torchVersion}, ${m.model}, ${m.size}×${m.size}, ${m.threads} thread${m.threads > 1 ? 's' : ''}: ${m.samplesPerSecond.toFixed(1)} samples/s`);

console.log('');
printTable(resultTable(results));
console.log('');
printTable(ratioTable(results));
const env = results.environment;
console.log(`\ncross-origin isolated: ${env.crossOriginIsolated} · wasm SIMD: ${env.wasmSimd} · TF.js wasm threads: ${env.wasmThreads} (${env.wasmThreadCount}) · course kernels: ${env.courseKernelThreads} threads${env.courseKernelNote ? ` (${env.courseKernelNote})` : ''} · cores: ${env.hardwareConcurrency} · WebGL: ${env.webglRenderer ?? 'none'}`);
const lesson = results.baselineLessonSeconds;
const seconds = (value: number | null) => (value == null ? '–' : `${value.toFixed(0)} s`);
console.log(`baseline lesson, 50 epochs at 64×64 incl. validation (estimated from the MLP row): stock wasm ${seconds(lesson.stockWasm)}, project path ${seconds(lesson.fastWasm)}; the article-exact 224×224 run on the project path ${seconds(lesson.fastWasmAt224 ?? null)}`);
if (results.lessonPage) {
  const bench = results.measurements.find((m) => m.size === 64 && m.model === 'mlp' && m.path === 'fast-wasm' && !m.error)?.samplesPerSecond;
  const lesson = results.lessonPage.samplesPerSecond;
  console.log(`baseline lesson page, training cell (${options.epochs} epochs): ${lesson ?? '–'} images/s${lesson && bench ? `, ${(100 * lesson / bench).toFixed(0)} % of the bench page's ${bench.toFixed(0)}` : ''} — "${results.lessonPage.status}"`);
}
for (const { size, augmentedOverPlain } of results.augmentation) {
  if (augmentedOverPlain != null) console.log(`on-the-fly augmentation at ${size}×${size}: ${(100 * augmentedOverPlain).toFixed(0)} % of the images/s without it (MLP + BN + dropout, course path)`);
}
for (const inversion of results.inversions) {
  console.log(`INVERSION: ${inversion.simpler} trained slower than ${inversion.bigger} at ${inversion.size}×${inversion.size} on ${inversion.path} (${inversion.simplerRate.toFixed(1)} vs ${inversion.biggerRate.toFixed(1)} samples/s): see the step profiles above`);
}
const peak = Math.max(...results.measurements.map((m) => m.peakTensorMegabytes));
const heap = Math.max(...results.measurements.map((m) => m.wasmHeapMegabytes ?? 0));
console.log(`peak memory: ${peak.toFixed(0)} MB of tensors, wasm heap ${heap.toFixed(0)} MB`);
console.log(`10 consecutive runs, tensors after each: ${results.repeatedRuns.tensorCounts.join(' ')}${results.repeatedRuns.leaked ? ' — LEAK' : ' (flat)'}`);

// Written whole, then renamed: an interrupted run never leaves half a file.
writeFileSync(`${values.out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
renameSync(`${values.out}.tmp`, values.out);
console.log(`\nwrote ${values.out}`);
if (results.measurements.some((m) => m.error) || results.repeatedRuns.leaked) process.exitCode = 1;

/**
 * The baseline lesson's own training cell on its page (progress bar, live curves, memory meter,
 * validation each epoch), capped to the bench's epoch count: the images/s it reports against the
 * bench page's rate for the same model shows what the lesson page costs.
 */
async function timeLessonPage(page: Page, siteUrl: string, epochs: number): Promise<NonNullable<BenchResults['lessonPage']>> {
  await page.goto(`${siteUrl}lessons/01-baseline/?backend=wasm&maxEpochs=${epochs}`);
  for (const id of ['load', 'split', 'model', 'compile', 'train']) {
    await page.locator(`[data-cell="${id}"]`).getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction((id) => ['done', 'error'].includes(document.querySelector(`[data-cell="${id}"]`)?.getAttribute('data-cell-state') ?? ''), id, { timeout: 600_000, polling: 250 });
  }
  const status = (await page.locator('[data-cell="train"] [data-training-status]').textContent()) ?? '';
  await page.close();
  const rate = status.match(/([\d,.]+) images\/s/);
  if (!rate) return { status, samplesPerSecond: null };
  return { status, samplesPerSecond: Number(rate[1]!.replace(/,/g, '')) };
}

/** Runs scripts/bench_torch.py on the benchmark's sizes with 1 and 2 threads, if PyTorch imports. */
function timeNativeTorch(): NonNullable<BenchResults['native']> {
  const probe = spawnSync(values.python, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) return { unavailable: `not installed for ${values.python} (apt-get install -y python3-torch libopenblas0-pthread)` };
  console.log('timing native PyTorch on the same recipe…');
  try {
    const output = execFileSync(values.python, ['scripts/bench_torch.py', '--sizes', options.sizes.join(','), '--models', options.models.join(','), '--threads', '1,2', '--epochs', String(options.epochs), '--samples-at-224', String(options.samplesAt224)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    return JSON.parse(output) as NonNullable<BenchResults['native']>;
  } catch (error) {
    return { unavailable: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  rows.forEach((row, index) => {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  });
}
