import * as Plot from '@observablehq/plot';
import type { CheckpointInfo, CheckpointSave } from '../ml/checkpoints';
import type { EpochLogs } from '../ml/train';
import { besideEpoch, epochChart, type CurveWords } from './epochCharts';
import type { Messages } from '../i18n';

/** The page's words (`context.t.checkpoints`). */
export type CheckpointWords = Messages['checkpoints'];
import { formatPercent } from '../lib/numbers';
import { MARK_COLORS, SERIES_COLORS } from './palette';

export interface CheckpointListOptions {
  words: CheckpointWords;
  /** Buttons shown for each checkpoint; each gets the checkpoint's name and may return a message to show. */
  actions?: { label: string; run(name: string): void | string | Promise<void | string> }[];
  timeZone?: string;
  document?: Document;
}


/** The saved checkpoints as a table: name, lesson, epoch, monitored value, date, and buttons. */
export function checkpointList(checkpoints: readonly CheckpointInfo[], options: CheckpointListOptions): HTMLElement {
  const doc = options.document ?? document;
  const words = options.words;
  const table = doc.createElement('table');
  table.className = 'checkpoint-list';
  table.setAttribute('data-figure', 'checkpoint-list');
  const caption = doc.createElement('caption');
  caption.textContent = checkpoints.length === 0 ? words.none : words.listCaption(checkpoints.length);
  table.append(caption);
  if (checkpoints.length === 0) return table;
  const header = doc.createElement('tr');
  const columns = words.columns;
  for (const title of [columns.name, columns.lesson, columns.epoch, columns.value, columns.saved, ...(options.actions?.length ? [''] : [])]) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    header.append(th);
  }
  table.append(header);
  const dates = new Intl.DateTimeFormat(words.dateLocale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: options.timeZone });
  for (const checkpoint of checkpoints) {
    const row = doc.createElement('tr');
    row.setAttribute('data-checkpoint', checkpoint.name);
    const name = doc.createElement('th');
    name.scope = 'row';
    name.textContent = checkpoint.name;
    row.append(name);
    for (const text of [checkpoint.lesson, String(checkpoint.epoch), `${words.monitors[checkpoint.monitor] ?? checkpoint.monitor} ${formatValue(checkpoint.monitor, checkpoint.value)}`, dates.format(checkpoint.savedAt)]) {
      const td = doc.createElement('td');
      td.textContent = text;
      row.append(td);
    }
    if (options.actions?.length) {
      const td = doc.createElement('td');
      const status = doc.createElement('span');
      status.className = 'checkpoint-status';
      status.setAttribute('role', 'status');
      for (const action of options.actions) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = action.label;
        button.setAttribute('aria-label', words.actionOn(action.label, checkpoint.name));
        button.addEventListener('click', async () => {
          button.disabled = true;
          status.textContent = '';
          try {
            const message = await action.run(checkpoint.name);
            if (typeof message === 'string') status.textContent = message;
          } catch (error) {
            status.textContent = error instanceof Error ? error.message : String(error);
          } finally {
            button.disabled = false;
          }
        });
        td.append(button, ' ');
      }
      td.append(status);
      row.append(td);
    }
    table.append(row);
  }
  return table;
}

function formatValue(monitor: string, value: number): string {
  return monitor.endsWith('acc') ? formatPercent(value) : value.toFixed(4);
}

export interface CheckpointFigureOptions {
  words: CheckpointWords;
  /** The axes' words (`context.t.curves`). */
  curves: CurveWords;
  monitor: string;
  saves: readonly CheckpointSave[];
  width?: number;
  document?: Document;
}

/**
 * The monitored figure per epoch with every save marked, and the best epoch (what the
 * checkpoint holds) set against the last (what the model holds when training ends).
 */
export function checkpointFigure(epochs: readonly EpochLogs[], options: CheckpointFigureOptions): HTMLElement {
  const doc = options.document ?? document;
  const monitor = options.monitor as keyof EpochLogs;
  const words = options.words;
  const monitorName = words.monitors[String(monitor)] ?? String(monitor);
  const figure = doc.createElement('figure');
  figure.className = 'history-figure checkpoint-figure';
  figure.setAttribute('data-figure', 'checkpoint');
  const rows = epochs.flatMap((logs) => (logs[monitor] === undefined ? [] : [{ epoch: logs.epoch, value: logs[monitor] as number }]));
  const last = rows.at(-1);
  const saved = options.saves.at(-1);
  const isAccuracy = String(monitor).endsWith('acc');
  const lastEpoch = Math.max(2, last?.epoch ?? 1);
  const marks: Plot.Markish[] = [
    Plot.line(rows, { x: 'epoch', y: 'value', stroke: SERIES_COLORS.validation, strokeWidth: 2 }),
    Plot.dot(options.saves, { x: 'epoch', y: 'value', fill: MARK_COLORS.best, r: 4, tip: true, title: (d: CheckpointSave) => words.savedAt(d.epoch, formatValue(String(monitor), d.value)) }),
  ];
  if (saved) {
    marks.push(
      Plot.ruleX([saved.epoch], { stroke: MARK_COLORS.best, strokeDasharray: '4,3' }),
      Plot.text([saved], { x: 'epoch', frameAnchor: 'top', dy: 6, ...besideEpoch(saved.epoch, lastEpoch), fill: MARK_COLORS.best, text: (d: CheckpointSave) => words.checkpointMark(d.epoch) }),
    );
  }
  if (last && saved && last.epoch !== saved.epoch) {
    marks.push(
      Plot.ruleX([last.epoch], { stroke: MARK_COLORS.stop, strokeDasharray: '2,3' }),
      Plot.text([last], { x: 'epoch', frameAnchor: 'bottom', dy: -6, dx: -4, textAnchor: 'end', fill: MARK_COLORS.stop, text: (d: { epoch: number }) => words.lastMark(d.epoch) }),
    );
  }
  figure.append(epochChart({
    document: doc,
    words: options.curves,
    metric: String(monitor),
    description: words.figureLabel(monitorName),
    width: options.width ?? 560,
    height: 260,
    lastEpoch,
    y: isAccuracy ? { label: monitorName, domain: [0, 1], grid: true, tickFormat: '.0%' } : { label: monitorName, grid: true, zero: false },
    marks,
  }));
  const caption = doc.createElement('figcaption');
  caption.textContent = !last || !saved
    ? words.nothingSaved
    : words.figureCaption({ saves: options.saves.length, epoch: saved.epoch, monitor: monitorName, value: formatValue(String(monitor), saved.value), lastEpoch: last.epoch, lastValue: formatValue(String(monitor), last.value) });
  figure.append(caption);
  return figure;
}
