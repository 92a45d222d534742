/**
 * Stale marks, as a notebook shows them: a cell that ran is marked when a name it used has been
 * redefined or assigned since, by a rerun of another cell ("stale: cell 2 changed epochs since this
 * ran"). Rerunning the marked cell clears its mark. Only runs count: an edit changes nothing until it runs.
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
  /** `cell` ran to the end with these names. */
  ran(cell: TrackedCell, names: CellNames, cells: readonly TrackedCell[]): void;
}

export function createStaleTracker(t: NotebookText): StaleTracker {
  const used = new Map<string, Set<string>>();
  return {
    ran(cell, names, cells) {
      used.set(cell.id, new Set(names.used));
      mark(cell, undefined);
      for (const other of cells) {
        if (other === cell) continue;
        const changed = names.changed.filter((name) => used.get(other.id)?.has(name));
        if (changed.length > 0) mark(other, t.staleSince(cell.number, changed));
      }
    },
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
