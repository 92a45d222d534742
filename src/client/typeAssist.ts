/**
 * The page's link to the language worker: started on the first focus of an editor (never before),
 * it type-checks all cells of the page as the reader has edited them, as one program (an edit in
 * one cell can break a later one), and shows each cell's errors as squiggles in its editor.
 * Loaded on demand by lessonPage.ts.
 */
import packUrl from '../../generated/cell-types.json?url';
import { languageClient, type LanguageClient } from '../notebook/languageProtocol';
import type { CellDiagnostic, ProgramCell } from '../notebook/cellProgram';

export interface AssistedCell extends ProgramCell {
  root: HTMLElement;
  /** Shows the squiggles (a cell with errors and no editor yet gets one). */
  showDiagnostics(diagnostics: CellDiagnostic[]): void;
}

export interface TypeAssist {
  language(): LanguageClient;
  /** The reader changed `cellId` (or the cells): check it and the cells after it again (debounced). */
  changed(cellId?: string): void;
}

/** Typing pauses this long before the page is checked again. */
const CHECK_DELAY_MS = 250;

/** Starts the service; `focused` is the cell whose editor was focused, checked first. */
export function createTypeAssist(cells: () => AssistedCell[], focused?: string): TypeAssist {
  const root = document.documentElement;
  root.dataset.typeCheck = 'loading';
  // The pack is fetched here while the worker loads TypeScript, then handed over.
  const pack = fetch(packUrl).then((response) => {
    if (!response.ok) throw new Error(`${packUrl}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  const worker = new Worker(new URL('../notebook/languageWorker.ts', import.meta.url), { type: 'module', name: 'TypeScript' });
  const client = languageClient(worker, pack);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  // The earliest cell changed since the last check (undefined: none; null: every cell).
  let dirty: string | null | undefined = null;

  const apply = (snapshot: ProgramCell[], diagnostics: CellDiagnostic[], checked: string[]) => {
    for (const cell of cells()) {
      const sent = snapshot.find((c) => c.id === cell.id);
      // A cell edited while the check ran gets its squiggles from the next check.
      if (!sent || sent.source !== cell.source || !checked.includes(cell.id)) continue;
      const own = diagnostics.filter((d) => d.cellId === cell.id);
      cell.root.dataset.typeErrors = String(own.length);
      cell.showDiagnostics(own);
    }
  };
  const check = async () => {
    if (running || dirty === undefined) return;
    running = true;
    const from = dirty;
    dirty = undefined;
    const snapshot = cells().map(({ id, label, source }) => ({ id, label, source }));
    const ids = snapshot.map((cell) => cell.id);
    const start = from === null ? 0 : Math.max(0, ids.indexOf(from));
    try {
      if (root.dataset.typeCheck !== 'ready' && focused) {
        // The first answer a reader waits for: the cell they are in.
        apply(snapshot, await client.diagnostics({ cells: snapshot, only: focused }), [focused]);
        // When it landed (page time): the editor benchmark reads it.
        root.dataset.typeCheckAt = String(Math.round(performance.now()));
        root.dataset.typeCheck = 'ready';
      }
      apply(snapshot, await client.diagnostics({ cells: snapshot, from: ids[start] }), ids.slice(start));
      if (root.dataset.typeCheck !== 'ready') {
        root.dataset.typeCheckAt = String(Math.round(performance.now()));
        root.dataset.typeCheck = 'ready';
      }
    } catch (error) {
      root.dataset.typeCheck = 'failed';
      console.warn(error);
    } finally {
      running = false;
      if (dirty !== undefined) schedule();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), CHECK_DELAY_MS);
  };
  const changed = (cellId?: string) => {
    const ids = cells().map((cell) => cell.id);
    if (cellId === undefined || dirty === null) dirty = null;
    else if (dirty === undefined || ids.indexOf(cellId) < ids.indexOf(dirty)) dirty = cellId;
    schedule();
  };
  void check();
  return { language: () => client, changed };
}
