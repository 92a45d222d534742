/**
 * Every lesson's "Run all" once per seed, in headless Chromium against the built site, with the first
 * cell's `const seed = N;` set to the seed as a reader would edit it: what `npm run claims` judges and
 * `npm run references` draws bands from. `--json` files of either command hold the same outcomes, so
 * one can be made from the other's runs (`--from`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from './staticServer';
import { launchChromium } from './chromium';
import { runLesson } from './lessonRun';
import type { SeedOutcomes } from './claims';
import { lessonFolders, LESSONS_ROOT } from '../../src/lessons/layout';
import { lessonCells } from '../../src/lessons/cells';

/** What a `--json` file holds: the epoch cap (null: the cells' own epochs) and each seed's outcomes. */
export interface SavedSeedRuns {
  epochs: string | null;
  seeds: Record<string, SeedOutcomes>;
}

export interface SeedRunOptions {
  lessons: readonly string[];
  seeds: readonly number[];
  /** Caps every training cell (the page's ?maxEpochs=N). */
  epochs?: string;
  /** The built site. */
  dir: string;
  /** Written after every seed, so a long job killed half-way keeps what it finished. */
  json?: string;
}

/** The seeds `--seeds N --first F` name, or an error message. */
export function seedList(count: string | undefined, first: string | undefined): number[] | string {
  const n = Number(count);
  const from = Number(first);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(from)) return `--seeds takes a whole number ≥ 1 and --first a whole number (got ${count}, ${first})`;
  return Array.from({ length: n }, (_, i) => from + i);
}

/** The lessons `--lessons a,b` names (all when absent), or an error message naming the unknown ones. */
export function lessonList(option: string | undefined): string[] | string {
  const all = lessonFolders();
  const lessons = option ? option.split(',') : all;
  const unknown = lessons.filter((lesson) => !all.includes(lesson));
  return unknown.length ? `no lesson ${unknown.join(', ')} (the lessons are ${all.join(', ')})` : lessons;
}

/** The lesson's first cell with its seed replaced: the cell a reader edits to change the seed. */
export function seededFirstCell(lesson: string, seed: number): { id: string; source: string } {
  const cell = lessonCells(join(LESSONS_ROOT, lesson))[0]!;
  if (!/^const seed = \d+;$/m.test(cell.source)) throw new Error(`${lesson}/${cell.file} does not declare "const seed = N;"`);
  return { id: cell.id, source: cell.source.replace(/^const seed = \d+;$/m, `const seed = ${seed};`) };
}

/** Outcomes saved by earlier `--json` runs, merged by seed (a later file adds lessons to a seed). */
export function readSavedRuns(files: readonly string[]): { perSeed: Map<number, SeedOutcomes>; epochs: Set<string | null> } {
  const perSeed = new Map<number, SeedOutcomes>();
  const epochs = new Set<string | null>();
  for (const file of files) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedSeedRuns;
    if (!saved || typeof saved.seeds !== 'object') throw new Error(`${file}: not a --json file of npm run claims or npm run references (no "seeds")`);
    epochs.add(saved.epochs ?? null);
    for (const [seed, outcomes] of Object.entries(saved.seeds)) perSeed.set(Number(seed), { ...perSeed.get(Number(seed)), ...outcomes });
  }
  return { perSeed, epochs };
}

/** Runs each lesson once per seed; throws on a cell that failed, naming lesson and seed. */
export async function runSeeds(options: SeedRunOptions): Promise<Map<number, SeedOutcomes>> {
  if (!existsSync(`${options.dir}/index.html`)) throw new Error(`${options.dir}/ is missing: run "npm run build" first`);
  const perSeed = new Map<number, SeedOutcomes>();
  const { server, url } = await startStaticServer({ root: options.dir });
  const browser = await launchChromium();
  try {
    for (const seed of options.seeds) {
      const outcomes: SeedOutcomes = {};
      for (const lesson of options.lessons) {
        const cell = seededFirstCell(lesson, seed);
        const report = await runLesson(browser, url, lesson, { query: { maxEpochs: options.epochs }, edits: { [cell.id]: cell.source } });
        if (report.errors.length) throw new Error(`lesson ${lesson}, seed ${seed}: a cell failed: ${report.errors.join(' | ')}`);
        outcomes[lesson] = { runs: report.runs, outputs: report.outputs };
        console.error(`seed ${seed} · ${lesson}: ${report.seconds.toFixed(0)} s · ${report.training.join(' | ')}`);
      }
      perSeed.set(seed, outcomes);
      if (options.json) writeFileSync(options.json, JSON.stringify({ epochs: options.epochs ?? null, seeds: Object.fromEntries(perSeed) } satisfies SavedSeedRuns));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return perSeed;
}
