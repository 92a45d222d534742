/**
 * The command line's side of the importer's sources (src/importer/source.ts): a folder on disk, read with
 * lstat so that links, pipes and devices are seen for what they are, or a zip read in place through a
 * file handle (never extracted to a temporary folder).
 */
import { constants, type Dirent } from 'node:fs';
import { lstat, open, readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { looksLikeZip } from '../../../src/importer/zipReader';
import { zipSource, type DatasetSource, type EntryKind, type SourceEntry } from '../../../src/importer/source';

export async function openNodeSource(input: string): Promise<DatasetSource> {
  const path = resolve(input);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${path} not found` : `cannot read ${path}: ${error.message}`);
  });
  if (info.isDirectory()) return folderSource(path);
  if (!info.isFile()) throw new Error(`${path} is neither a folder nor a zip file`);
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead < 4 || !looksLikeZip(buffer)) throw new Error(`${path} is neither a folder nor a zip file`);
    const access = {
      size: info.size,
      async read(offset: number, length: number) {
        const bytes = Buffer.alloc(length);
        const { bytesRead: got } = await handle.read(bytes, 0, length, offset);
        return got === length ? bytes : bytes.subarray(0, got);
      },
    };
    return await zipSource(access, path, () => handle.close());
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function kindOf(entry: Dirent): EntryKind {
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'device';
  if (entry.isSocket()) return 'socket';
  return 'file';
}

function folderSource(root: string): DatasetSource {
  const full = (path: string) => (path === '' ? root : join(root, path));
  return {
    label: root,
    isZip: false,
    async list(dir) {
      let entries: Dirent[];
      try {
        entries = await readdir(full(dir), { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
        throw error;
      }
      const listed: SourceEntry[] = await Promise.all(
        entries.map(async (entry) => {
          const kind = kindOf(entry);
          const size = kind === 'file' ? (await lstat(join(full(dir), entry.name))).size : 0;
          return { name: entry.name, kind, size };
        }),
      );
      return listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    // O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a pipe after it was listed fails instead of hanging.
    read: (path) => readFile(full(path), { flag: constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK }),
    linkTarget: (path) => readlink(full(path)),
    where: full,
  };
}
