import type { CellContext } from '../context';
import type { History } from '../../ml/train';
import { clearRuns as clearRunLog, readRuns } from '../../ml/runLog';
import { comparisonFigure } from '../../viz/comparisonFigure';
import { runComparison } from '../../viz/runComparison';

/** Training runs side by side: the histories a cell holds, and every run recorded in this browser (lesson 07). */
export function runComparisonLibrary(context: CellContext) {
  const doc = context.document;

  /** Several runs on the same axes: `plotHistories({ 'without dropout': h1, 'with dropout': h2 })`. */
  function plotHistories(runs: Record<string, History>): HTMLElement {
    return comparisonFigure(Object.entries(runs).map(([label, history]) => ({
      label,
      epochs: history.epochs,
      ...(history.stopReason === 'stopped by a callback' ? { stoppedEpoch: history.epochs.at(-1)?.epoch } : {}),
    })), { words: context.t.curves, document: doc });
  }

  /** Every training run recorded in this browser (the last `last`), overlaid and tabulated. */
  function compareRuns({ last = 10, lessons }: { last?: number; lessons?: string[] } = {}): HTMLElement {
    const runs = readRuns(context.storage).filter((run) => !lessons || lessons.includes(run.lesson)).slice(-last);
    return runComparison(runs, { words: context.t.curves, document: doc });
  }

  function clearRuns(): string {
    clearRunLog(context.storage);
    return context.t.curves.runsCleared;
  }

  return { plotHistories, compareRuns, clearRuns };
}
