/**
 * `npm run references -- --from a.json,b.json`: the references made from several saved `--json` files of
 * `npm run claims`, each holding some lessons of some seeds (as separate jobs leave them), without running
 * anything. The command runs as the lead runs it, in a child process, writing into a scratch lesson folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedSeedRuns } from '../../scripts/lib/seededRuns';
import { lessonCells } from '../../src/lessons/cells';
import { LESSONS_ROOT } from '../../src/lessons/layout';
import { trainingCells, type LessonReference } from '../../src/ml/referenceBands';
import type { RunRecord } from '../../src/ml/runLog';

const run = promisify(execFile);
const TMP = resolve('test/tmp/references-from');
const SITE = join(TMP, 'site');
const OUT = join(TMP, 'lessons');
const LESSONS = ['01-baseline', '03-dropout'];

/** A recorded run whose losses and accuracies are the seed's number over ten, so the band's ends are known. */
function record(lesson: string, label: string, seed: number, epochs: number): RunRecord {
  return {
    id: `${lesson}-${seed}-${label}`, label, lesson, stopReason: 'completed', elapsedMs: 0, finishedAt: 0,
    settings: { epochsAsked: epochs, batchSize: 128, trainingImages: 1646, validationImages: 706, resolution: 64, layers: '', augmented: false, callbacks: [] },
    epochs: Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, loss: 1 - seed / 10 - i / 100, acc: seed / 10 + i / 100, val_loss: 1 - seed / 10, val_acc: seed / 10 })),
  };
}

/** One lesson's Run all on one seed: a run per training cell, labelled as the lesson's runs are. */
function outcome(lesson: string, seed: number, epochs = 2) {
  const cells = trainingCells(lessonCells(join(LESSONS_ROOT, lesson)));
  return { runs: cells.map((cell) => record(lesson, `run of ${cell.id}`, seed, epochs)), outputs: {} };
}

function saved(path: string, epochs: string | null, seeds: Record<number, Record<string, ReturnType<typeof outcome>>>): string {
  writeFileSync(path, JSON.stringify({ epochs, seeds } satisfies SavedSeedRuns));
  return path;
}

async function references(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/references.ts', '--dir', SITE, '--out', OUT, '--lessons', LESSONS.join(','), ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const written = (lesson: string): LessonReference => JSON.parse(readFileSync(join(OUT, lesson, 'references', 'default.json'), 'utf8'));

beforeAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(join(SITE, 'data'), { recursive: true });
  // The built site's payload names the dataset the runs trained on: here the generated default one.
  writeFileSync(join(SITE, 'data', 'manifest.json'), JSON.stringify({ dataset: { id: 'default', title: 'Generated default dataset', source: 'generated' }, count: 2, names: ['a.jpg', 'b.jpg'], labels: [0, 1], resolutions: { 64: { shards: [{ sha256: 'ab' }] } } }));
});
afterAll(() => {
  rmSync(TMP, { recursive: true, force: true });
});

describe('npm run references -- --from several files', { timeout: 60_000 }, () => {
  it('merges seeds and lessons from several files into each lesson’s band', async () => {
    // Two jobs: one ran the baseline on seeds 1–2, the other both lessons on seed 3 and dropout on 1–2.
    const a = saved(join(TMP, 'a.json'), '2', { 1: { '01-baseline': outcome('01-baseline', 1) }, 2: { '01-baseline': outcome('01-baseline', 2) } });
    const b = saved(join(TMP, 'b.json'), '2', {
      1: { '03-dropout': outcome('03-dropout', 1) },
      2: { '03-dropout': outcome('03-dropout', 2) },
      3: { '01-baseline': outcome('01-baseline', 3), '03-dropout': outcome('03-dropout', 3) },
    });
    const result = await references('--from', `${a},${b}`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("reading 3 seeds' runs");
    expect(result.stderr).toContain('note: 3 seeds; the course\'s committed references are made from at least 5');

    const baseline = written('01-baseline');
    expect(baseline.seeds).toEqual([1, 2, 3]);
    expect(baseline.maxEpochs).toBe(2);
    expect(baseline.dataset).toMatchObject({ id: 'default', source: 'generated' });
    expect(baseline.figures.map((figure) => figure.cell)).toEqual(['train']);
    // Seeds 1, 2, 3: validation accuracy 0.1, 0.2, 0.3 at every epoch.
    expect(baseline.figures[0]!.curves.val_acc).toEqual({ min: [0.1, 0.1], median: [0.2, 0.2], max: [0.3, 0.3] });
    expect(baseline.figures[0]!.final.val_acc).toMatchObject({ min: 0.1, median: 0.2, max: 0.3 });

    const dropout = written('03-dropout');
    expect(dropout.seeds).toEqual([1, 2, 3]);
    expect(dropout.figures.length).toBe(trainingCells(lessonCells(join(LESSONS_ROOT, '03-dropout'))).length);
    expect(dropout.figures.length).toBeGreaterThanOrEqual(2);
    expect(result.stdout).toMatch(/01-baseline\/references\/default\.json: 1 figure \(train: 2 epochs\), seeds 1, 2, 3, \d+\.\d KB/);
  });

  it('leaves a lesson the files do not cover as it is, and says so', async () => {
    rmSync(OUT, { recursive: true, force: true });
    const only = saved(join(TMP, 'only-baseline.json'), null, { 4: { '01-baseline': outcome('01-baseline', 4, 3) } });
    const result = await references('--from', only);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('03-dropout: no runs in the --from files, left as it is');
    expect(written('01-baseline')).toMatchObject({ seeds: [4], maxEpochs: null });
    expect(existsSync(join(OUT, '03-dropout'))).toBe(false);
  });

  it('refuses files made with different epoch caps, and writes nothing', async () => {
    rmSync(OUT, { recursive: true, force: true });
    const short = saved(join(TMP, 'short.json'), '2', { 1: { '01-baseline': outcome('01-baseline', 1) } });
    const full = saved(join(TMP, 'full.json'), null, { 2: { '01-baseline': outcome('01-baseline', 2, 3) } });
    const result = await references('--from', `${short},${full}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: the --from files were made with different epoch caps (2, none): a band mixes like runs only');
    expect(existsSync(OUT)).toBe(false);
  });

  it('names the file that is not a saved run', async () => {
    const other = join(TMP, 'other.json');
    writeFileSync(other, '{"runs": []}');
    const result = await references('--from', other);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${other}: not a --json file of npm run claims or npm run references (no "seeds")`);
  });

  it('names the lesson and seed whose runs do not match its training cells', async () => {
    rmSync(OUT, { recursive: true, force: true });
    const broken = outcome('03-dropout', 5);
    broken.runs.pop();
    const file = saved(join(TMP, 'broken.json'), '2', { 5: { '03-dropout': broken } });
    const result = await references('--from', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: 03-dropout, seed 5: \d+ recorded runs?, but the lesson has \d+ training cells/);
  });
});
