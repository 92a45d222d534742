/**
 * "Reset" and "Reset all edits" discard the reader's code, so each offers its undo at once: a notice that
 * says what was reset and brings the code back with one press. The notice stays until the reader undoes,
 * closes it, or edits the cell again (then the undo would overwrite newer work).
 */
import { clearCellNotice, noticeButton, showCellNotice } from './cellNotice';
import type { NotebookText } from '../i18n/notebook';

export interface ResettableCell {
  number: string;
  codeArea: HTMLElement;
}

/** After one cell was reset: "Cell 3 is back to the lesson's code. [Undo]". */
export function offerCellUndo<C extends ResettableCell>(cell: C, previous: string, t: NotebookText, restore: (cell: C, source: string) => void): void {
  const undo = noticeButton(t.undoReset, () => {
    clearCellNotice(cell.codeArea, 'reset');
    restore(cell, previous);
  });
  undo.dataset.undoReset = '';
  showCellNotice(cell.codeArea, 'reset', t.cellReset(cell.number), { buttons: [undo, closeButton(t, () => clearCellNotice(cell.codeArea, 'reset'))] });
}

/** After "Reset all edits": a notice in the (sticky) notebook bar naming the cells, with one undo for all. */
export function offerResetAllUndo<C extends ResettableCell>(bar: Element, previous: { cell: C; source: string }[], t: NotebookText, restore: (cell: C, source: string) => void): void {
  document.querySelector('[data-reset-all-undo]')?.remove();
  if (previous.length === 0) return;
  const notice = document.createElement('div');
  notice.className = 'notice reset-all-undo';
  notice.setAttribute('data-reset-all-undo', '');
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = t.allReset(previous.map(({ cell }) => cell.number));
  const undo = noticeButton(t.undoReset, () => {
    notice.remove();
    for (const { cell, source } of previous) restore(cell, source);
  });
  undo.dataset.undoReset = '';
  notice.append(text, undo, ' ', closeButton(t, () => notice.remove()));
  bar.append(notice);
}

function closeButton(t: NotebookText, close: () => void): HTMLButtonElement {
  return noticeButton(t.dismiss, close);
}
