/**
 * Checks every lesson's claim over several seeds: runs each lesson's "Run all" in headless
 * Chromium against the built site once per seed (the first cell's `const seed = 1;` set to the
 * seed, as a reader would edit it) and prints, for each claim, whether it held on each seed and
 * its effect against the seed-to-seed spread.
 *   npm run claims -- [--seeds 10] [--first 1] [--epochs N] [--lessons 01-baseline,03-dropout] [--json out.json]
 * `--epochs N` caps every training cell (the page's ?maxEpochs=N), for quick checks.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStaticServer } from './lib/staticServer';
import { launchChromium } from './lib/chromium';
import { runLesson } from './lib/lessonRun';
import { claimsTable, summarizeClaims, type SeedOutcomes } from './lib/claims';
import { lessonFolders, LESSONS_ROOT } from '../src/lessons/layout';
import { lessonCells } from '../src/lessons/cells';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' }, first: { type: 'string', default: '1' }, epochs: { type: 'string' },
    lessons: { type: 'string' }, dir: { type: 'string', default: 'dist' }, json: { type: 'string' }, from: { type: 'string' },
  },
});
const count = Number(values.seeds);
const first = Number(values.first);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(first)) {
  console.error(`error: --seeds takes a whole number ≥ 1 and --first a whole number (got ${values.seeds}, ${values.first})`);
  process.exit(1);
}
const seeds = Array.from({ length: count }, (_, i) => first + i);
const allLessons = lessonFolders();
const lessons = values.lessons ? values.lessons.split(',') : allLessons;
const unknown = lessons.filter((lesson) => !allLessons.includes(lesson));
if (unknown.length) {
  console.error(`error: no lesson ${unknown.join(', ')} (the lessons are ${allLessons.join(', ')})`);
  process.exit(1);
}

/** The lesson's first cell with its seed replaced: the cell a reader edits to change the seed. */
function seededFirstCell(lesson: string, seed: number): { id: string; source: string } {
  const cell = lessonCells(join(LESSONS_ROOT, lesson))[0]!;
  if (!/^const seed = \d+;$/m.test(cell.source)) throw new Error(`${lesson}/${cell.file} does not declare "const seed = N;"`);
  return { id: cell.id, source: cell.source.replace(/^const seed = \d+;$/m, `const seed = ${seed};`) };
}

// --from reads outcomes an earlier run wrote with --json, so a long table can be made in chunks.
const perSeed = new Map<number, SeedOutcomes>();
if (values.from) {
  for (const file of values.from.split(',')) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { seeds: Record<string, SeedOutcomes> };
    for (const [seed, outcomes] of Object.entries(saved.seeds)) perSeed.set(Number(seed), { ...perSeed.get(Number(seed)), ...outcomes });
  }
}

if (lessons.length > 0 && !values.from) {
  if (!existsSync(`${values.dir}/index.html`)) {
    console.error(`error: ${values.dir}/ is missing: run "npm run build" first`);
    process.exit(1);
  }
  const { server, url } = await startStaticServer({ root: values.dir });
  const browser = await launchChromium();
  try {
    for (const seed of seeds) {
      const outcomes: SeedOutcomes = {};
      for (const lesson of lessons) {
        const cell = seededFirstCell(lesson, seed);
        const report = await runLesson(browser, url, lesson, { query: { maxEpochs: values.epochs }, edits: { [cell.id]: cell.source } });
        if (report.errors.length) throw new Error(`lesson ${lesson}, seed ${seed}: a cell failed: ${report.errors.join(' | ')}`);
        outcomes[lesson] = { runs: report.runs, outputs: report.outputs };
        console.error(`seed ${seed} · ${lesson}: ${report.seconds.toFixed(0)} s · ${report.training.join(' | ')}`);
      }
      perSeed.set(seed, outcomes);
      if (values.json) writeFileSync(values.json, JSON.stringify({ epochs: values.epochs ?? null, seeds: Object.fromEntries(perSeed) }));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

const used = [...perSeed.keys()].sort((a, b) => a - b);
const summaries = summarizeClaims(used.map((seed) => perSeed.get(seed)!));
console.log(`Claims over seeds ${used.join(', ')}${values.epochs ? ` (training capped at ${values.epochs} epochs)` : ''}: ✓/✗ with the effect on each seed; "holds" = ≥ 90 % of the judged seeds and mean effect > its seed-to-seed sd.`);
console.log(claimsTable(summaries, used));
