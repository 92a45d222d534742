/**
 * Scratch cells: empty code cells the reader opens after any lesson cell ("+ Scratch cell") to try an idea
 * without overwriting the lesson's code. They run in the page's one scope like any cell (the lesson page wires
 * their Run, Stop and "Run this and below"), are part of Run all and of the type-checked program at their place,
 * come back after a reload where they were (scratchLayout.ts), and are exported into the .ipynb there.
 * Deleting one offers its Undo at once; another tab's add, edit or delete reaches this tab without
 * overwriting anything the reader has here (the same keep mine / take theirs choice as lesson cells).
 */
import type { EditStore } from './editStore';
import type { ScratchLayout, ScratchPlacement } from './scratchLayout';
import { clearCellNotice, noticeButton, showCellNotice } from './cellNotice';
import { offerOtherTabChoice, type OtherTabHooks } from './otherTabEdits';

export interface ScratchCell {
  id: string;
  number: string;
  original: string;
  root: HTMLElement;
  codeArea: HTMLElement;
  /** The lesson cell it follows. */
  after: string;
  n: number;
}

export interface ScratchHost<Cell extends ScratchCell> extends Omit<OtherTabHooks<Cell>, 'edits'> {
  layout: ScratchLayout;
  /** Where the scratch cells' code is saved (apart from the lesson cells' edits). */
  edits: EditStore;
  /** The lesson cells, in page order. */
  lessonCells: readonly { id: string; root: HTMLElement }[];
  /** The page's cell for a scratch cell's new section, its code restored from the store. */
  create(root: HTMLElement, placement: ScratchPlacement): Cell;
  /** Gives the cell its controls (Run, Stop, editor…); `focus` opens its editor with the caret in it. */
  wire(cell: Cell, focus: boolean): void;
  /** Shows code another tab saved, without saving it again (it is saved). */
  adopt(cell: Cell, source: string): void;
  /** The page's cells changed (one added or deleted): the program, Run all and the type check follow. */
  changed(): void;
}

export interface ScratchCells<Cell> {
  /** The scratch cells, in page order (kept so as cells come and go). */
  readonly cells: readonly Cell[];
}

export function startScratchCells<Cell extends ScratchCell>(host: ScratchHost<Cell>): ScratchCells<Cell> {
  const { text: t, layout, edits } = host;
  const cells: Cell[] = [];
  const lessonIds = host.lessonCells.map((cell) => cell.id);
  const hooks: OtherTabHooks<Cell> = { ...host, edits };
  // The code each cell had when this tab last took it from the storage: while the reader has not changed it
  // here, another tab's edit of the cell is simply shown (there is nothing of theirs in this tab to keep).
  const taken = new Map<string, string>();
  // After each lesson cell (outside the Markdown <pre> it sits in): its scratch cells, then the control that adds one.
  const controls = new Map<string, HTMLElement>();
  for (const lessonCell of host.lessonCells) {
    const anchor = lessonCell.root.parentElement?.tagName === 'PRE' ? lessonCell.root.parentElement : lessonCell.root;
    const control = document.createElement('div');
    control.className = 'scratch-add';
    control.dataset.scratchAdd = lessonCell.id;
    control.append(noticeButton(t.addScratch, () => add(lessonCell.id)));
    control.querySelector('button')!.title = t.addScratchTitle;
    anchor.after(control);
    controls.set(lessonCell.id, control);
  }

  const place = (cell: Cell) => {
    cells.push(cell);
    cells.sort((a, b) => lessonIds.indexOf(a.after) - lessonIds.indexOf(b.after) || a.n - b.n);
  };
  const show = (placement: ScratchPlacement, focus: boolean): Cell => {
    const cell = host.create(scratchSection(placement), placement);
    taken.set(cell.id, host.currentSource(cell));
    controls.get(placement.after)?.before(cell.root);
    place(cell);
    host.wire(cell, focus);
    return cell;
  };
  const add = (after: string) => {
    const { placement } = layout.add(after);
    show(placement, true);
    host.changed();
  };
  const forget = (cell: Cell) => {
    cells.splice(cells.indexOf(cell), 1);
    host.changed();
  };

  const remove = (cell: Cell) => {
    const source = host.currentSource(cell);
    const placement: ScratchPlacement = { id: cell.id, n: cell.n, after: cell.after };
    layout.remove(cell.id);
    edits.discard(cell.id);
    const notice = document.createElement('div');
    notice.className = 'notice scratch-deleted';
    notice.dataset.scratchDeleted = cell.id;
    notice.setAttribute('role', 'status');
    const words = document.createElement('p');
    const lines = source.trim() === '' ? [] : source.trimEnd().split('\n');
    words.textContent = t.scratchDeleted(String(cell.n), lines.length, (lines.find((line) => line.trim() !== '') ?? '').trim().slice(0, 60));
    const undo = noticeButton(t.undoReset, () => {
      // Another tab may have kept the cell meanwhile: it is back on the page already.
      if (cells.some((other) => other.id === cell.id)) return notice.remove();
      notice.replaceWith(cell.root);
      layout.restore(placement);
      place(cell);
      host.setSource(cell, source);
      host.changed();
    });
    undo.dataset.undoDelete = '';
    notice.append(words, undo, ' ', noticeButton(t.dismiss, () => notice.remove()));
    cell.root.replaceWith(notice);
    forget(cell);
  };

  const deletedElsewhere = (cell: Cell) => {
    clearCellNotice(cell.codeArea, 'other-tab');
    // Nothing of this tab's would be lost: the cell goes here too, as the reader did there.
    if (host.currentSource(cell) === taken.get(cell.id)) {
      edits.accept(cell.id);
      cell.root.remove();
      return forget(cell);
    }
    const keepMine = noticeButton(t.keepMine, () => {
      clearCellNotice(cell.codeArea, 'other-tab');
      layout.restore({ id: cell.id, n: cell.n, after: cell.after });
      host.reportSave(cell, edits.save(cell.id, cell.original, host.currentSource(cell), { force: true }));
    });
    const deleteHere = noticeButton(t.deleteHere, () => {
      edits.accept(cell.id);
      cell.root.remove();
      forget(cell);
    });
    showCellNotice(cell.codeArea, 'other-tab', t.scratchDeletedInOtherTab, { alert: true, buttons: [keepMine, deleteHere] });
  };

  // Another tab of the lesson added, edited or deleted a scratch cell.
  window.addEventListener('storage', (event) => {
    if (event.key !== null && !event.key.startsWith(layout.prefix) && !event.key.startsWith(edits.prefix)) return;
    const known = new Set(cells.map((cell) => cell.id));
    for (const placement of layout.list(lessonIds)) {
      if (known.has(placement.id)) continue;
      // A cell deleted here and kept in another tab: its Undo is moot.
      document.querySelector(`[data-scratch-deleted="${placement.id}"]`)?.remove();
      show(placement, false);
    }
    for (const cell of [...cells]) {
      const change = edits.changedElsewhere(cell.id);
      if (!layout.has(cell.id)) deletedElsewhere(cell);
      else if (change && host.currentSource(cell) === taken.get(cell.id)) {
        const theirs = change.theirs?.source ?? cell.original;
        edits.accept(cell.id);
        taken.set(cell.id, theirs);
        host.adopt(cell, theirs);
      } else offerOtherTabChoice(cell, hooks);
    }
    if (cells.length !== known.size) host.changed();
  });

  for (const placement of layout.list(lessonIds)) show(placement, false);
  return { cells };

  function scratchSection(placement: ScratchPlacement): HTMLElement {
    const text = t;
    const number = text.scratchNumber(placement.n);
    const section = element('section', { class: 'cell cell-scratch', 'data-cell': placement.id, 'data-cell-number': number, 'data-cell-state': 'idle', 'data-scratch': '', 'aria-label': text.cellLabel(number) });
    const toolbar = element('div', { class: 'cell-toolbar' });
    const label = element('span', { class: 'cell-label' }, `[${number}]`);
    const run = element('button', { type: 'button', class: 'cell-run', 'data-cell-run': '' }, text.run);
    const stop = element('button', { type: 'button', class: 'cell-stop', 'data-cell-stop': '', hidden: '' }, text.stop);
    const below = element('button', { type: 'button', class: 'cell-run-below', 'data-cell-run-below': '', title: text.runBelowTitle }, text.runBelow);
    const status = element('span', { class: 'cell-status', role: 'status' });
    const del = element('button', { type: 'button', class: 'cell-delete', 'data-scratch-delete': '', title: text.deleteScratchTitle }, text.deleteScratch);
    toolbar.append(label, run, stop, below, status, del);
    const code = element('div', { class: 'cell-code', 'data-cell-code': '' });
    const pre = element('pre', { tabindex: '0', 'aria-label': text.codeLabel(number) });
    const saved = edits.status(placement.id, '');
    pre.append(element('code', {}, saved.kind === 'none' ? '' : saved.edit.source));
    code.append(pre);
    // What cells print is English in every course language, as in the lesson's cells.
    const output = element('div', { class: 'cell-output', 'data-cell-output': '', 'aria-live': 'polite', lang: 'en' });
    section.append(toolbar, code, output);
    del.addEventListener('click', () => {
      const cell = cells.find((candidate) => candidate.root === section);
      if (cell) remove(cell);
    });
    return section;
  }
}

function element(tag: string, attributes: Record<string, string>, textContent?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (textContent !== undefined) node.textContent = textContent;
  return node;
}
