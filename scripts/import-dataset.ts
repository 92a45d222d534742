/**
 * Imports a dataset as the course's active one (public/data), with a data-quality report.
 *
 *   npm run dataset:import -- <folder | folder above it | Dataset.zip | Kaggle folder | emergency/ + other/> [--id <slug>] [--title <text>]
 *
 * The report's JSON copy under data/reports/ is the last line printed. "npm run dataset:default" switches back.
 */
import { basename, extname, resolve } from 'node:path';
import { formatReport } from '../src/importer/formatReport';
import { printable, printableMessage } from '../src/importer/names';
import type { ImportProgress } from './lib/dataset/importDataset';
import { importInThread } from './lib/dataset/importInThread';
import { progressLine } from './lib/progressLine';
import { abortOnInterrupt, exitCodeFor, failUsage, parseCommandLine, slug } from './lib/cli';

const PAYLOAD_DIR = resolve('public/data');
const REPORTS_DIR = resolve('data/reports');
const COMMAND = { name: 'dataset:import', usage: `usage: npm run dataset:import -- <path> [--id <slug>] [--title <text>]
  <path>: a folder with emergency_classification.csv and images/ (or the folder above it), a .zip of either,
          the Kaggle layout (train.csv [+ test.csv] with images/ or train/ + test/),
          or a folder holding two folders of photos, emergency/ and other/` };

const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the labels',
  packing: 'Packing images',
  encoding: 'Encoding sprite sheets',
};

/** One progress line per phase; a finished phase leaves a one-line summary. */
function phaseReporter(): (progress: ImportProgress) => void {
  let current: { phase: ImportProgress['phase']; line: ReturnType<typeof progressLine>; started: number } | undefined;
  return ({ phase, done, total }) => {
    if (current?.phase !== phase) current = { phase, line: progressLine(PHASE_LABELS[phase]), started: performance.now() };
    current.line.update(done, total);
    if (done === total) current.line.done(`${PHASE_LABELS[phase]}: ${total} done in ${((performance.now() - current.started) / 1000).toFixed(1)} s`);
  };
}

// Ctrl-C or SIGTERM stops cleanly: the staged payload is removed and the active dataset stays as it was.
const signal = abortOnInterrupt('stopping and cleaning up');

async function main(): Promise<void> {
  const { values, input } = parseCommandLine(COMMAND, { id: { type: 'string' }, title: { type: 'string' } }, 'dataset path');
  const name = basename(resolve(input), extname(input) === '.zip' ? '.zip' : '');
  const id = values.id ?? slug(name);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) failUsage(COMMAND, `--id must be a lowercase slug such as "av-emergency", got "${id}"`);

  console.log(`Importing ${printable(resolve(input))}`);
  const { report, reportPath, warnings } = await importInThread(
    { input, payloadDir: PAYLOAD_DIR, reportsDir: REPORTS_DIR, dataset: { id, title: values.title ?? `Imported from ${basename(resolve(input))}` } },
    { signal, onProgress: phaseReporter() },
  );
  for (const line of formatReport(report)) console.log(line);
  for (const warning of warnings) console.log(`warning: ${printableMessage(warning)}`);
  console.log(`Active dataset: ${printable(report.dataset.title)} in ${printable(PAYLOAD_DIR)} ("npm start" uses it; "npm run dataset:default" switches back).`);
  if (reportPath) console.log(printable(reportPath));
}

main().catch((error: Error) => {
  // importDataset swaps the payload in as its very last step, so a failure means the swap did not happen,
  // except when the swap itself failed half-way (the error says so).
  const interruptedBy = signal.interruptedBy();
  const changed = (error as Error & { activeDatasetChanged?: boolean }).activeDatasetChanged === true;
  console.error(`\ndataset:import: ${interruptedBy ? 'interrupted' : 'failed'}; ${changed ? 'the active dataset is missing until it is put back (see below).' : 'the active dataset is unchanged.'}`);
  if (!interruptedBy || error.name !== 'AbortError') console.error(printableMessage(error.message));
  process.exit(interruptedBy ? exitCodeFor(interruptedBy) : 1);
});
