/**
 * Stale marks, as a notebook shows them: a cell that ran is marked when a name it used has been
 * redefined or assigned since, by a rerun of another cell ("stale: cell 2 changed epochs since this
 * ran"), or when an earlier cell that defines one of those names has been edited since ("stale: cell 1
 * was edited since this ran (`epochs`)"): its output no longer shows what the code above says.
 * Rerunning the marked cell clears its mark; an edit taken back to the code that ran clears the marks it made.
 */
import type { CellNames } from './runtime';
import type { NotebookText } from '../i18n/notebook';

export interface TrackedCell {
  id: string;
  number: string;
  root: HTMLElement;
  /** The toolbar element the mark is written in. */
  staleMark: HTMLElement;
}

export interface StaleTracker {
  /** `cell` ran `source` to the end with these names. */
  ran(cell: TrackedCell, names: CellNames, cells: readonly TrackedCell[], source: string): void;
  /**
   * The reader edited `cell` (now `source`, whose top-level declarations are `declares`): the later cells of
   * `cells` (in page order) that used a name it defines — in its last run or in its new code — are marked.
   */
  edited(cell: TrackedCell, source: string, declares: readonly string[], cells: readonly TrackedCell[]): void;
  /** Whether any cell has run (before that, an edit makes nothing stale). */
  anyRan(): boolean;
}

export function createStaleTracker(t: NotebookText): StaleTracker {
  const used = new Map<string, Set<string>>();
  const lastRun = new Map<string, { source: string; changed: string[] }>();
  // Marks an edit made, by marked cell: which cell's edit (a rerun's mark replaces it).
  const markedByEdit = new Map<string, string>();
  return {
    ran(cell, names, cells, source) {
      used.set(cell.id, new Set(names.used));
      lastRun.set(cell.id, { source, changed: names.changed });
      mark(cell, undefined);
      markedByEdit.delete(cell.id);
      for (const other of cells) {
        if (other === cell) continue;
        const changed = names.changed.filter((name) => used.get(other.id)?.has(name));
        if (changed.length === 0) continue;
        mark(other, t.staleSince(cell.number, changed));
        markedByEdit.delete(other.id);
      }
    },
    edited(cell, source, declares, cells) {
      const run = lastRun.get(cell.id);
      const names = new Set([...(run?.changed ?? []), ...declares]);
      const backToRun = run?.source === source;
      for (const other of cells.slice(cells.indexOf(cell) + 1)) {
        const hit = backToRun ? [] : [...names].filter((name) => used.get(other.id)?.has(name));
        if (hit.length > 0) {
          // A mark a rerun made stays: it says more (the value did change).
          if (other.root.dataset.stale === 'true' && !markedByEdit.has(other.id)) continue;
          mark(other, t.staleEdited(cell.number, hit));
          markedByEdit.set(other.id, cell.id);
        } else if (markedByEdit.get(other.id) === cell.id) {
          mark(other, undefined);
          markedByEdit.delete(other.id);
        }
      }
    },
    anyRan: () => used.size > 0,
  };
}

function mark(cell: TrackedCell, text: string | undefined): void {
  if (text === undefined) {
    delete cell.root.dataset.stale;
    cell.staleMark.hidden = true;
    cell.staleMark.textContent = '';
  } else {
    cell.root.dataset.stale = 'true';
    cell.staleMark.hidden = false;
    cell.staleMark.textContent = text;
  }
}
