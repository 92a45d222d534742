/**
 * One notice above a cell's code about the reader's edit (not saved, storage freed, changed in another tab):
 * at most one per kind, replaced when the same kind is said again, removed when it no longer holds.
 */
export type CellNoticeKind = 'storage' | 'other-tab' | 'reset';

export function showCellNotice(codeArea: HTMLElement, kind: CellNoticeKind, text: string, { alert = false, buttons = [] as HTMLButtonElement[] } = {}): HTMLElement {
  clearCellNotice(codeArea, kind);
  const notice = document.createElement('div');
  notice.className = 'notice cell-notice';
  notice.dataset.cellNotice = kind;
  notice.setAttribute('role', alert ? 'alert' : 'status');
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  notice.append(paragraph);
  buttons.forEach((button, i) => notice.append(...(i > 0 ? [' ', button] : [button])));
  codeArea.before(notice);
  return notice;
}

export function clearCellNotice(codeArea: HTMLElement, kind: CellNoticeKind): void {
  codeArea.parentElement?.querySelector(`:scope > [data-cell-notice="${kind}"]`)?.remove();
}

export function noticeButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}
