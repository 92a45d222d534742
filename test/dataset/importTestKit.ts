/**
 * What the importer's tests share: the commands they run, a scratch folder per test file, a course-like folder
 * holding an earlier import, a dataset large enough to interrupt, and a child process watched until it is busy.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { importDataset, type ImportOptions } from '../../scripts/lib/dataset/importDataset';
import { HEADER, jpeg, writeArticle } from './fixtures';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const IMPORT_SCRIPT = join(REPO_ROOT, 'scripts/import-dataset.ts');
export const PREPARE_SCRIPT = join(REPO_ROOT, 'scripts/prepare-data.ts');
export const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
export const run = promisify(execFile);

/** A scratch folder for the calling test file, removed after it: `fresh(name)` is a new path inside it. */
export function scratchFolder(prefix: string): { fresh: (name: string) => string; root: () => string } {
  let dir = '';
  let count = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return { fresh: (name) => join(dir, `${++count}-${name}`), root: () => dir };
}

export function importInto(payloadDir: string, input: string, extra: Partial<ImportOptions> = {}) {
  return importDataset({ input, payloadDir, dataset: { id: 'fixture', title: 'Fixture' }, ...extra });
}

/** The error a promise rejects with; the test fails if it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: Error) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the import to fail, but it succeeded');
  return error;
}

/** A folder laid out like the course at `root`: public/data holds an earlier import ("previous"); tmp/ for TMPDIR. */
export async function project(root: string): Promise<{ root: string; payload: string; tmp: string }> {
  const tmp = join(root, 'tmp');
  await mkdir(tmp, { recursive: true });
  await mkdir(join(root, 'public'), { recursive: true });
  const payload = join(root, 'public', 'data');
  await importInto(payload, await writeArticle(join(root, 'previous'), { labels: [1, 0, 1] }), { dataset: { id: 'previous', title: 'Previous' } });
  return { root, payload, tmp };
}

/** 900 images: enough that packing takes a few seconds, so a signal arrives in the middle of it. */
export async function writeBigDataset(dir: string): Promise<string> {
  const labels = Array.from({ length: 900 }, (_, i) => i % 2);
  await mkdir(join(dir, 'images'), { recursive: true });
  const distinct = await Promise.all(Array.from({ length: 50 }, (_, i) => jpeg(i)));
  await Promise.all(labels.map((_, i) => writeFile(join(dir, 'images', `${i}.jpg`), distinct[i % 50]!)));
  await writeFile(join(dir, 'emergency_classification.csv'), `${HEADER}\n${labels.map((label, i) => `${i}.jpg,${label}`).join('\n')}\n`);
  return dir;
}

/** Starts a command in its own process group (as a terminal does); `started` resolves once its output matches `ready`. */
export function startUntil(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }, ready: RegExp) {
  const child = spawn(command, args, { ...options, detached: true });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => reject(new Error(`${command} ${args.join(' ')} ended before printing ${ready}:\n${output}`)));
  });
  return { child, started, exited, output: () => output };
}
