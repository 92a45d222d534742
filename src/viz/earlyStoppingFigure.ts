import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import type { EarlyStoppingSummary } from '../ml/earlyStopping';
import { formatPercent } from '../lib/numbers';
import { besideEpoch, epochChart, metricAxis, splitLegendLabel, metricRows, METRICS } from './epochCharts';
import { MARK_COLORS, SERIES_COLORS } from './palette';

export interface EarlyStoppingFigureOptions {
  width?: number;
  document?: Document;
}

const COLORS = { ...SERIES_COLORS, ...MARK_COLORS };

/**
 * The article's loss-vs-epoch picture of early stopping: training and validation loss (and
 * accuracy), the epochs where they diverge shaded as overfitting, the best epoch of the
 * monitored figure, the bar a new value had to clear (best − min delta), and where and why
 * training stopped.
 */
export function earlyStoppingFigure(epochs: readonly EpochLogs[], stopping: EarlyStoppingSummary, options: EarlyStoppingFigureOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const figure = doc.createElement('figure');
  // Outputs can sit in a no-wrap context of the inspector: long captions must still wrap.
  figure.style.whiteSpace = 'normal';
  figure.className = 'history-figure early-stopping-figure';
  figure.setAttribute('data-figure', 'early-stopping');
  if (stopping.stoppedEpoch !== undefined) figure.setAttribute('data-stopped-epoch', String(stopping.stoppedEpoch));
  if (stopping.bestEpoch !== undefined) figure.setAttribute('data-best-epoch', String(stopping.bestEpoch));
  const lastEpoch = Math.max(epochs.at(-1)?.epoch ?? 1, 2);
  // Overfitting by early stopping's own rule: the epochs after the best one, once patience ran out.
  const overfitFrom = stopping.stoppedEpoch !== undefined && stopping.bestEpoch !== undefined && stopping.bestEpoch < stopping.stoppedEpoch ? stopping.bestEpoch : undefined;
  const extreme = extremeEpoch(epochs, stopping);
  if (extreme) figure.setAttribute('data-extreme-epoch', String(extreme.epoch));
  const stopLabel = stopping.stoppedEpoch !== undefined ? `stopped at epoch ${stopping.stoppedEpoch}` : `ran all ${epochs.at(-1)?.epoch ?? 0} epochs`;

  for (const metric of METRICS) {
    const rows = metricRows(epochs, metric);
    const monitored = (metric === 'loss') === stopping.monitor.endsWith('loss');
    const marks: Plot.Markish[] = [];
    if (overfitFrom !== undefined) {
      marks.push(Plot.rectX([{ x1: overfitFrom, x2: lastEpoch }], { x1: 'x1', x2: 'x2', fill: COLORS.overfitting, fillOpacity: 0.14 }));
      if (metric === 'loss') marks.push(Plot.text(['overfitting'], { x: (overfitFrom + lastEpoch) / 2, frameAnchor: 'bottom', dy: -6, fill: COLORS.overfitting, text: (d: string) => d }));
    }
    if (monitored && stopping.bestEpoch !== undefined && stopping.bestValue !== undefined && stopping.minDelta > 0) {
      // The value a later epoch had to beat for the patience counter to restart.
      const bar = stopping.mode === 'min' ? stopping.bestValue - stopping.minDelta : stopping.bestValue + stopping.minDelta;
      marks.push(Plot.ruleY([bar], { x1: stopping.bestEpoch, x2: stopping.stoppedEpoch ?? lastEpoch, stroke: COLORS.best, strokeDasharray: '2,3' }));
    }
    if (stopping.bestEpoch !== undefined) {
      marks.push(Plot.ruleX([stopping.bestEpoch], { stroke: COLORS.best, strokeDasharray: '5,3' }));
      if (monitored) {
        const label = `best ${stopping.monitor} (epoch ${stopping.bestEpoch})${stopping.restoredEpoch !== undefined ? ': weights restored' : ''}`;
        marks.push(Plot.text([label], { x: stopping.bestEpoch, frameAnchor: 'top', dy: 22, ...besideEpoch(stopping.bestEpoch, lastEpoch), fill: COLORS.best, text: (d: string) => d }));
      }
    }
    if (stopping.stoppedEpoch !== undefined) {
      marks.push(Plot.ruleX([stopping.stoppedEpoch], { stroke: COLORS.stop, strokeWidth: 1.5 }));
      if (metric === 'loss') marks.push(Plot.text([stopLabel], { x: stopping.stoppedEpoch, frameAnchor: 'top', dy: 6, dx: -4, textAnchor: 'end', fill: COLORS.stop, fontWeight: 'bold', text: (d: string) => d }));
    }
    marks.push(
      Plot.line(rows, { x: 'epoch', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'epoch', y: 'value', fill: 'series', r: 2, tip: true }),
    );
    figure.append(epochChart({
      document: doc,
      metric,
      description: `${metric} per epoch with early stopping`,
      width: options.width ?? 380,
      height: 260,
      lastEpoch,
      y: metricAxis(metric, epochs),
      color: { domain: ['training', 'validation'], range: [COLORS.training, COLORS.validation], legend: metric === 'loss', tickFormat: splitLegendLabel(epochs) },
      marks,
    }));
  }

  const reason = doc.createElement('p');
  reason.className = 'stopping-reason';
  reason.setAttribute('data-stopping-reason', '');
  reason.style.flexBasis = '100%';
  reason.style.maxWidth = '720px';
  reason.textContent = `EarlyStopping(${stopping.monitor}, min delta ${stopping.minDelta}, patience ${stopping.patience}${stopping.baseline === undefined ? '' : `, baseline ${stopping.baseline}`}): ${stopping.reason}.`;
  figure.append(reason);

  const caption = doc.createElement('figcaption');
  caption.style.maxWidth = '720px';
  caption.textContent = earlyStoppingCaption(epochs, stopping, stopLabel, overfitFrom);
  figure.append(caption);
  return figure;
}

/** The epoch whose monitored value is lowest ('min') or highest ('max'), whatever min delta says. */
function extremeEpoch(epochs: readonly EpochLogs[], stopping: EarlyStoppingSummary): { epoch: number; value: number } | undefined {
  let extreme: { epoch: number; value: number } | undefined;
  for (const logs of epochs) {
    const value = logs[stopping.monitor];
    if (value === undefined || !Number.isFinite(value)) continue;
    if (!extreme || (stopping.mode === 'min' ? value < extreme.value : value > extreme.value)) extreme = { epoch: logs.epoch, value };
  }
  return extreme;
}

/**
 * The figure's caption: how the run ended, which epoch is "best" under min delta (and which has the
 * lowest value when they differ), what is shaded, and whose weights the model holds.
 */
export function earlyStoppingCaption(epochs: readonly EpochLogs[], stopping: EarlyStoppingSummary, stopLabel: string, overfitFrom: number | undefined): string {
  const last = epochs.at(-1);
  if (!last) return 'No epoch has finished yet.';
  const { monitor, minDelta } = stopping;
  const parts = [`${stopLabel[0]!.toUpperCase()}${stopLabel.slice(1)}: training accuracy ${formatPercent(last.acc)}` +
    (last.val_acc === undefined ? '' : `, validation accuracy ${formatPercent(last.val_acc)}`) + '.'];
  if (stopping.bestEpoch !== undefined && stopping.bestValue !== undefined) {
    const extreme = extremeEpoch(epochs, stopping);
    const word = stopping.mode === 'min' ? 'lowest' : 'highest';
    if (extreme && extreme.epoch !== stopping.bestEpoch && minDelta > 0) {
      parts.push(`Best ${monitor} ${stopping.bestValue.toFixed(4)} at epoch ${stopping.bestEpoch}: the last epoch that beat the best before it by more than the min delta ${minDelta}. ` +
        `The ${word} ${monitor}, ${extreme.value.toFixed(4)} at epoch ${extreme.epoch}, beat it by less than ${minDelta}, which early stopping does not count as an improvement, so epoch ${stopping.bestEpoch} stays the best.`);
    } else {
      parts.push(`Best ${monitor} ${stopping.bestValue.toFixed(4)} at epoch ${stopping.bestEpoch}.`);
    }
  }
  if (overfitFrom !== undefined) {
    const after = last.epoch - overfitFrom;
    parts.push(`Shaded: the ${after} epoch${after === 1 ? '' : 's'} after it, in which ${monitor} did not improve by more than ${minDelta}: overfitting had begun.`);
  }
  if (stopping.restoredEpoch !== undefined) {
    parts.push(stopping.restoredEpoch === last.epoch
      ? `The model holds the weights of epoch ${stopping.restoredEpoch}, which is also its last epoch: restoring changed nothing.`
      : `The model now holds the weights of epoch ${stopping.restoredEpoch}, not those of the last epoch (${last.epoch}).`);
  }
  return parts.join(' ');
}
