import * as Plot from '@observablehq/plot';
import { runSummary, type RunRecord } from '../ml/runLog';
import { formatPercent } from '../lib/numbers';
import { epochChart, type CurveWords } from './epochCharts';
import { RUN_COLORS } from './palette';

export interface RunComparisonOptions {
  /** The page's words (`context.t.curves`). */
  words: CurveWords;
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
export function runComparison(runs: readonly RunRecord[], options: RunComparisonOptions): HTMLElement {
  const doc = options.document ?? document;
  const words = options.words;
  const section = doc.createElement('figure');
  section.className = 'run-comparison';
  // Outputs can sit in a no-wrap context of the inspector: the table must still wrap to the page.
  section.style.whiteSpace = 'normal';
  section.setAttribute('data-figure', 'run-comparison');
  if (runs.length === 0) {
    const empty = doc.createElement('figcaption');
    empty.textContent = words.runsEmpty;
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
      words,
      metric,
      description: words.perEpochOf(metric === 'val_acc' ? words.validationAccuracy : words.validationLoss, labels.join(', ')),
      width: options.width,
      lastEpoch,
      y: metric === 'val_acc' ? { label: words.validationAccuracy, domain: [0, 1], grid: true, tickFormat: '.0%' } : { label: words.validationLoss, grid: true, zero: false },
      color: { domain: labels, range: labels.map((_, i) => COLORS[i % COLORS.length]!), legend: metric === 'val_loss' },
      marks: [
        Plot.line(rows, { x: 'epoch', y: 'value', stroke: 'run', z: 'run', strokeWidth: 2 }),
        Plot.dot(rows, { x: 'epoch', y: 'value', fill: 'run', r: 2, tip: true }),
      ],
    }));
  }
  section.append(charts, runTable(runs, doc, words, options.timeZone));
  return section;
}

function runTable(runs: readonly RunRecord[], doc: Document, words: CurveWords, timeZone?: string): HTMLTableElement {
  const table = doc.createElement('table');
  table.className = 'run-table';
  table.setAttribute('data-figure', 'run-table');
  const caption = doc.createElement('caption');
  caption.textContent = words.runsTable(runs.length);
  table.append(caption);
  const dates = new Intl.DateTimeFormat(words.dateLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const header = doc.createElement('tr');
  const columns = words.runColumns;
  const titles = [columns.run, columns.model, columns.epochs, columns.bestValidation, columns.finalValidation, columns.finalTraining, columns.finished];
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
      `${run.settings.layers}${run.settings.augmented ? ` · ${words.augmented}` : ''}${run.settings.callbacks.length ? ` · ${run.settings.callbacks.join(', ')}` : ''}`,
      words.epochsOf(summary.epochsRun, run.settings.epochsAsked, run.stopReason === 'completed' ? undefined : words.stopReasons[run.stopReason] ?? run.stopReason),
      summary.bestValAcc === undefined ? '—' : words.atEpoch(formatPercent(summary.bestValAcc), summary.bestEpoch!),
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
