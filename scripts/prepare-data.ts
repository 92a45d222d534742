/**
 * Makes sure the site has a dataset payload in public/data/ before it is built or served.
 * With no payload (a fresh clone) it generates the default synthetic dataset and packs it;
 * an imported dataset is left alone unless --default asks to go back to the generated one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset, GENERATOR_VERSION, DEFAULT_COUNT, DEFAULT_LABEL_NOISE } from './synthetic/generateDataset';
import { abortOnInterrupt, exitCodeFor } from './lib/cli';
import { importInThread } from './lib/dataset/importInThread';
import { printableMessage } from '../src/importer/names';
import { removeStalePayloadFolders, removeStaleTempFolders } from './lib/dataset/payloadFolder';
import { REPORT_FILE } from '../src/lib/datasetReport';
import { progressLine } from './lib/progressLine';

const DEFAULT_SEED = 1;
const PAYLOAD_DIR = resolve('public/data');
const GENERATED_DIR = resolve('data/default');
const origin = `scripts/generate-default-dataset.ts v${GENERATOR_VERSION}, seed ${DEFAULT_SEED}, ${DEFAULT_COUNT} images, ${100 * DEFAULT_LABEL_NOISE} % labels wrong`;

const { values } = parseArgs({ options: { default: { type: 'boolean', default: false } } });

function readJson(path: string): Record<string, any> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// An import that was killed (not interrupted: that cleans up) leaves its staging folder, and imports of earlier
// versions left temporary folders: remove them first.
for (const line of [...(await removeStalePayloadFolders(PAYLOAD_DIR)), ...(await removeStaleTempFolders())]) console.log(line);

const manifest = readJson(resolve(PAYLOAD_DIR, 'manifest.json'));
// A payload from before reports existed is rebuilt once, so the data page has a report to show.
const upToDate = manifest?.dataset?.source === 'generated' && manifest.dataset.origin === origin && existsSync(resolve(PAYLOAD_DIR, REPORT_FILE));
const keepImported = manifest?.dataset?.source === 'imported' && !values.default;

if (keepImported) {
  console.log(`Active dataset: ${manifest!.dataset.title} (imported). "npm run dataset:default" switches back to the generated one.`);
} else if (upToDate) {
  console.log(`Active dataset: ${manifest!.dataset.title}.`);
} else {
  const stamp = readJson(resolve(GENERATED_DIR, 'generator.json'));
  if (!existsSync(resolve(GENERATED_DIR, 'emergency_classification.csv')) || stamp?.version !== GENERATOR_VERSION || stamp?.seed !== DEFAULT_SEED || stamp?.count !== DEFAULT_COUNT) {
    const progress = progressLine('Drawing the default dataset');
    const started = Date.now();
    const result = await generateDataset({ outDir: GENERATED_DIR, count: DEFAULT_COUNT, seed: DEFAULT_SEED, onProgress: (done, total) => progress.update(done, total) });
    progress.done(`Drew ${result.count} images (${result.emergency} labelled emergency, ${result.mislabelled} with the wrong label) in ${((Date.now() - started) / 1000).toFixed(1)} s into ${GENERATED_DIR}`);
  }
  // The same path as an import, so the generated dataset gets the same checks and report.json. Ctrl-C or SIGTERM
  // while packing stops as dataset:import does: the staged payload is removed (the packing runs in a worker thread,
  // so this thread answers the signal before tsx's relay kills the process).
  const signal = abortOnInterrupt('stopping and cleaning up');
  const progress = progressLine('Checking and packing the web payload');
  const { payload: summary, warnings } = await importInThread(
    { input: GENERATED_DIR, payloadDir: PAYLOAD_DIR, dataset: { id: 'default', title: `Generated default dataset (seed ${DEFAULT_SEED})`, source: 'generated', origin } },
    { signal, onProgress: (p) => { if (p.phase === 'packing') progress.update(p.done, p.total); } },
  ).catch((error: Error & { activeDatasetChanged?: boolean }) => {
    const interruptedBy = signal.interruptedBy();
    if (!interruptedBy) throw error;
    console.error(`\nprepare-data: interrupted; ${error.activeDatasetChanged ? 'the active dataset is missing until it is put back (see below).' : 'the active dataset is unchanged.'}`);
    if (error.name !== 'AbortError') console.error(printableMessage(error.message));
    process.exit(exitCodeFor(interruptedBy));
  });
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  for (const warning of warnings) console.log(`warning: ${warning}`);
  progress.done(`Packed ${summary.manifest.count} images into ${PAYLOAD_DIR}: 64×64 ${mb(summary.spriteBytes[64] ?? 0)}, 32×32 ${mb(summary.spriteBytes[32] ?? 0)}, 224×224 originals ${mb(summary.originalBytes)} (${summary.seconds.toFixed(1)} s)`);
}
