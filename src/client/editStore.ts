/**
 * The reader's edits to a lesson's cells, kept in localStorage so they survive a reload.
 * Each edit remembers a hash of the original it was made on: when a new deployment changes
 * that cell's original code, the edit is not silently applied over it.
 *
 * Each cell's edit is its own small entry (`course-edits:v2:<lesson>:<cell>`), apart from the run
 * log and the checkpoint index, so that saving one keystroke writes only that cell, and a full
 * storage is met by freeing the run log's oldest records before an edit is given up.
 */
export interface SavedEdit {
  source: string;
  /** Hash of the lesson's original code of the cell when the reader edited it. */
  originalHash: string;
  savedAt: number;
}

export type EditStatus =
  | { kind: 'none' }
  | { kind: 'current'; edit: SavedEdit }
  | { kind: 'outdated'; edit: SavedEdit };

/** What became of one save. */
export type SaveResult =
  /** Stored; `prunedRuns` old run records were removed first to make room. */
  | { kind: 'saved'; prunedRuns: number }
  /** The storage is full even with the run log emptied: the edit lives only on this page. */
  | { kind: 'full' }
  /** The browser gives this page no storage (private mode, storage disabled). */
  | { kind: 'unavailable' }
  /** Another tab changed this cell's saved edit since this tab last read or wrote it: nothing was written. */
  | { kind: 'conflict'; change: OtherTabChange };

/** A cell's saved edit as another tab of the lesson left it: `theirs` undefined when that tab reset the cell. */
export interface OtherTabChange {
  theirs?: SavedEdit;
}

const STORAGE_VERSION = 2;

export interface EditStore {
  status(cellId: string, original: string): EditStatus;
  /** Saves an edit unless another tab changed the cell's saved edit since (then `conflict`); `force` overwrites it. */
  save(cellId: string, original: string, source: string, options?: { force?: boolean }): SaveResult;
  discard(cellId: string): void;
  /** Removes this lesson's saved edits, except those another tab saved or changed since this tab read them. */
  discardAll(): void;
  count(): number;
  /** The cell's saved edit, if another tab changed it since this tab last read or wrote it. */
  changedElsewhere(cellId: string): OtherTabChange | undefined;
  /** This tab takes the other tab's version of the cell as its own (the reader chose theirs). */
  accept(cellId: string): void;
  /** The storage key prefix of this lesson's edits (for storage events). */
  readonly prefix: string;
}

export type EditStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface EditStoreOptions {
  /** Frees room when the storage is full: removes the oldest record of something less precious, false when there is none left. */
  makeRoom?: () => boolean;
}

export function createEditStore(lessonId: string, storage: EditStorage | undefined = safeLocalStorage(), options: EditStoreOptions = {}): EditStore {
  const prefix = `course-edits:v${STORAGE_VERSION}:${lessonId}:`;
  const keyOf = (cellId: string) => prefix + cellId;
  migrateVersion1(lessonId, storage, keyOf);
  // What this tab last read or wrote for each cell, as stored text: a stored text that differs was written by
  // another tab of the lesson, and is not overwritten or removed without the reader's choice.
  const seen = new Map<string, string | null>();
  const openedAt = Date.now();
  const raw = (cellId: string): string | null => {
    try { return storage?.getItem(keyOf(cellId)) ?? null; } catch { return null; }
  };
  const read = (cellId: string): SavedEdit | undefined => {
    const text = raw(cellId);
    seen.set(cellId, text);
    return parseEdit(text);
  };
  const keys = (): string[] => {
    const found: string[] = [];
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const key = storage!.key(i);
      if (key?.startsWith(prefix)) found.push(key);
    }
    return found;
  };
  const remove = (key: string) => {
    try { storage?.removeItem(key); } catch { /* nothing to free */ }
    seen.set(key.slice(prefix.length), null);
  };
  const changedElsewhere = (cellId: string): OtherTabChange | undefined => {
    if (!seen.has(cellId)) return undefined;
    const text = raw(cellId);
    return text === seen.get(cellId) ? undefined : { theirs: parseEdit(text) };
  };
  return {
    status(cellId, original) {
      const edit = read(cellId);
      if (!edit) return { kind: 'none' };
      return edit.originalHash === hashText(original) ? { kind: 'current', edit } : { kind: 'outdated', edit };
    },
    save(cellId, original, source, { force = false } = {}) {
      if (!storage) return { kind: 'unavailable' };
      if (!seen.has(cellId)) seen.set(cellId, raw(cellId));
      const change = force ? undefined : changedElsewhere(cellId);
      if (change) return { kind: 'conflict', change };
      if (source === original) {
        remove(keyOf(cellId));
        return { kind: 'saved', prunedRuns: 0 };
      }
      const text = JSON.stringify({ source, originalHash: hashText(original), savedAt: Date.now() } satisfies SavedEdit);
      const result = writeMakingRoom(storage, keyOf(cellId), text, options.makeRoom);
      if (result.kind === 'saved') seen.set(cellId, text);
      return result;
    },
    discard: (cellId) => remove(keyOf(cellId)),
    discardAll: () => {
      for (const key of keys()) {
        const cellId = key.slice(prefix.length);
        // An edit this tab never read is another tab's if it was saved after this tab opened the lesson.
        const mine = seen.has(cellId) ? changedElsewhere(cellId) === undefined : (parseEdit(raw(cellId))?.savedAt ?? 0) < openedAt;
        if (mine) remove(key);
      }
    },
    count: () => keys().length,
    changedElsewhere,
    accept: (cellId) => void seen.set(cellId, raw(cellId)),
    prefix,
  };
}

function parseEdit(text: string | null): SavedEdit | undefined {
  try {
    const parsed = JSON.parse(text ?? 'null') as Partial<SavedEdit> | null;
    return parsed && typeof parsed.source === 'string' ? (parsed as SavedEdit) : undefined;
  } catch {
    return undefined; // a corrupt entry is treated as no edit rather than breaking the page
  }
}

/** Writes an entry; while the storage is full, frees the oldest records `makeRoom` offers and tries again. */
function writeMakingRoom(storage: EditStorage, key: string, text: string, makeRoom?: () => boolean): SaveResult {
  let prunedRuns = 0;
  for (;;) {
    try {
      storage.setItem(key, text);
      return { kind: 'saved', prunedRuns };
    } catch (error) {
      if (!isQuotaError(error)) return { kind: 'unavailable' };
      if (!makeRoom?.()) return { kind: 'full' };
      prunedRuns++;
    }
  }
}

/** The storage is full: QuotaExceededError (Chromium, Safari), NS_ERROR_DOM_QUOTA_REACHED (old Firefox). */
export function isQuotaError(error: unknown): boolean {
  const { name, code } = (error ?? {}) as { name?: string; code?: number };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** Edits saved by the course before each cell had its own entry (one object per lesson) move to their own entries. */
function migrateVersion1(lessonId: string, storage: EditStorage | undefined, keyOf: (cellId: string) => string): void {
  const oldKey = `course-edits:v1:${lessonId}`;
  try {
    const old = storage?.getItem(oldKey);
    if (old == null) return;
    const edits = JSON.parse(old) as Record<string, SavedEdit>;
    for (const [cellId, edit] of Object.entries(typeof edits === 'object' && edits ? edits : {})) {
      if (storage!.getItem(keyOf(cellId)) === null) storage!.setItem(keyOf(cellId), JSON.stringify(edit));
    }
    storage!.removeItem(oldKey);
  } catch {
    // A corrupt or unmovable old entry stays where it is; it costs nothing to leave it.
  }
}

/** FNV-1a, 32 bits, as hex: enough to notice that a cell's original code changed. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The page's localStorage, or undefined where the browser gives none (reading it can throw). */
export function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
