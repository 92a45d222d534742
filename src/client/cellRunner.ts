/**
 * Runs a lesson page's cells: one at a time, in the order they were asked for, like a notebook kernel;
 * "Run all" and "Run this and below" in order, stopping at the first that fails.
 */
import type { NotebookText } from '../i18n/notebook';
import type { createRuntime } from './runtime';
import type { StaleTracker } from './staleCells';
import { setState, type PageCell } from './pageCells';
import { watchForBlocking } from './blockWatchdog';

export interface CellRunnerHooks {
  t: NotebookText;
  /** The kernel, loaded on the first run. */
  runtime(): Promise<ReturnType<typeof createRuntime>>;
  /** Every cell the kernel knows (lesson, scratch and exercise cells), and those Run all runs. */
  allCells(): PageCell[];
  notebookCells(): PageCell[];
  currentSource(cell: PageCell): string;
  stale: StaleTracker;
  runAllButton: HTMLButtonElement | null;
  /** Says something about the whole notebook in the bar. */
  sayInBar(text: string): void;
}

export function createCellRunner({ t, runtime, allCells, notebookCells, currentSource, stale, runAllButton, sayInBar }: CellRunnerHooks) {
  let queue: Promise<unknown> = Promise.resolve();

  function runCell(cell: PageCell): Promise<'done' | 'error'> {
    if (cell.root.dataset.cellState === 'running') return Promise.resolve('error');
    cell.status.textContent = t.waiting;
    const result = queue.then(async () => {
      const started = performance.now();
      setState(cell, 'running', t.running);
      const stopWatching = watchForBlocking((blockedMs) => showBlocked(cell, blockedMs));
      let state: 'done' | 'error';
      try {
        const kernel = await runtime();
        kernel.setCells(allCells().map((c) => ({ id: c.id, label: c.label, source: currentSource(c) })));
        const source = currentSource(cell);
        cell.current = kernel.run({ id: cell.id, label: cell.label, source }, cell.output);
        state = await cell.current.finished;
        cell.outcome = await cell.current.outcome;
        if (cell.outcome.status === 'done' && cell.outcome.names) stale.ran(cell, cell.outcome.names, allCells(), source);
      } catch (error) {
        // The kernel could not load or start (its code or TF.js failed to fetch): the cell fails and says so.
        showKernelFailure(cell, error);
        state = 'error';
        cell.outcome = { status: 'error', message: error instanceof Error ? error.message : String(error) };
      } finally {
        cell.current = undefined;
        stopWatching();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      setState(cell, state, state === 'done' ? t.doneIn(seconds) : t.error);
      return state;
    });
    queue = result.catch(() => undefined);
    return result;
  }

  /** Said once the page answers again: a cell's code held the page's thread for `blockedMs`. */
  function showBlocked(cell: PageCell, blockedMs: number): void {
    const box = document.createElement('p');
    box.className = 'notice';
    box.setAttribute('data-page-blocked', '');
    box.lang = document.documentElement.lang;
    box.textContent = t.pageBlocked((blockedMs / 1000).toFixed(1));
    cell.output.append(box);
  }

  function showKernelFailure(cell: PageCell, error: unknown): void {
    const box = document.createElement('div');
    box.className = 'nb-error';
    box.setAttribute('data-kernel-failed', '');
    box.lang = document.documentElement.lang;
    box.textContent = t.kernelFailed(error instanceof Error ? error.message : String(error));
    cell.output.replaceChildren(box);
  }

  /** "Run all", or "Run this and below" from `first`: cells in order, stopping at the first that fails. */
  async function runAll(first = 0): Promise<void> {
    if (!runAllButton || runAllButton.disabled) return;
    runAllButton.disabled = true;
    const cells = notebookCells();
    for (const cell of cells) if (cell.runBelowButton) cell.runBelowButton.disabled = true;
    runAllButton.textContent = t.runningAll;
    try {
      for (const cell of cells.slice(first)) {
        if ((await runCell(cell)) === 'error') {
          sayInBar(t.runAllStopped(cell.number));
          cell.root.scrollIntoView({ block: 'center' });
          break;
        }
      }
    } finally {
      runAllButton.disabled = false;
      for (const cell of notebookCells()) if (cell.runBelowButton) cell.runBelowButton.disabled = false;
      runAllButton.textContent = t.runAll;
    }
  }

  return { runCell, runAll };
}
