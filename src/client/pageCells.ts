/** A lesson page's cells as the page script holds them: the elements of one cell, found once, and its state. */
import type { CellSource } from '../notebook/notebook';
import type { CellEditor } from '../notebook/editor';
import type { CellRun } from './runtime';
import type { EditStore } from './editStore';

export type CellState = 'idle' | 'running' | 'done' | 'error';

export interface PageCell extends CellSource {
  /** The number shown in the cell's toolbar ([3]). */
  number: string;
  root: HTMLElement;
  output: HTMLElement;
  status: HTMLElement;
  runButton: HTMLButtonElement;
  /** Lesson and scratch cells only (exercise cells are not part of Run all). */
  runBelowButton?: HTMLButtonElement;
  /** Where its edits are saved: the lesson cells' store, or the scratch cells'. */
  store: EditStore;
  /** "stale: cell 2 changed epochs since this ran" (staleCells.ts). */
  staleMark: HTMLElement;
  stopButton: HTMLButtonElement;
  codeArea: HTMLElement;
  /** An exercise's cell has none: the exercise's own Reset brings its starter back. */
  resetButton?: HTMLButtonElement;
  original: string;
  editor?: CellEditor;
  current?: CellRun;
  /** What the cell's last run gave (an exercise's Check grades it). */
  outcome?: Awaited<CellRun['outcome']>;
}

/** The stale mark sits in the toolbar after the status (built here: exercise cells have no build-time slot). */
function staleMarkOf(root: HTMLElement): HTMLElement {
  const mark = root.ownerDocument.createElement('span');
  mark.className = 'cell-stale';
  mark.setAttribute('data-cell-stale', '');
  mark.hidden = true;
  root.querySelector('.cell-status')?.after(' ', mark);
  return mark;
}

/** The cell whose elements are under `root` (its toolbar, code and output, as the build wrote them). */
export function pageCell(root: HTMLElement, { id, number, label, original, store }: { id: string; number: string; label: string; original: string; store: EditStore }): PageCell {
  const codeArea = root.querySelector<HTMLElement>('[data-cell-code]')!;
  return {
    store,
    id,
    number,
    label,
    source: original,
    original,
    root,
    codeArea,
    output: root.querySelector<HTMLElement>('[data-cell-output]')!,
    status: root.querySelector<HTMLElement>('.cell-status')!,
    runButton: root.querySelector<HTMLButtonElement>('[data-cell-run]')!,
    runBelowButton: root.querySelector<HTMLButtonElement>('[data-cell-run-below]') ?? undefined,
    staleMark: staleMarkOf(root),
    stopButton: root.querySelector<HTMLButtonElement>('[data-cell-stop]')!,
    resetButton: root.querySelector<HTMLButtonElement>('[data-cell-reset]') ?? undefined,
  };
}

/** Shows a cell's state: its status line, and Run or Stop. */
export function setState(cell: PageCell, state: CellState, message = ''): void {
  cell.root.dataset.cellState = state;
  cell.status.textContent = message;
  const running = state === 'running';
  cell.runButton.hidden = running;
  cell.stopButton.hidden = !running;
}
