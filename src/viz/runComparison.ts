import * as Plot from '@observablehq/plot';
import { runSummary, type RunRecord } from '../ml/runLog';
import { formatPercent } from '../lib/numbers';
import { epochChart } from './epochCharts';
import { RUN_COLORS } from './palette';

export interface RunComparisonOptions {
  width?: number;
  /** Time zone of the dates in the table (the reader's own by default). */
  timeZone?: string;
  document?: Document;
}

// Colour means the run here: not the blue and red that mean training and validation in the other figures.
const COLORS = RUN_COLORS;

/**
 * Recorded training runs side by side: validation loss and accuracy per epoch, one colour per
 * run, and a table of what each run was and how it ended.
 */
export function runComparison(runs: readonly RunRecord[], options: RunComparisonOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const section = doc.createElement('figure');
  section.className = 'run-comparison';
  // Outputs can sit in a no-wrap context of the inspector: the table must still wrap to the page.
  section.style.whiteSpace = 'normal';
  section.setAttribute('data-figure', 'run-comparison');
  if (runs.length === 0) {
    const empty = doc.createElement('figcaption');
    empty.textContent = 'No training run has been recorded in this browser yet: train a model in any lesson, then run this cell again.';
    section.append(empty);
    return section;
  }
  const labels = runs.map((run) => run.label);
  const charts = doc.createElement('div');
  charts.className = 'history-figure';
  const lastEpoch = Math.max(2, ...runs.map((run) => run.epochs.at(-1)?.epoch ?? 1));
  for (const metric of ['val_loss', 'val_acc'] as const) {
    const rows = runs.flatMap((run) => run.epochs.flatMap((logs) => (logs[metric] === undefined ? [] : [{ epoch: logs.epoch, value: logs[metric]!, run: run.label }])));
    charts.append(epochChart({
      document: doc,
      metric,
      description: `${metric === 'val_acc' ? 'validation accuracy' : 'validation loss'} per epoch of ${labels.join(', ')}`,
      width: options.width,
      lastEpoch,
      y: metric === 'val_acc' ? { label: 'validation accuracy', domain: [0, 1], grid: true, tickFormat: '.0%' } : { label: 'validation loss', grid: true, zero: false },
      color: { domain: labels, range: labels.map((_, i) => COLORS[i % COLORS.length]!), legend: metric === 'val_loss' },
      marks: [
        Plot.line(rows, { x: 'epoch', y: 'value', stroke: 'run', z: 'run', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'epoch', y: 'value', fill: 'run', r: 2, tip: true }),
      ],
    }));
  }
  section.append(charts, runTable(runs, doc, options.timeZone));
  return section;
}

function runTable(runs: readonly RunRecord[], doc: Document, timeZone?: string): HTMLTableElement {
  const table = doc.createElement('table');
  table.className = 'run-table';
  table.setAttribute('data-figure', 'run-table');
  const caption = doc.createElement('caption');
  caption.textContent = `${runs.length} training run${runs.length === 1 ? '' : 's'} recorded in this browser, oldest first`;
  table.append(caption);
  const dates = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const header = doc.createElement('tr');
  const titles = ['run', 'model', 'epochs', 'best validation accuracy', 'final validation accuracy', 'final training accuracy', 'finished'];
  for (const title of titles) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    header.append(th);
  }
  table.append(header);
  for (const run of runs) {
    const summary = runSummary(run);
    const row = doc.createElement('tr');
    row.setAttribute('data-run', run.id);
    const cells = [
      run.label,
      `${run.settings.layers}${run.settings.augmented ? ' · augmented' : ''}${run.settings.callbacks.length ? ` · ${run.settings.callbacks.join(', ')}` : ''}`,
      `${summary.epochsRun} of ${run.settings.epochsAsked}${run.stopReason === 'completed' ? '' : ` (${run.stopReason})`}`,
      summary.bestValAcc === undefined ? '—' : `${formatPercent(summary.bestValAcc)} (epoch ${summary.bestEpoch})`,
      summary.finalValAcc === undefined ? '—' : formatPercent(summary.finalValAcc),
      summary.finalTrainAcc === undefined ? '—' : formatPercent(summary.finalTrainAcc),
      dates.format(run.finishedAt),
    ];
    cells.forEach((text, i) => {
      const cell = doc.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
      // A narrow screen stacks each row; the label says which column a value is.
      cell.setAttribute('data-label', titles[i]!);
      cell.textContent = text;
      if (i === 0) {
        // The lesson is the secondary label: the run is named by what it is.
        const lesson = doc.createElement('span');
        lesson.className = 'run-lesson';
        lesson.textContent = run.lesson;
        cell.append(doc.createElement('br'), lesson);
      }
      row.append(cell);
    });
    table.append(row);
  }
  return table;
}
