/**
 * Safe zip extraction for dataset archives (the article's Dataset.zip). Every entry name is checked before
 * anything is written, so an archive with a "../" or absolute entry is refused without touching the disk.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

// Far above any image dataset this course uses; stops a zip bomb from filling the disk.
export const MAX_EXTRACTED_BYTES = 8 * 1024 ** 3;

// Folders that macOS's archiver adds (resource forks), never part of the dataset.
const IGNORED_PREFIXES = ['__MACOSX/'];

export interface ZipFileEntry {
  /** Forward-slash path inside the archive, e.g. "Dataset/images/0.jpg". */
  name: string;
  bytes: number;
}

export interface ExtractOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** "PK\x03\x04" (a zip with entries) or "PK\x05\x06" (an empty zip). */
export function looksLikeZip(firstBytes: Uint8Array): boolean {
  return firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && ((firstBytes[2] === 3 && firstBytes[3] === 4) || (firstBytes[2] === 5 && firstBytes[3] === 6));
}

/** Why an entry name cannot be extracted under a folder, or undefined when it is safe. */
export function unsafeEntryProblem(name: string): string | undefined {
  if (name.includes('\u0000')) return 'has a NUL character in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || isAbsolute(name)) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'has a ".." segment, so it would be written outside the target folder';
  return undefined;
}

/** Lists the file entries (not folders) after checking every name; throws before anything is written. */
export async function listZipEntries(zipPath: string): Promise<ZipFileEntry[]> {
  const zip = await openZip(zipPath);
  try {
    return (await readEntries(zip, zipPath)).map(({ name, entry }) => ({ name, bytes: entry.uncompressedSize }));
  } finally {
    zip.close();
  }
}

/** Extracts every file entry into `targetDir` (which should be new and empty); returns the entries written. */
export async function extractZip(zipPath: string, targetDir: string, options: ExtractOptions = {}): Promise<ZipFileEntry[]> {
  const zip = await openZip(zipPath);
  try {
    const entries = await readEntries(zip, zipPath);
    const root = resolve(targetDir);
    let done = 0;
    for (const { name, entry } of entries) {
      options.signal?.throwIfAborted();
      const target = resolve(root, name);
      // Second line of defence: the names were checked, but the target must also resolve inside the folder.
      if (relative(root, target).startsWith(`..${sep}`) || isAbsolute(relative(root, target))) {
        throw new Error(`${zipPath}: entry "${name}" would be written outside ${root}`);
      }
      await mkdir(dirname(target), { recursive: true });
      const stream = await zip.openReadStreamPromise(entry).catch((error: Error) => {
        throw new Error(`${zipPath}: cannot read entry "${name}": ${error.message}`);
      });
      await pipeline(stream, createWriteStream(target, { flags: 'wx' }), { signal: options.signal }).catch((error: Error) => {
        if (error.name === 'AbortError') throw error;
        throw new Error(`${zipPath}: cannot extract entry "${name}": ${error.message}`);
      });
      options.onProgress?.(++done, entries.length);
    }
    return entries.map(({ name, entry: e }) => ({ name, bytes: e.uncompressedSize }));
  } finally {
    zip.close();
  }
}

async function openZip(zipPath: string): Promise<ZipFile> {
  try {
    // decodeStrings: false, so that unsafe names reach our own check (and message) instead of yauzl's.
    return await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw new Error(`${zipPath} is not a readable zip file: ${(error as Error).message}`);
  }
}

async function readEntries(zip: ZipFile, zipPath: string): Promise<{ name: string; entry: Entry }[]> {
  const files: { name: string; entry: Entry }[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      // Backslashes become slashes (archives made on Windows), so "..\\x" is caught as "../x".
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      const problem = unsafeEntryProblem(name);
      if (problem) throw new Error(`${zipPath}: entry "${name}" ${problem}; nothing was extracted`);
      if (name.endsWith('/') || IGNORED_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
      if (entry.isEncrypted()) throw new Error(`${zipPath}: entry "${name}" is encrypted (expected a plain zip)`);
      if (seen.has(name)) throw new Error(`${zipPath}: entry "${name}" appears twice in the archive`);
      seen.add(name);
      totalBytes += entry.uncompressedSize;
      if (totalBytes > MAX_EXTRACTED_BYTES) {
        throw new Error(`${zipPath}: unpacks to more than ${MAX_EXTRACTED_BYTES / 1024 ** 3} GiB; refusing to extract it`);
      }
      files.push({ name, entry });
    }
  } catch (error) {
    if ((error as Error).message.startsWith(zipPath)) throw error;
    throw new Error(`${zipPath} is not a valid zip file: ${(error as Error).message}`);
  }
  return files;
}
