/**
 * The browser's side of the importer's sources (src/importer/source.ts): a zip File read in place through
 * Blob slices (never loaded whole), or the files of a picked or dropped folder (webkitdirectory, the
 * directory picker, drag and drop), seen as one tree whose paths are relative to the folder the reader chose.
 */
import { joinPath, EntryTree, zipSource, type DatasetSource } from '../source';
import { looksLikeZip } from '../zipReader';

/** One file of a picked folder, its path relative to the chosen folder ("images/0.jpg"). */
export interface PickedFile {
  path: string;
  file: Blob;
}

export async function openZipFile(file: Blob, label: string): Promise<DatasetSource> {
  const first = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (first.length < 4 || !looksLikeZip(first)) throw new Error(`${label} is neither a folder nor a zip file`);
  const access = {
    size: file.size,
    read: async (offset: number, length: number) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
  return zipSource(access, label);
}

/** Files of a folder; `label` is the folder's name, which messages put in front of paths as the CLI puts the folder's path. */
export function pickedFilesSource(files: readonly PickedFile[], label: string): DatasetSource {
  const tree = new EntryTree();
  const byPath = new Map<string, Blob>();
  for (const { path, file } of files) {
    tree.add(path, 'file', file.size);
    byPath.set(path, file);
  }
  const where = (path: string) => (path === '' ? label : `${label}/${path}`);
  return {
    label,
    isZip: false,
    list: async (dir) => tree.list(dir),
    async read(path) {
      const file = byPath.get(path);
      if (!file) throw new Error(`${where(path)} not found`);
      try {
        return new Uint8Array(await file.arrayBuffer());
      } catch (error) {
        throw new Error(`cannot read ${where(path)}: ${(error as Error).message} (was it moved or deleted since it was chosen?)`);
      }
    },
    where,
  };
}

/**
 * What an `<input webkitdirectory>` gives: paths start with the chosen folder's name ("Dataset/images/0.jpg").
 * Returns the folder's name and the paths inside it.
 */
export function fromRelativePaths(files: readonly File[]): { label: string; files: PickedFile[] } {
  const tops = new Set(files.map((file) => (file.webkitRelativePath || file.name).split('/')[0]!));
  if (tops.size === 1) {
    const [label] = tops;
    return { label: label!, files: files.map((file) => ({ path: (file.webkitRelativePath || file.name).split('/').slice(1).join('/'), file })) };
  }
  return { label: [...tops].sort().join(' + '), files: files.map((file) => ({ path: file.webkitRelativePath || file.name, file })) };
}

/** Every file under a directory handle (the directory picker, or a dropped folder's handle). */
export async function filesOfDirectoryHandle(handle: FileSystemDirectoryHandle, prefix = ''): Promise<PickedFile[]> {
  const found: PickedFile[] = [];
  // `values()` is in Chromium's FileSystemDirectoryHandle, not yet in TypeScript's DOM library.
  for await (const entry of (handle as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
    const path = joinPath(prefix, entry.name);
    if (entry.kind === 'directory') found.push(...(await filesOfDirectoryHandle(entry as FileSystemDirectoryHandle, path)));
    else found.push({ path, file: await (entry as FileSystemFileHandle).getFile() });
  }
  return found;
}

/** Every file under a dropped entry (DataTransferItem.webkitGetAsEntry), paths relative to `prefix`. */
export async function filesOfEntry(entry: FileSystemEntry, prefix: string): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: prefix, file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most 100 entries a call; an empty batch is the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((child) => filesOfEntry(child, joinPath(prefix, child.name))));
  return nested.flat();
}
