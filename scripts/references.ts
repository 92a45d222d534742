/**
 * Makes each lesson's reference results (issue 16): its "Run all" on several seeds of the built site's
 * dataset (the same runner as `npm run claims`), kept as the per-epoch min / median / max of every curve of
 * every training cell and the final figures' spread, in content/lessons/NN-slug/references/<dataset>.json.
 *   npm run references -- [--seeds 5] [--first 1] [--epochs N] [--lessons a,b] [--from claims-a.json,b.json]
 * `--from` builds them from runs `npm run claims -- --json` (or this command's --json) saved. On the default
 * dataset the file is default.json, committed; on an imported dataset it is <id>-<hash>.json, gitignored.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { lessonList, readSavedRuns, runSeeds, seedList } from './lib/seededRuns';
import type { SeedOutcomes } from './lib/claims';
import { lessonCells } from '../src/lessons/cells';
import { LESSONS_ROOT } from '../src/lessons/layout';
import { payloadDataset, referencePath } from '../src/lessons/references';
import { isDefaultDataset, lessonReference } from '../src/ml/referenceBands';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' }, first: { type: 'string', default: '1' }, epochs: { type: 'string' },
    lessons: { type: 'string' }, dir: { type: 'string', default: 'dist' }, json: { type: 'string' }, from: { type: 'string' },
    // Where the lesson folders are written (tests write elsewhere); the cells are always read from the course's.
    out: { type: 'string', default: LESSONS_ROOT },
  },
});

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

const seeds = seedList(values.seeds, values.first);
const lessons = lessonList(values.lessons);
if (typeof seeds === 'string') fail(seeds);
if (typeof lessons === 'string') fail(lessons);

// The runs trained on what the built site serves: its payload names the dataset.
let dataset;
try {
  dataset = payloadDataset(join(values.dir, 'data'));
} catch (error) {
  fail(`${error instanceof Error ? error.message : error} (the references name the dataset the built site in ${values.dir}/ serves)`);
}

let perSeed: Map<number, SeedOutcomes>;
let maxEpochs: number | null = values.epochs === undefined ? null : Number(values.epochs);
try {
  if (values.from) {
    const saved = readSavedRuns(values.from.split(','));
    if (saved.epochs.size > 1) fail(`the --from files were made with different epoch caps (${[...saved.epochs].map((cap) => cap ?? 'none').join(', ')}): a band mixes like runs only`);
    const cap = [...saved.epochs][0];
    maxEpochs = cap === null || cap === undefined ? null : Number(cap);
    perSeed = saved.perSeed;
    console.error(`reading ${perSeed.size} seeds' runs from ${values.from}; taking them as made on ${dataset.title} (${dataset.manifestHash}), the dataset ${values.dir}/ serves`);
  } else {
    perSeed = await runSeeds({ lessons, seeds, epochs: values.epochs, dir: values.dir, json: values.json });
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (perSeed.size < 5) console.error(`note: ${perSeed.size} seed${perSeed.size === 1 ? '' : 's'}; the course's committed references are made from at least 5`);
if (!isDefaultDataset(dataset)) console.error(`${dataset.title} is not the generated default dataset: its references go to files that .gitignore keeps out of the repository`);

const made = new Date();
for (const lesson of lessons) {
  const runsBySeed = new Map([...perSeed].flatMap(([seed, outcomes]) => (outcomes[lesson] ? [[seed, outcomes[lesson]!.runs] as const] : [])));
  if (runsBySeed.size === 0) {
    if (values.from) console.error(`${lesson}: no runs in the --from files, left as it is`);
    continue;
  }
  let reference;
  try {
    reference = lessonReference({ lesson, cells: lessonCells(join(LESSONS_ROOT, lesson)), runsBySeed, dataset, maxEpochs, made });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const path = referencePath(join(values.out, lesson), dataset);
  const text = `${JSON.stringify(reference)}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`${path}: ${reference.figures.length} figure${reference.figures.length === 1 ? '' : 's'} (${reference.figures.map((figure) => `${figure.cell}: ${figure.runs.length} epochs`).join(', ')}), seeds ${reference.seeds.join(', ')}, ${(text.length / 1024).toFixed(1)} KB`);
}
