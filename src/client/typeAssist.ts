/**
 * The page's link to the language worker: started on the first focus of an editor (never before),
 * it type-checks all cells of the page as the reader has edited them, as one program (an edit in
 * one cell can break a later one), and shows each cell's errors as squiggles in its editor.
 * Loaded on demand by lessonPage.ts.
 */
import { languageClient, type LanguageClient } from '../notebook/languageProtocol';
import type { CellDiagnostic, ProgramCell } from '../notebook/cellProgram';

export interface AssistedCell extends ProgramCell {
  root: HTMLElement;
  /** Shows the squiggles; resolves once the cell has an editor (one with errors gets one). */
  showDiagnostics(diagnostics: CellDiagnostic[]): void;
}

export interface TypeAssist {
  language(): LanguageClient;
  /** Something changed in some cell: check again (debounced). */
  changed(): void;
}

/** Typing pauses this long before the page is checked again. */
const CHECK_DELAY_MS = 150;

export function createTypeAssist(cells: () => AssistedCell[]): TypeAssist {
  const started = performance.now();
  document.documentElement.dataset.typeCheck = 'loading';
  const worker = new Worker(new URL('../notebook/languageWorker.ts', import.meta.url), { type: 'module', name: 'TypeScript' });
  const client = languageClient(worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;

  const check = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const snapshot = cells().map(({ id, label, source }) => ({ id, label, source }));
    try {
      const diagnostics = await client.diagnostics({ cells: snapshot });
      if (document.documentElement.dataset.typeCheck !== 'ready') {
        document.documentElement.dataset.typeCheck = 'ready';
        document.documentElement.dataset.typeCheckMs = String(Math.round(performance.now() - started));
      }
      for (const cell of cells()) {
        const checked = snapshot.find((c) => c.id === cell.id);
        // A cell edited while the check ran gets its squiggles from the next check.
        if (!checked || checked.source !== cell.source) continue;
        const own = diagnostics.filter((d) => d.cellId === cell.id);
        cell.root.dataset.typeErrors = String(own.length);
        cell.showDiagnostics(own);
      }
    } catch (error) {
      document.documentElement.dataset.typeCheck = 'failed';
      console.warn(error);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), CHECK_DELAY_MS);
  };
  void check();
  return { language: () => client, changed: schedule };
}
