/**
 * Issue 14, items 8, 9 and 11, beyond test/dataset/importHardening.test.ts: the import as processes see it —
 * through `npm run dataset:import` itself, two at once, one killed, one whose clean-up after the swap fails.
 */
import { mkdir, readdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNT, GENERATOR_VERSION } from '../../scripts/synthetic/generateDataset';
import { writeArticle } from './fixtures';
import { failure, importInto, IMPORT_SCRIPT, PREPARE_SCRIPT, project as courseFolder, REPO_ROOT, run, scratchFolder, startUntil, TSX, writeBigDataset } from './importTestKit';

const { fresh } = scratchFolder('import-processes-');
const project = (name: string) => courseFolder(fresh(name));
const activeId = async (payload: string) => JSON.parse(await readFile(join(payload, 'manifest.json'), 'utf8')).dataset.id as string;

describe('item 9 and 12: the report\'s copy under data/reports, written before the swap', () => {
  it('a refused import whose report cannot be kept still says first why it was refused', async () => {
    const { root, payload } = await project('refused-no-report');
    const source = await writeArticle(join(root, 'next'), { labels: [0, 1, 0] });
    await writeFile(join(source, 'images', '1.jpg'), 'not an image');
    const reportsDir = join(root, 'data', 'reports');
    await mkdir(join(root, 'data'));
    await writeFile(reportsDir, 'a file where the reports folder should be');
    const error = await importInto(payload, source, { reportsDir }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(new RegExp(`^1 of 3 images cannot be used, so nothing was imported:\\n  ${source}/images/1\\.jpg: not an image`));
    expect(error?.message).toContain(`\nThe report of what was found could not be kept: cannot write the report's copy ${reportsDir}/fixture-`);
    expect(await activeId(payload)).toBe('previous');
  });

  it.runIf(process.getuid?.() === 0)('a full disk under data/reports names the report\'s path, and the active dataset stays', async () => {
    const { root, payload } = await project('reports-full');
    const reportsDir = join(root, 'data', 'reports');
    await mkdir(reportsDir, { recursive: true });
    await run('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', reportsDir]);
    try {
      await writeFile(join(reportsDir, 'filler'), Buffer.alloc(4096)).catch(() => undefined);
      const error = await importInto(payload, await writeArticle(join(root, 'next'), { labels: [0, 1] }), { reportsDir }).then(() => undefined, (e: Error) => e);
      expect(error?.message).toMatch(new RegExp(`^no space left on the device while writing ${reportsDir}/fixture-[\\dTZ-]+\\.json: free some space there and import again$`));
      expect(await activeId(payload)).toBe('previous');
    } finally {
      await run('umount', [reportsDir]);
    }
  });
});

describe('item 12: a disk full before the import writes anything', () => {
  it.runIf(process.getuid?.() === 0)('names the lock file it could not write, and leaves nothing behind', async () => {
    const mountPoint = fresh('full');
    await mkdir(mountPoint, { recursive: true });
    await run('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', mountPoint]);
    try {
      await writeFile(join(mountPoint, 'filler'), Buffer.alloc(4096)).catch(() => undefined);
      const payload = join(mountPoint, 'data');
      const error = await failure(importInto(payload, await writeArticle(fresh('small'), { labels: [1, 0] })));
      expect(error.message).toBe(`no space left on the device while writing ${payload}.lock: free some space there and import again`);
      expect(await readdir(mountPoint)).toEqual(['filler']);
    } finally {
      await run('umount', [mountPoint]);
    }
  });
});

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

describe('item 8: Ctrl-C through "npm run dataset:import" itself', () => {
  it('SIGINT to the process group while packing (npm, sh and node all get it) leaves no partial or temporary folder', async () => {
    const big = await writeBigDataset(fresh('big'));
    const { root, payload, tmp } = await project('npm-interrupt');
    // The course's own npm script, run in a folder whose public/ is this test's: package.json's command, the code by link.
    const { scripts } = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8'));
    await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'interrupt-fixture', private: true, type: 'module', scripts: { 'dataset:import': scripts['dataset:import'] } }));
    for (const name of ['node_modules', 'scripts', 'src']) await symlink(join(REPO_ROOT, name), join(root, name));
    const before = await readFile(join(payload, 'manifest.json'), 'utf8');

    const importing = startUntil('npm', ['run', '--silent', 'dataset:import', '--', big], { cwd: root, env: { ...process.env, TMPDIR: tmp } }, /Packing images/);
    await importing.started;
    process.kill(-importing.child.pid!, 'SIGINT');
    const exitCode = await importing.exited;

    expect(importing.output()).toContain('dataset:import: interrupted; the active dataset is unchanged.');
    expect(exitCode).not.toBe(0);
    expect(await readdir(join(root, 'public'))).toEqual(['data']);
    expect((await readdir(tmp)).filter((name) => !name.startsWith('tsx-'))).toEqual([]);
    expect(await readFile(join(payload, 'manifest.json'), 'utf8')).toBe(before);
  }, 120_000);

  it('Ctrl-C while the build packs the default dataset (prepare-data --default under tsx) leaves no partial folder', async () => {
    const { root, payload } = await project('prepare-interrupt');
    // data/default as prepare-data finds it after drawing: 900 images and the generator's stamp, so it packs at once.
    await writeBigDataset(join(root, 'data', 'default'));
    await writeFile(join(root, 'data', 'default', 'generator.json'), JSON.stringify({ version: GENERATOR_VERSION, seed: 1, count: DEFAULT_COUNT }));
    const before = await readFile(join(payload, 'manifest.json'), 'utf8');
    const preparing = startUntil(TSX, [PREPARE_SCRIPT, '--default'], { cwd: root }, /Checking and packing the web payload/);
    await preparing.started;
    process.kill(-preparing.child.pid!, 'SIGINT');
    const exitCode = await preparing.exited;
    expect(preparing.output()).toContain('prepare-data: interrupted; the active dataset is unchanged.');
    expect(exitCode).toBe(130);
    expect(await readdir(join(root, 'public'))).toEqual(['data']);
    expect(await readFile(join(payload, 'manifest.json'), 'utf8')).toBe(before);
  }, 120_000);

  it('the next start removes temporary folders that imports of earlier versions left (and keeps a recent one)', async () => {
    const { root, tmp } = await project('old-temp');
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    for (const name of ['dataset-import-Ab12Cd', 'dataset-stage-Ef34Gh', 'dataset-import-Recent']) {
      await mkdir(join(tmp, name, 'Dataset', 'images'), { recursive: true });
      await writeFile(join(tmp, name, 'Dataset', 'images', '0.jpg'), 'extracted by an earlier version');
    }
    await utimes(join(tmp, 'dataset-import-Ab12Cd'), hoursAgo(3), hoursAgo(3));
    await utimes(join(tmp, 'dataset-stage-Ef34Gh'), hoursAgo(2), hoursAgo(2));
    const { stdout } = await run(TSX, [PREPARE_SCRIPT], { cwd: root, env: { ...process.env, TMPDIR: tmp } });
    expect(stdout).toContain(`removed ${tmp}/dataset-import-Ab12Cd, left in the temporary folder by an import that did not finish`);
    expect(stdout).toContain(`removed ${tmp}/dataset-stage-Ef34Gh, left in the temporary folder by an import that did not finish`);
    expect((await readdir(tmp)).filter((name) => name.startsWith('dataset-'))).toEqual(['dataset-import-Recent']);
  }, 60_000);
});

describe('item 11: two imports at once, as two processes', () => {
  it('the second command says another import is running and which, and changes nothing; the lock goes with the first', async () => {
    const big = await writeBigDataset(fresh('big-first'));
    const { root, payload } = await project('two-processes');
    const before = await readFile(join(payload, 'manifest.json'), 'utf8');
    const first = startUntil(TSX, [IMPORT_SCRIPT, big], { cwd: root }, /Packing images/);
    await first.started;
    // Stopped, the first holds the lock for as long as the second takes to start, however loaded the machine.
    process.kill(-first.child.pid!, 'SIGSTOP');
    const second = await run(TSX, [IMPORT_SCRIPT, await writeArticle(join(root, 'second'), { labels: [1, 0] })], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(second?.code).toBe(1);
    expect(second?.stderr).toMatch(
      new RegExp(`another import into ${payload} is running \\(process \\d+, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, importing ${big}\\); wait for it to finish or stop it, then try again \\(if no import is running, that process number was reused: delete ${payload}\\.lock\\)`),
    );
    process.kill(-first.child.pid!, 'SIGCONT');
    process.kill(-first.child.pid!, 'SIGINT');
    await first.exited;
    expect(first.output()).toContain('dataset:import: interrupted; the active dataset is unchanged.');
    expect(await readFile(join(payload, 'manifest.json'), 'utf8')).toBe(before);
    expect(await readdir(join(root, 'public'))).toEqual(['data']);
  }, 120_000);

  it('a lock left by an import that was killed (its process is gone) does not block the next one', async () => {
    const { root, payload } = await project('stale-lock');
    const deadPid = 4_194_304; // above Linux's pid_max: no such process
    await writeFile(`${payload}.lock`, `${JSON.stringify({ pid: deadPid, token: '0123456789abcdef', startedAt: '2026-12-01T00:00:00.000Z', input: '/somewhere' })}\n`);
    await importInto(payload, await writeArticle(join(root, 'next'), { labels: [0, 1] }), { dataset: { id: 'next', title: 'Next' } });
    expect(await activeId(payload)).toBe('next');
    expect(await readdir(join(root, 'public'))).toEqual(['data']);
  });
});
