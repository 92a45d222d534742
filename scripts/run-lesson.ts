/**
 * Runs a lesson's "Run all" in headless Chromium against the built site and prints what the
 * reader would read: the time it took, the training figures and the evaluation.
 *   npm run lesson:run -- 01-baseline [--maxEpochs 5] [--backend wasm] [--training stock] [--data <payload folder>]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/staticServer';
import { launchChromium } from './lib/chromium';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { maxEpochs: { type: 'string' }, backend: { type: 'string' }, timeout: { type: 'string', default: '3600' }, dir: { type: 'string', default: 'dist' }, data: { type: 'string' }, training: { type: 'string' } },
});
const lesson = positionals[0] ?? '01-baseline';
if (!existsSync(`${values.dir}/index.html`)) {
  console.error(`error: ${values.dir}/ is missing: run "npm run build" first`);
  process.exit(1);
}

if (values.data && !existsSync(`${values.data}/manifest.json`)) {
  console.error(`error: ${values.data}/manifest.json is missing: --data takes a dataset payload folder (what npm run dataset:import writes to public/data)`);
  process.exit(1);
}
// --data serves another payload as the site's data/ (e.g. the imported real dataset) without rebuilding.
const { server, url } = await startStaticServer({ root: values.dir, mounts: values.data ? { 'data/': values.data } : undefined });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  const query = new URLSearchParams();
  if (values.maxEpochs) query.set('maxEpochs', values.maxEpochs);
  if (values.backend) query.set('backend', values.backend);
  if (values.training) query.set('training', values.training);
  await page.goto(`${url}lessons/${lesson}/${query.size ? `?${query}` : ''}`);
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
    { timeout: Number(values.timeout) * 1000, polling: 1000 },
  );
  const seconds = (Date.now() - started) / 1000;
  const report = await page.evaluate(() => ({
    states: [...document.querySelectorAll('[data-cell]')].map((cell) => `${cell.getAttribute('data-cell')}: ${cell.getAttribute('data-cell-state')}`),
    training: [...document.querySelectorAll('[data-training-status]')].map((status) => status.textContent),
    evaluations: [...document.querySelectorAll('.evaluation-accuracy, [data-false-negatives]')].map((line) => line.textContent),
    kernel: document.querySelector('[data-kernel-status]')?.textContent,
    errors: [...document.querySelectorAll('[data-cell-state="error"] [data-cell-output]')].map((output) => output.textContent),
  }));
  console.log(`Lesson ${lesson}: Run all took ${seconds.toFixed(1)} s`);
  console.log(`Cells: ${report.states.join(', ')}`);
  for (const line of [...report.training, ...report.evaluations, report.kernel, ...report.errors]) console.log(`  ${line}`);
  if (report.errors.length > 0) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
