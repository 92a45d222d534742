/**
 * Training-speed benchmark: opens the site's /bench/ page in headless Chromium (one page load,
 * cross-origin isolated) and trains every configuration there; prints the table and writes
 * bench-results.json at the repository root.
 *   npm run bench [-- --sizes 64,224 --models mlp,mlp-bn-dropout --paths stock-wasm,stock-webgl,fast-wasm --epochs 4 --dir dist]
 */
import { existsSync, writeFileSync, renameSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/staticServer';
import { launchChromium } from './lib/chromium';
import { ratioTable, resultTable, type BenchResults } from '../src/bench/results';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    sizes: { type: 'string', default: '64,224' },
    models: { type: 'string', default: 'mlp,mlp-bn-dropout' },
    paths: { type: 'string', default: 'stock-wasm,stock-webgl,fast-wasm' },
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
} finally {
  await browser.close();
  server.close();
}

printTable(resultTable(results));
console.log('');
printTable(ratioTable(results));
const env = results.environment;
console.log(`\ncross-origin isolated: ${env.crossOriginIsolated} · wasm SIMD: ${env.wasmSimd} · wasm threads: ${env.wasmThreads} (${env.wasmThreadCount} threads) · cores: ${env.hardwareConcurrency} · WebGL: ${env.webglRenderer ?? 'none'}`);
const lesson = results.baselineLessonSeconds;
const seconds = (value: number | null) => (value == null ? '–' : `${value.toFixed(0)} s`);
console.log(`baseline lesson, 50 epochs at 64×64 incl. validation (estimated from the MLP row): stock wasm ${seconds(lesson.stockWasm)}, project path ${seconds(lesson.fastWasm)}`);
console.log(`10 consecutive runs, tensors after each: ${results.repeatedRuns.tensorCounts.join(' ')}${results.repeatedRuns.leaked ? ' — LEAK' : ' (flat)'}`);

// Written whole, then renamed: an interrupted run never leaves half a file.
writeFileSync(`${values.out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
renameSync(`${values.out}.tmp`, values.out);
console.log(`\nwrote ${values.out}`);
if (results.measurements.some((m) => m.error) || results.repeatedRuns.leaked) process.exitCode = 1;

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  rows.forEach((row, index) => {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  });
}
