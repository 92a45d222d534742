/**
 * What an import reads from: a folder or a zip, seen as a tree of paths relative to what the reader chose.
 * Node (the file system) and the browser (File, directory handles, File lists) implement `DatasetSource`;
 * everything else in the importer works on paths inside it and names them with `where`.
 */
import { formatSize, MAX_DATASET_BYTES } from './limits';
import { quoted } from './names';
import { readZipDirectory, readZipEntry, type EntryKind, type RandomAccess, type ZipEntry } from './zipReader';

export type { EntryKind } from './zipReader';

export interface SourceEntry {
  name: string;
  kind: EntryKind;
  /** Bytes the file holds (for a zip entry: its declared uncompressed size). */
  size: number;
}

export interface DatasetSource {
  /** What the reader chose: a path on the command line, a file or folder name in the browser. */
  readonly label: string;
  readonly isZip: boolean;
  /** The entries of a folder ("" is the top), sorted by name; a missing folder lists as undefined. */
  list(dir: string): Promise<SourceEntry[] | undefined>;
  /** The bytes of a file, which `list` showed as a file. */
  read(path: string, signal?: AbortSignal): Promise<Uint8Array>;
  /** Where a symbolic link points, for the message that refuses it. */
  linkTarget?(path: string): Promise<string | undefined>;
  /** A path inside, as messages name it: "/home/me/Dataset/images/3.jpg", "Dataset.zip:Dataset/images/3.jpg". */
  where(path: string): string;
  /** Frees what the source holds open (a file handle). */
  close?(): Promise<void>;
}

export const joinPath = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);

/** "unpacks to 60.0 MB" for a zip entry, "is 60.0 MB" for a file. */
export function sizePhrase(source: DatasetSource, bytes: number): string {
  return `${source.isZip ? 'unpacks to' : 'is'} ${formatSize(bytes)}`;
}

/** A tree of entries held in memory, for sources that know all their paths at once (a zip, a browser File list). */
export class EntryTree {
  private readonly folders = new Map<string, Map<string, SourceEntry>>([['', new Map()]]);

  add(path: string, kind: EntryKind, size: number): void {
    const parts = path.split('/').filter((part) => part !== '');
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = parts.slice(0, depth).join('/');
      const name = parts[depth]!;
      const isLast = depth === parts.length - 1;
      const folder = this.folders.get(dir)!;
      if (!isLast || kind === 'directory') {
        if (!folder.has(name)) folder.set(name, { name, kind: 'directory', size: 0 });
        const child = joinPath(dir, name);
        if (!this.folders.has(child)) this.folders.set(child, new Map());
      } else {
        folder.set(name, { name, kind, size });
      }
    }
  }

  list(dir: string): SourceEntry[] | undefined {
    const folder = this.folders.get(dir);
    return folder ? [...folder.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : undefined;
  }
}

/** A zip read in place through random access (see zipReader.ts); its total declared size is capped first. */
export async function zipSource(access: RandomAccess, label: string, close?: () => Promise<void>): Promise<DatasetSource> {
  const entries = await readZipDirectory(access, label);
  const files = entries.filter((entry) => entry.kind !== 'directory');
  const total = files.reduce((sum, entry) => sum + entry.size, 0);
  if (total > MAX_DATASET_BYTES) {
    throw new Error(`${label} unpacks to ${formatSize(total)} in ${files.length} files; a dataset may be at most ${MAX_DATASET_BYTES / 1024 ** 3} GiB, so nothing was imported`);
  }
  const tree = new EntryTree();
  const byPath = new Map<string, ZipEntry>();
  for (const entry of entries) {
    tree.add(entry.name, entry.kind, entry.size);
    byPath.set(entry.name, entry);
  }
  const where = (path: string) => `${label}:${path}`;
  const entryAt = (path: string) => {
    const entry = byPath.get(path);
    if (!entry) throw new Error(`${where(path)} is not in the zip`);
    return entry;
  };
  return {
    label,
    isZip: true,
    list: async (dir) => tree.list(dir),
    read: (path, signal) => readZipEntry(access, entryAt(path), where(path), signal),
    async linkTarget(path) {
      const entry = entryAt(path);
      if (entry.size > 4096) return undefined;
      return new TextDecoder().decode(await readZipEntry(access, entry, where(path)));
    },
    where,
    close,
  };
}

/**
 * "is a symbolic link (to "/etc/passwd"); …", for entries that are not plain files. `what` is what the entry
 * should have been: an image file, or the label file (a link there is refused too: a dataset is plain files).
 */
export async function notAFileProblem(source: DatasetSource, path: string, kind: EntryKind, what: 'image file' | 'label file' = 'image file'): Promise<string | undefined> {
  if (kind === 'file') return undefined;
  if (kind === 'symlink') {
    const target = await source.linkTarget?.(path).catch(() => undefined);
    const rule = what === 'image file' ? 'a dataset holds plain image files only' : 'the label file must be a plain file (copy it here instead of linking to it)';
    return `is a symbolic link${target === undefined ? '' : ` (to ${quoted(target)})`}; ${rule}`;
  }
  const expected = what === 'image file' ? 'an image file' : 'a label file';
  if (kind === 'fifo') return `is a named pipe (FIFO), not ${expected}`;
  if (kind === 'device') return `is a device file, not ${expected}`;
  if (kind === 'socket') return `is a socket, not ${expected}`;
  return `is a folder, not ${expected}`;
}
