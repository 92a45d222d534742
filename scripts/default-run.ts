/**
 * Writes each lesson's references/seed-1.json — what its seeded default run showed, the figures its
 * prose quotes under "What to expect on the default data" — from the runs `npm run claims --json`
 * saved (seed 1, full length, on the generated default dataset):
 *   npm run default-run -- --from /work/notes/claims-01-baseline-s1.json,…
 * test/lessons/defaultRunProse.test.ts then checks the prose against these files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSavedRuns } from './lib/seededRuns';
import { lessonCells } from '../src/lessons/cells';
import { LESSONS_ROOT, LESSON_SUBFOLDERS } from '../src/lessons/layout';
import { cellsHash } from '../src/ml/referenceBands';
import { DEFAULT_RUN_FILE, DEFAULT_RUN_SEED, QUOTED, runFacts, type DefaultRun } from '../src/lessons/defaultRun';
import { DEFAULT_COUNT, DEFAULT_LABEL_NOISE, GENERATOR_VERSION } from './synthetic/generateDataset';

const { values } = parseArgs({ options: { from: { type: 'string' } } });
if (!values.from) {
  console.error('usage: npm run default-run -- --from <claims --json files, comma-separated>');
  process.exit(1);
}
const { perSeed, epochs } = readSavedRuns(values.from.split(','));
if ([...epochs].some((cap) => cap !== null)) {
  console.error(`error: ${values.from}: training was capped (--epochs); the prose quotes full-length runs`);
  process.exit(1);
}
// The runs must be of the generated default dataset of this generator, not an imported one.
const stamp = existsSync('data/default/generator.json') ? JSON.parse(readFileSync('data/default/generator.json', 'utf8')) : undefined;
if (stamp?.version !== GENERATOR_VERSION || stamp?.count !== DEFAULT_COUNT) {
  console.error(`error: data/default/generator.json is not generator v${GENERATOR_VERSION} with ${DEFAULT_COUNT} images: run "npm run dataset:default" and the claims again`);
  process.exit(1);
}
const outcomes = perSeed.get(DEFAULT_RUN_SEED);
if (!outcomes) {
  console.error(`error: no seed ${DEFAULT_RUN_SEED} in ${values.from}`);
  process.exit(1);
}
for (const [lesson, outcome] of Object.entries(outcomes)) {
  if (!outcome) continue;
  const lessonDir = join(LESSONS_ROOT, lesson);
  const file: DefaultRun = {
    format: 1, lesson, seed: DEFAULT_RUN_SEED,
    generator: { version: GENERATOR_VERSION, count: DEFAULT_COUNT, labelNoise: DEFAULT_LABEL_NOISE },
    cellsHash: cellsHash(lessonCells(lessonDir)),
    runs: outcome.runs.map(runFacts),
    outputs: lesson === '02-early-stopping' ? { restore: outcome.outputs.restore ?? '' } : {},
  };
  const path = join(lessonDir, LESSON_SUBFOLDERS.references, DEFAULT_RUN_FILE);
  writeFileSync(path, JSON.stringify(file, null, 1) + '\n');
  console.log(`${path}: ${Object.entries(QUOTED[lesson]?.(file) ?? {}).map(([name, value]) => `${name} ${value}`).join('; ')}`);
}
