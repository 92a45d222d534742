/**
 * Datasets imported in the browser, kept on this device: in the origin private file system (OPFS) where the
 * browser has it, else in IndexedDB. Each dataset is a folder of payload files (manifest.json, report.json,
 * sprite sheets, images/…) under an id; it is listed only once its `stored.json` is written, which the
 * importer does last, so a failed or cancelled import is never listed (and its leftovers are removed).
 */

export interface StoredDataset {
  id: string;
  title: string;
  /** Bytes of all its files. */
  bytes: number;
  count: number;
  createdAt: string;
}

/** "Dataset.zip" → "dataset"; a timestamp keeps two imports of one file apart. */
export function datasetId(title: string, now = Date.now()): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.zip$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'dataset';
  return `${slug}-${now.toString(36)}`;
}

const STORED_FILE = 'stored.json';
const ROOT = 'course-datasets';

interface Backend {
  write(id: string, path: string, data: Uint8Array | string): Promise<void>;
  read(id: string, path: string): Promise<Blob | undefined>;
  ids(): Promise<string[]>;
  remove(id: string): Promise<void>;
}

/** A full store, said in numbers the reader can act on. */
export class StorageQuotaError extends Error {
  constructor(readonly neededBytes: number, readonly availableBytes: number | undefined) {
    super(
      `the browser has no room for this dataset: it needs about ${megabytes(neededBytes)}` +
        (availableBytes === undefined ? '' : ` and this site may use ${megabytes(Math.max(0, availableBytes))} more`) +
        '; free space on the disk, delete a stored dataset, or allow this site more storage. Nothing was stored',
    );
    this.name = 'StorageQuotaError';
  }
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export const isQuotaError = (error: unknown) => error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);

/** What the browser says this site may still store (quota − usage), when it says. */
export async function availableBytes(): Promise<number | undefined> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate?.quota === undefined ? undefined : estimate.quota - (estimate.usage ?? 0);
}

function opfsBackend(): Backend {
  const root = async () => (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT, { create: true });
  const folder = async (id: string, path: string, create: boolean) => {
    let dir = await (await root()).getDirectoryHandle(id, { create });
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create });
    return { dir, name: parts.at(-1)! };
  };
  return {
    async write(id, path, data) {
      const { dir, name } = await folder(id, path, true);
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      try {
        await writable.write(data as FileSystemWriteChunkType);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => {});
        throw error;
      }
    },
    async read(id, path) {
      try {
        const { dir, name } = await folder(id, path, false);
        return await (await dir.getFileHandle(name)).getFile();
      } catch {
        return undefined;
      }
    },
    async ids() {
      const ids: string[] = [];
      for await (const [name] of (await root()) as unknown as AsyncIterable<[string, FileSystemHandle]>) ids.push(name);
      return ids;
    },
    async remove(id) {
      await (await root()).removeEntry(id, { recursive: true }).catch(() => {});
    },
  };
}

function idbBackend(): Backend {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(ROOT, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('files');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const transaction = db.transaction('files', mode);
        const request = work(transaction.objectStore('files'));
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = transaction.onabort = () => reject(transaction.error ?? request.error);
      });
    } finally {
      db.close();
    }
  };
  const range = (id: string) => IDBKeyRange.bound(`${id}/`, `${id}/\uffff`);
  return {
    write: async (id, path, data) => void (await run('readwrite', (store) => store.put(new Blob([data as BlobPart]), `${id}/${path}`))),
    read: (id, path) => run('readonly', (store) => store.get(`${id}/${path}`) as IDBRequest<Blob | undefined>),
    ids: async () => [...new Set((await run('readonly', (store) => store.getAllKeys())).map((key) => String(key).split('/')[0]!))],
    remove: async (id) => void (await run('readwrite', (store) => store.delete(range(id)))),
  };
}

let chosen: Backend | undefined;
function backend(): Backend {
  chosen ??= typeof navigator.storage?.getDirectory === 'function' && typeof FileSystemFileHandle !== 'undefined' && 'createWritable' in FileSystemFileHandle.prototype ? opfsBackend() : idbBackend();
  return chosen;
}

export async function listStoredDatasets(): Promise<StoredDataset[]> {
  const found: StoredDataset[] = [];
  for (const id of await backend().ids()) {
    const marker = await backend().read(id, STORED_FILE);
    if (!marker) continue; // an import still running in another tab, or one that died: not a dataset
    found.push(JSON.parse(await marker.text()) as StoredDataset);
  }
  return found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export async function storedDataset(id: string): Promise<StoredDataset | undefined> {
  const marker = await backend().read(id, STORED_FILE);
  return marker ? (JSON.parse(await marker.text()) as StoredDataset) : undefined;
}

export const readStoredFile = (id: string, path: string) => backend().read(id, path);

export const deleteStoredDataset = (id: string) => backend().remove(id);

/**
 * Writes one dataset's files; `commit` makes it visible, `discard` removes what was written. A full store
 * throws StorageQuotaError with what was written so far plus `remainingBytes()`.
 */
export function datasetWriter(id: string, remainingBytes: () => number) {
  let written = 0;
  return {
    async write(path: string, data: Uint8Array | string) {
      try {
        await backend().write(id, path, data);
      } catch (error) {
        if (isQuotaError(error)) throw new StorageQuotaError(written + remainingBytes(), await availableBytes().then((free) => (free === undefined ? undefined : free + written)));
        throw error;
      }
      written += typeof data === 'string' ? data.length : data.byteLength;
    },
    get bytes() {
      return written;
    },
    async commit(info: Omit<StoredDataset, 'bytes'>) {
      await this.write(STORED_FILE, JSON.stringify({ ...info, bytes: written }));
    },
    discard: () => backend().remove(id),
  };
}
