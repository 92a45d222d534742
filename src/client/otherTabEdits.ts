/**
 * Two tabs of the same lesson share its saved edits. When another tab saves or resets a cell's edit, this
 * tab's cell asks the reader "keep mine / take theirs"; nothing is overwritten before they choose (the
 * edit store refuses to write over a change it has not seen: see EditStore.save).
 */
import type { EditStore, SaveResult } from './editStore';
import { clearCellNotice, noticeButton, showCellNotice } from './cellNotice';
import type { NotebookText } from '../i18n/notebook';

export interface TabCell {
  id: string;
  original: string;
  codeArea: HTMLElement;
}

export interface OtherTabHooks<Cell extends TabCell> {
  edits: EditStore;
  text: NotebookText;
  /** The code the reader has in this tab. */
  currentSource(cell: Cell): string;
  /** Puts code into the cell and saves it. */
  setSource(cell: Cell, source: string): void;
  /** Says on the cell what became of a save. */
  reportSave(cell: Cell, result: SaveResult): void;
}

/** Shows the choice on `cell` if another tab changed its saved edit (and this tab's code differs from theirs). */
export function offerOtherTabChoice<Cell extends TabCell>(cell: Cell, hooks: OtherTabHooks<Cell>): void {
  const { edits, text: t } = hooks;
  const change = edits.changedElsewhere(cell.id);
  if (!change) return clearCellNotice(cell.codeArea, 'other-tab');
  const theirs = change.theirs?.source ?? cell.original;
  if (theirs === hooks.currentSource(cell)) {
    edits.accept(cell.id); // the same code in both tabs: nothing to choose
    return clearCellNotice(cell.codeArea, 'other-tab');
  }
  const keepMine = noticeButton(t.keepMine, () => {
    clearCellNotice(cell.codeArea, 'other-tab');
    hooks.reportSave(cell, edits.save(cell.id, cell.original, hooks.currentSource(cell), { force: true }));
  });
  const takeTheirs = noticeButton(t.takeTheirs, () => {
    clearCellNotice(cell.codeArea, 'other-tab');
    const latest = edits.changedElsewhere(cell.id);
    edits.accept(cell.id);
    hooks.setSource(cell, latest ? latest.theirs?.source ?? cell.original : theirs);
  });
  showCellNotice(cell.codeArea, 'other-tab', change.theirs ? t.changedInOtherTab : t.resetInOtherTab, { alert: true, buttons: [keepMine, takeTheirs] });
}

/** Listens for the other tabs' saves (the storage event fires in every other tab of the origin). */
export function watchOtherTabs<Cell extends TabCell>(cells: readonly Cell[], hooks: OtherTabHooks<Cell>, changed: () => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key !== null && !event.key.startsWith(hooks.edits.prefix)) return;
    for (const cell of cells) offerOtherTabChoice(cell, hooks);
    changed();
  });
}
