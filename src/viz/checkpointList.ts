import * as Plot from '@observablehq/plot';
import type { CheckpointInfo, CheckpointSave } from '../ml/checkpoints';
import type { EpochLogs } from '../ml/train';
import { besideEpoch, epochChart } from './epochCharts';
import { formatPercent } from '../lib/numbers';
import { MARK_COLORS, SERIES_COLORS } from './palette';

export interface CheckpointListOptions {
  /** Buttons shown for each checkpoint; each gets the checkpoint's name and may return a message to show. */
  actions?: { label: string; run(name: string): void | string | Promise<void | string> }[];
  timeZone?: string;
  document?: Document;
}

const MONITOR_NAMES: Record<string, string> = { val_acc: 'validation accuracy', val_loss: 'validation loss', acc: 'training accuracy', loss: 'training loss' };

/** The saved checkpoints as a table: name, lesson, epoch, monitored value, date, and buttons. */
export function checkpointList(checkpoints: readonly CheckpointInfo[], options: CheckpointListOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const table = doc.createElement('table');
  table.className = 'checkpoint-list';
  table.setAttribute('data-figure', 'checkpoint-list');
  const caption = doc.createElement('caption');
  caption.textContent = checkpoints.length === 0
    ? 'No checkpoint is saved in this browser yet.'
    : `${checkpoints.length} checkpoint${checkpoints.length === 1 ? '' : 's'} saved in this browser (IndexedDB), newest first`;
  table.append(caption);
  if (checkpoints.length === 0) return table;
  const header = doc.createElement('tr');
  for (const title of ['name', 'lesson', 'epoch', 'monitored value', 'saved', ...(options.actions?.length ? [''] : [])]) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    header.append(th);
  }
  table.append(header);
  const dates = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: options.timeZone });
  for (const checkpoint of checkpoints) {
    const row = doc.createElement('tr');
    row.setAttribute('data-checkpoint', checkpoint.name);
    const name = doc.createElement('th');
    name.scope = 'row';
    name.textContent = checkpoint.name;
    row.append(name);
    for (const text of [checkpoint.lesson, String(checkpoint.epoch), `${MONITOR_NAMES[checkpoint.monitor] ?? checkpoint.monitor} ${formatValue(checkpoint.monitor, checkpoint.value)}`, dates.format(checkpoint.savedAt)]) {
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
        button.setAttribute('aria-label', `${action.label} ${checkpoint.name}`);
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
    Plot.dot(options.saves, { x: 'epoch', y: 'value', fill: MARK_COLORS.best, r: 4, tip: true, title: (d: CheckpointSave) => `saved at epoch ${d.epoch}: ${formatValue(String(monitor), d.value)}` }),
  ];
  if (saved) {
    marks.push(
      Plot.ruleX([saved.epoch], { stroke: MARK_COLORS.best, strokeDasharray: '4,3' }),
      Plot.text([saved], { x: 'epoch', frameAnchor: 'top', dy: 6, ...besideEpoch(saved.epoch, lastEpoch), fill: MARK_COLORS.best, text: (d: CheckpointSave) => `checkpoint: epoch ${d.epoch}` }),
    );
  }
  if (last && saved && last.epoch !== saved.epoch) {
    marks.push(
      Plot.ruleX([last.epoch], { stroke: MARK_COLORS.stop, strokeDasharray: '2,3' }),
      Plot.text([last], { x: 'epoch', frameAnchor: 'bottom', dy: -6, dx: -4, textAnchor: 'end', fill: MARK_COLORS.stop, text: (d: { epoch: number }) => `last: epoch ${d.epoch}` }),
    );
  }
  figure.append(epochChart({
    document: doc,
    metric: String(monitor),
    description: `${MONITOR_NAMES[String(monitor)] ?? String(monitor)} per epoch, saved checkpoints marked`,
    width: options.width ?? 560,
    height: 260,
    lastEpoch,
    y: isAccuracy ? { label: MONITOR_NAMES[String(monitor)] ?? String(monitor), domain: [0, 1], grid: true, tickFormat: '.0%' } : { label: MONITOR_NAMES[String(monitor)] ?? String(monitor), grid: true, zero: false },
    marks,
  }));
  const caption = doc.createElement('figcaption');
  caption.textContent = !last || !saved
    ? 'Nothing was saved.'
    : `${options.saves.length} save${options.saves.length === 1 ? '' : 's'} (green dots). The checkpoint holds epoch ${saved.epoch} (${MONITOR_NAMES[String(monitor)] ?? String(monitor)} ${formatValue(String(monitor), saved.value)})` +
      (last.epoch === saved.epoch ? ', which is also the last epoch.' : `; training ended at epoch ${last.epoch} with ${formatValue(String(monitor), last.value)}.`);
  figure.append(caption);
  return figure;
}
