/**
 * Runs a lesson's "Run all" in headless Chromium against the built site and prints what the
 * reader would read: the time it took, the training figures and the evaluation.
 *   npm run lesson:run -- 01-baseline [--maxEpochs 5] [--backend wasm] [--training stock] [--data <payload folder>]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/staticServer';
import { launchChromium } from './lib/chromium';
import { runLesson } from './lib/lessonRun';

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
  const report = await runLesson(browser, url, lesson, {
    query: { maxEpochs: values.maxEpochs, backend: values.backend, training: values.training },
    timeout: Number(values.timeout),
    onPageError: (message) => console.error(`page error: ${message}`),
  });
  console.log(`Lesson ${lesson}: Run all took ${report.seconds.toFixed(1)} s`);
  console.log(`Cells: ${report.states.join(', ')}`);
  for (const line of [...report.training, ...report.evaluations, report.kernel, ...report.errors]) console.log(`  ${line}`);
  if (report.errors.length > 0) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
