/**
 * Checks every lesson's claim over several seeds: runs each lesson's "Run all" in headless
 * Chromium against the built site once per seed (the first cell's `const seed = 1;` set to the
 * seed, as a reader would edit it) and prints, for each claim, whether it held on each seed and
 * its effect against the seed-to-seed spread.
 *   npm run claims -- [--seeds 10] [--first 1] [--epochs N] [--lessons 01-baseline,03-dropout] [--json out.json] [--from a.json,b.json]
 * `--epochs N` caps every training cell (the page's ?maxEpochs=N), for quick checks.
 */
import { parseArgs } from 'node:util';
import { claimsTable, summarizeClaims, type SeedOutcomes } from './lib/claims';
import { lessonList, readSavedRuns, runSeeds, seedList } from './lib/seededRuns';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' }, first: { type: 'string', default: '1' }, epochs: { type: 'string' },
    lessons: { type: 'string' }, dir: { type: 'string', default: 'dist' }, json: { type: 'string' }, from: { type: 'string' },
  },
});
const seeds = seedList(values.seeds, values.first);
const lessons = lessonList(values.lessons);
for (const problem of [seeds, lessons].filter((value): value is string => typeof value === 'string')) {
  console.error(`error: ${problem}`);
  process.exit(1);
}

// --from reads outcomes an earlier run wrote with --json, so a long table can be made in chunks.
let perSeed = new Map<number, SeedOutcomes>();
if (values.from) perSeed = readSavedRuns(values.from.split(',')).perSeed;
else {
  try {
    perSeed = await runSeeds({ lessons: lessons as string[], seeds: seeds as number[], epochs: values.epochs, dir: values.dir, json: values.json });
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

const used = [...perSeed.keys()].sort((a, b) => a - b);
const summaries = summarizeClaims(used.map((seed) => perSeed.get(seed)!));
console.log(`Claims over seeds ${used.join(', ')}${values.epochs ? ` (training capped at ${values.epochs} epochs)` : ''}: ✓/✗ with the effect on each seed; "holds" = ≥ 90 % of the judged seeds and mean effect > its seed-to-seed sd.`);
console.log(claimsTable(summaries, used));
