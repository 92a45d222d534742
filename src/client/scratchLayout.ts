/**
 * Where the reader's scratch cells sit in a lesson, kept in localStorage so they come back at the same place
 * after a reload. Each scratch cell has its own small entry (`course-scratch:v1:<lesson>:scratch-<n>`) holding
 * the lesson cell it follows; its code is saved like any edit (editStore.ts, under {@link scratchEditsLesson}).
 * One entry per cell, never a shared list: two tabs adding cells at once cannot overwrite each other's.
 *
 * Pure apart from the storage it is given, so the unit tests run it on a Map.
 */
import { safeLocalStorage, type EditStorage } from './editStore';

export interface ScratchPlacement {
  /** `scratch-<n>`: the cell's id on the page (data-cell) and in the exported notebook. */
  id: string;
  n: number;
  /** The lesson cell it follows (scratch cells after the same lesson cell are in the order they were added). */
  after: string;
}

export interface ScratchLayout {
  /** The stored scratch cells, in page order, each placed after a lesson cell of `lessonCellIds` (see {@link inPageOrder}). */
  list(lessonCellIds: readonly string[]): ScratchPlacement[];
  /** A new scratch cell after lesson cell `after`, stored at once; false when the storage refused it (it lives on the page only). */
  add(after: string): { placement: ScratchPlacement; stored: boolean };
  /** Stores a placement again (undoing a delete, or keeping a cell another tab deleted). */
  restore(placement: ScratchPlacement): boolean;
  remove(id: string): void;
  /** Whether the placement is stored (another tab may have deleted it). */
  has(id: string): boolean;
  /** The placement a storage key holds, if the key is one of this lesson's scratch cells. */
  parse(key: string, value: string | null): { id: string; placement?: ScratchPlacement } | undefined;
  readonly prefix: string;
}

const STORAGE_VERSION = 1;

/** The lesson id under which the scratch cells' code is saved by the edit store (apart from the lesson cells' edits). */
export const scratchEditsLesson = (lessonId: string): string => `${lessonId}/scratch`;

export function createScratchLayout(lessonId: string, storage: EditStorage | undefined = safeLocalStorage()): ScratchLayout {
  const prefix = `course-scratch:v${STORAGE_VERSION}:${lessonId}:`;
  // The highest number this tab has handed out: a deleted cell waiting for its Undo keeps its id.
  let highest = 0;
  const stored = (): ScratchPlacement[] => {
    const found: ScratchPlacement[] = [];
    for (let i = 0; i < (storage?.length ?? 0); i++) {
      const key = storage!.key(i);
      if (!key?.startsWith(prefix)) continue;
      const placement = parsePlacement(key.slice(prefix.length), safeGet(storage!, key));
      if (placement) found.push(placement);
    }
    return found;
  };
  const write = (placement: ScratchPlacement): boolean => {
    try {
      storage?.setItem(prefix + placement.id, JSON.stringify({ after: placement.after }));
      return storage !== undefined;
    } catch {
      return false; // full or refused: the cell stays on the page, and its code's save says so
    }
  };
  return {
    list: (lessonCellIds) => inPageOrder(lessonCellIds, stored()),
    add(after) {
      const n = Math.max(highest, ...stored().map((placement) => placement.n)) + 1;
      highest = n;
      const placement = { id: `scratch-${n}`, n, after };
      return { placement, stored: write(placement) };
    },
    restore: (placement) => {
      highest = Math.max(highest, placement.n);
      return write(placement);
    },
    remove(id) {
      try { storage?.removeItem(prefix + id); } catch { /* nothing to free */ }
    },
    has: (id) => storage !== undefined && safeGet(storage, prefix + id) !== null,
    parse(key, value) {
      if (!key.startsWith(prefix)) return undefined;
      const id = key.slice(prefix.length);
      return { id, placement: parsePlacement(id, value) };
    },
    prefix,
  };
}

/**
 * Scratch cells in page order: each lesson cell's in the order they were added (their number), right after it.
 * A cell whose lesson cell is gone (a new version of the lesson renamed it) follows the last lesson cell, so
 * the reader's code is still there.
 */
export function inPageOrder(lessonCellIds: readonly string[], placements: readonly ScratchPlacement[]): ScratchPlacement[] {
  const last = lessonCellIds.at(-1);
  const rank = (placement: ScratchPlacement) => {
    const index = lessonCellIds.indexOf(placement.after);
    return index === -1 ? lessonCellIds.length : index;
  };
  return [...placements]
    .sort((a, b) => rank(a) - rank(b) || a.n - b.n)
    .map((placement) => (lessonCellIds.includes(placement.after) || last === undefined ? placement : { ...placement, after: last }));
}

/** All cells in page order: each lesson cell followed by its scratch cells. */
export function withScratchCells<Cell extends { id: string }>(lessonCells: readonly Cell[], scratchCells: readonly (Cell & { after: string })[]): Cell[] {
  const order: Cell[] = [];
  for (const cell of lessonCells) order.push(cell, ...scratchCells.filter((scratch) => scratch.after === cell.id));
  return order;
}

function parsePlacement(id: string, text: string | null): ScratchPlacement | undefined {
  const n = Number(/^scratch-(\d+)$/.exec(id)?.[1]);
  if (!Number.isInteger(n) || n < 1) return undefined;
  try {
    const value = JSON.parse(text ?? 'null') as { after?: unknown } | null;
    return value && typeof value.after === 'string' ? { id, n, after: value.after } : undefined;
  } catch {
    return undefined; // a corrupt entry is no cell, rather than a broken page
  }
}

function safeGet(storage: EditStorage, key: string): string | null {
  try { return storage.getItem(key); } catch { return null; }
}
