/**
 * A saved edit of a cell whose lesson code has changed since (a new version of the course): it is offered,
 * never applied or dropped silently — the reader keeps theirs or takes the new code.
 */
import type { NotebookText } from '../i18n/notebook';

export function offerOutdatedEdit(codeArea: HTMLElement, savedAt: number, t: NotebookText, choose: { useMine(): void; keepNew(): void }): void {
  const doc = codeArea.ownerDocument;
  const notice = doc.createElement('div');
  notice.className = 'notice edit-conflict';
  notice.setAttribute('data-edit-conflict', '');
  notice.setAttribute('role', 'alert');
  const text = doc.createElement('p');
  text.textContent = t.editConflict(new Date(savedAt).toLocaleString());
  const useMine = doc.createElement('button');
  useMine.type = 'button';
  useMine.textContent = t.useMine;
  const keepNew = doc.createElement('button');
  keepNew.type = 'button';
  keepNew.textContent = t.keepNew;
  useMine.addEventListener('click', () => {
    notice.remove();
    choose.useMine();
  });
  keepNew.addEventListener('click', () => {
    notice.remove();
    choose.keepNew();
  });
  notice.append(text, useMine, ' ', keepNew);
  codeArea.before(notice);
}
