/**
 * The command line's staging area for a payload (src/importer/runImport.ts writes into it): a sibling folder
 * "<payload>.partial-<pid>-<random>" that replaces the payload in one rename once complete. A lock file
 * "<payload>.lock" keeps two imports from racing; folders left by an import that died (its process is gone)
 * are removed, or put back, at the next start.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { MANIFEST_FILE } from '../../../src/ml/manifest';
import type { ImportTarget } from '../../../src/importer/runImport';

const PARTIAL_MARKER = '.partial-';

/** Where the payload's files are written and the replaced one removed; tests swap these to make them fail. */
export interface PayloadFileSystem {
  writeFile?(path: string, data: Uint8Array | string): Promise<void>;
  /** Removes the previous payload once the new one is in place. */
  removeFolder?(path: string): Promise<void>;
}

export interface PayloadFolder {
  target: ImportTarget;
  stagingDir: string;
  /**
   * Swaps the staged payload in (the previous one is restored if the swap fails). Once the swap is done it never
   * throws: what it could not tidy up (the previous payload, the lock) is returned as warnings, for the next
   * start removes it, and a failure message would wrongly say the active dataset is unchanged.
   */
  commit(): Promise<string[]>;
  /** Removes what was staged, if not committed, and releases the lock (never throws after a commit). */
  close(): Promise<string[]>;
}

/** A full disk (or quota) said with the path it happened at, instead of a bare "ENOSPC"; undefined for other errors. */
export function diskFullError(error: NodeJS.ErrnoException, path: string): Error | undefined {
  if (error.code !== 'ENOSPC' && error.code !== 'EDQUOT') return undefined;
  return new Error(`no space left on the device while writing ${path}: free some space there and import again`);
}

function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Cleans up after imports that died: partial folders of processes that are gone are deleted, and a previous
 * payload moved aside mid-swap is put back if nothing replaced it. Returns what it did, for the log.
 */
export async function removeStalePayloadFolders(payloadDir: string): Promise<string[]> {
  const outDir = resolve(payloadDir);
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}${PARTIAL_MARKER}`;
  const done: string[] = [];
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const match = entry.startsWith(prefix) ? /^(\d+)-[0-9a-f]{8}(-previous)?$/.exec(entry.slice(prefix.length)) : null;
    if (!match || isProcessRunning(Number(match[1]))) continue;
    const abandoned = join(parent, entry);
    if (match[2] !== undefined && !(await pathExists(outDir))) {
      await rename(abandoned, outDir);
      done.push(`restored ${basename(outDir)} from ${entry}, moved aside by an import that did not finish`);
    } else {
      await rm(abandoned, { recursive: true, force: true });
      done.push(`removed ${entry}, left behind by an import that did not finish`);
    }
  }
  return done;
}

// Earlier versions of the import extracted zips and staged sources in the temporary folder (mkdtemp's six
// characters after the prefix); an interrupted one left 36 MB there. Nothing makes these any more.
const OLD_TEMP_FOLDER = /^dataset-(import|stage)-[A-Za-z0-9]{6}$/;
// Old enough that no import of an older checkout is still using it.
const OLD_TEMP_AGE_MS = 60 * 60 * 1000;

/** Removes the temporary folders that imports of earlier versions left behind. Returns what it did, for the log. */
export async function removeStaleTempFolders(parent = tmpdir(), now = Date.now()): Promise<string[]> {
  const done: string[] = [];
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    if (!OLD_TEMP_FOLDER.test(entry)) continue;
    const path = join(parent, entry);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory() || now - info.mtimeMs < OLD_TEMP_AGE_MS) continue;
    await rm(path, { recursive: true, force: true });
    done.push(`removed ${path}, left in the temporary folder by an import that did not finish`);
  }
  return done;
}

interface LockInfo {
  pid: number;
  token: string;
  startedAt: string;
  input: string;
}

async function acquireLock(lockPath: string, payloadDir: string, input: string): Promise<() => Promise<void>> {
  const info: LockInfo = { pid: process.pid, token: randomBytes(8).toString('hex'), startedAt: new Date().toISOString(), input };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockPath, `${JSON.stringify(info)}\n`, { flag: 'wx' });
      return async () => {
        const current = await readFile(lockPath, 'utf8').then((text) => JSON.parse(text) as LockInfo, () => undefined);
        if (current?.token === info.token) await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        // Not another import's lock: ours, created but not written (a full disk), so it must not stay.
        await rm(lockPath, { force: true });
        throw diskFullError(error as NodeJS.ErrnoException, lockPath) ?? error;
      }
    }
    const holder = await readFile(lockPath, 'utf8').then((text) => JSON.parse(text) as LockInfo, () => undefined);
    if (holder && isProcessRunning(holder.pid)) {
      throw new Error(`another import into ${payloadDir} is running (process ${holder.pid}, started ${holder.startedAt}, importing ${holder.input}); wait for it to finish or stop it, then try again (if no import is running, that process number was reused: delete ${lockPath})`);
    }
    // The holder died without releasing it (killed): the lock is stale.
    await rm(lockPath, { force: true });
  }
  throw new Error(`cannot take the import lock ${lockPath}: it keeps reappearing`);
}

/** Refuses to replace a folder that is not a payload, e.g. a mistyped --out pointing at public/. */
async function assertReplaceable(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
    throw new Error(`refusing to replace ${outDir}: it is not empty and has no ${MANIFEST_FILE}, so it does not look like a dataset payload`);
  }
}

export async function openPayloadFolder(payloadDir: string, options: { input: string; fileSystem?: PayloadFileSystem }): Promise<PayloadFolder> {
  const outDir = resolve(payloadDir);
  await mkdir(dirname(outDir), { recursive: true });
  const releaseLock = await acquireLock(`${outDir}.lock`, outDir, options.input);
  let stagingDir: string | undefined;
  try {
    await removeStalePayloadFolders(outDir);
    await removeStaleTempFolders();
    await assertReplaceable(outDir);
    stagingDir = `${outDir}${PARTIAL_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
    const imagesDir = join(stagingDir, 'images');
    await mkdir(imagesDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw diskFullError(error, imagesDir) ?? error;
    });
  } catch (error) {
    if (stagingDir) await rm(stagingDir, { recursive: true, force: true });
    await releaseLock();
    throw error;
  }
  const staged = stagingDir;
  const write = options.fileSystem?.writeFile ?? writeFile;
  const removeFolder = options.fileSystem?.removeFolder ?? ((path: string) => rm(path, { recursive: true, force: true }));
  let committed = false;
  return {
    stagingDir: staged,
    target: {
      async write(path, data) {
        const file = join(staged, path);
        await write(file, data).catch((error: NodeJS.ErrnoException) => {
          throw diskFullError(error, file) ?? error;
        });
      },
    },
    async commit() {
      const previous = await replaceDirectory(staged, outDir);
      committed = true;
      if (previous === undefined) return [];
      return removeFolder(previous).then(
        () => [],
        (error: Error) => [`the previous payload could not be removed (${error.message}); it is in ${previous}, and the next import or build removes it`],
      );
    },
    async close() {
      if (!committed) {
        await rm(staged, { recursive: true, force: true });
        await releaseLock();
        return [];
      }
      return releaseLock().then(
        () => [],
        (error: Error) => [`the import lock ${outDir}.lock could not be removed (${error.message}); the next import removes it`],
      );
    },
  };
}

/**
 * Swaps the finished payload in: the old one is moved aside first and restored if the swap fails. Returns where
 * the old one now is, for the caller to remove (undefined when there was none).
 */
async function replaceDirectory(tempDir: string, outDir: string): Promise<string | undefined> {
  if (!(await pathExists(outDir))) {
    await rename(tempDir, outDir);
    return undefined;
  }
  const previous = `${tempDir}-previous`;
  await rename(outDir, previous);
  try {
    await rename(tempDir, outDir);
  } catch (error) {
    await rename(previous, outDir).catch((restoreError: Error) => {
      // The one case where a failed import changes what is active: say so, and where the old payload is.
      throw Object.assign(new Error(`${(error as Error).message}; the previous payload could not be put back either (${restoreError.message}): it is in ${previous}, and the next import or build puts it back`), { activeDatasetChanged: true });
    });
    throw error;
  }
  return previous;
}
