/**
 * Issue 14, items 8, 9 and 11, beyond test/dataset/importHardening.test.ts: the import as processes see it —
 * through `npm run dataset:import` itself, two at once, one killed, one whose clean-up after the swap fails.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset, type ImportOptions } from '../../scripts/lib/dataset/importDataset';
import { writeArticle } from './fixtures';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const IMPORT_SCRIPT = join(REPO_ROOT, 'scripts/import-dataset.ts');
const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'import-processes-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});
let count = 0;
const fresh = (name: string) => join(workDir, `${++count}-${name}`);

function importInto(payloadDir: string, input: string, extra: Partial<ImportOptions> = {}) {
  return importDataset({ input, payloadDir, dataset: { id: 'fixture', title: 'Fixture' }, ...extra });
}

const activeId = async (payload: string) => JSON.parse(await readFile(join(payload, 'manifest.json'), 'utf8')).dataset.id as string;

/** A folder laid out like the course, whose public/data holds an earlier import ("previous"). */
async function project(name: string): Promise<{ root: string; payload: string }> {
  const root = fresh(name);
  const payload = join(root, 'public', 'data');
  await importInto(payload, await writeArticle(join(root, 'previous'), { labels: [1, 0, 1] }), { dataset: { id: 'previous', title: 'Previous' } });
  return { root, payload };
}

describe('item 9: after the swap, nothing can turn a success into a false "unchanged"', () => {
  it('the previous payload that cannot be removed is a warning of a successful import, not a failure', async () => {
    const { root, payload } = await project('previous-stuck');
    const busy = Object.assign(new Error('EBUSY: resource busy or locked, rmdir'), { code: 'EBUSY' });
    const result = await importInto(payload, await writeArticle(join(root, 'next'), { labels: [0, 1, 0, 1] }), {
      dataset: { id: 'next', title: 'Next' },
      payloadFileSystem: { removeFolder: async () => Promise.reject(busy) },
    });
    expect(await activeId(payload)).toBe('next');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(new RegExp(`^the previous payload could not be removed \\(EBUSY: resource busy or locked, rmdir\\); it is in ${payload}\\.partial-\\d+-[0-9a-f]{8}-previous, and the next import or build removes it$`));
  });

  it.runIf(process.getuid?.() === 0)('the command line reports the new dataset as active when the old one cannot be removed (a mount inside it)', async () => {
    const { root, payload } = await project('previous-mounted');
    // rmdir of a mount point fails with EBUSY: a real failure of the last clean-up step, after the swap.
    const mountPoint = join(payload, 'images', 'mounted');
    await mkdir(mountPoint);
    await run('mount', ['-t', 'tmpfs', '-o', 'size=100k', 'tmpfs', mountPoint]);
    let output = '';
    try {
      const { stdout, stderr } = await run(TSX, [IMPORT_SCRIPT, await writeArticle(join(root, 'next'), { labels: [0, 1, 0, 1] }), '--id', 'next', '--title', 'Next'], { cwd: root });
      output = stdout + stderr;
    } catch (error) {
      output = `${(error as { stdout: string }).stdout}${(error as { stderr: string }).stderr}`;
    } finally {
      const moved = (await readdir(join(root, 'public'))).find((name) => name.endsWith('-previous'));
      await run('umount', [moved ? join(root, 'public', moved, 'images', 'mounted') : mountPoint]);
    }
    expect(output).not.toContain('unchanged');
    expect(output).toContain(`Active dataset: Next in ${payload}`);
    expect(output).toMatch(/warning: the previous payload could not be removed \(EBUSY[^)]*\); it is in \S+-previous, and the next import or build removes it/);
    expect(await activeId(payload)).toBe('next');
  }, 60_000);
});
