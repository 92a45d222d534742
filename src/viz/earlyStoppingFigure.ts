import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import type { EarlyStoppingSummary } from '../ml/earlyStopping';
import { bestValidationEpoch } from './overfitting';
import { formatPercent } from '../lib/numbers';
import { besideEpoch, epochChart, metricAxis, splitLegendLabel, metricRows, METRICS } from './epochCharts';

export interface EarlyStoppingFigureOptions {
  width?: number;
  document?: Document;
}

const COLORS = { training: '#2563eb', validation: '#dc2626', stop: '#111827', best: '#15803d', overfitting: '#f59e0b' };

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
  const divergence = bestValidationEpoch(epochs);
  const stopLabel = stopping.stoppedEpoch !== undefined ? `stopped at epoch ${stopping.stoppedEpoch}` : `ran all ${epochs.at(-1)?.epoch ?? 0} epochs`;

  for (const metric of METRICS) {
    const rows = metricRows(epochs, metric);
    const monitored = (metric === 'loss') === stopping.monitor.endsWith('loss');
    const marks: Plot.Markish[] = [];
    if (divergence && divergence.epochsAfter > 0) {
      marks.push(Plot.rectX([{ x1: divergence.epoch, x2: lastEpoch }], { x1: 'x1', x2: 'x2', fill: COLORS.overfitting, fillOpacity: 0.14 }));
      if (metric === 'loss') marks.push(Plot.text(['overfitting'], { x: (divergence.epoch + lastEpoch) / 2, frameAnchor: 'bottom', dy: -6, fill: '#92400e', text: (d: string) => d }));
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
  const last = epochs.at(-1);
  caption.textContent = !last
    ? 'No epoch has finished yet.'
    : `${stopLabel[0]!.toUpperCase()}${stopLabel.slice(1)}: training accuracy ${formatPercent(last.acc)}` +
      (last.val_acc === undefined ? '' : `, validation accuracy ${formatPercent(last.val_acc)}`) +
      (stopping.bestEpoch === undefined ? '.' : `. Best ${stopping.monitor} ${stopping.bestValue!.toFixed(4)} at epoch ${stopping.bestEpoch}.`) +
      (divergence && divergence.epochsAfter > 0 ? ` Shaded: the epochs after the lowest validation loss (epoch ${divergence.epoch}), where training and validation loss part ways.` : '') +
      (stopping.restoredEpoch !== undefined ? ` The model now holds the weights of epoch ${stopping.restoredEpoch}, not of the last epoch.` : '');
  figure.append(caption);
  return figure;
}
