/**
 * The reader's edits to a lesson's cells, kept in localStorage so they survive a reload.
 * Each edit remembers a hash of the original it was made on: when a new deployment changes
 * that cell's original code, the edit is not silently applied over it.
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

const STORAGE_VERSION = 1;

export interface EditStore {
  status(cellId: string, original: string): EditStatus;
  save(cellId: string, original: string, source: string): void;
  discard(cellId: string): void;
  discardAll(): void;
  count(): number;
}

export function createEditStore(lessonId: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = safeLocalStorage()): EditStore {
  const key = `course-edits:v${STORAGE_VERSION}:${lessonId}`;
  const read = (): Record<string, SavedEdit> => {
    try {
      const parsed = JSON.parse(storage?.getItem(key) ?? '{}') as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, SavedEdit>) : {};
    } catch {
      return {}; // a corrupt entry is treated as no edits rather than breaking the page
    }
  };
  const write = (edits: Record<string, SavedEdit>) => {
    try {
      if (Object.keys(edits).length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(edits));
    } catch {
      // Storage full or disabled (private mode): edits then last only as long as the page.
    }
  };
  return {
    status(cellId, original) {
      const edit = read()[cellId];
      if (!edit || typeof edit.source !== 'string') return { kind: 'none' };
      return edit.originalHash === hashText(original) ? { kind: 'current', edit } : { kind: 'outdated', edit };
    },
    save(cellId, original, source) {
      const edits = read();
      if (source === original) delete edits[cellId];
      else edits[cellId] = { source, originalHash: hashText(original), savedAt: Date.now() };
      write(edits);
    },
    discard(cellId) {
      const edits = read();
      delete edits[cellId];
      write(edits);
    },
    discardAll: () => write({}),
    count: () => Object.keys(read()).length,
  };
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

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
