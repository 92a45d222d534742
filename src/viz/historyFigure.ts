import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import { bestValidationEpoch } from './overfitting';
import { formatPercent } from '../lib/numbers';
import { besideEpoch, epochChart, metricAxis, splitLegendLabel, metricRows, METRICS } from './epochCharts';

export interface HistoryFigureOptions {
  /** Draw the x axis to this many epochs (so a live figure does not rescale every epoch). */
  totalEpochs?: number;
  /** Mark the epoch where validation loss stops improving and shade what follows. */
  markOverfitting?: boolean;
  width?: number;
  document?: Document;
}

const SERIES_COLORS = { training: '#2563eb', validation: '#dc2626' };

/** Training and validation loss and accuracy per epoch, as two side-by-side charts. */
export function historyFigure(epochs: readonly EpochLogs[], options: HistoryFigureOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  const figure = doc.createElement('figure');
  figure.className = 'history-figure';
  figure.setAttribute('data-figure', 'history');
  const best = options.markOverfitting ? bestValidationEpoch(epochs) : undefined;
  const lastEpoch = Math.max(options.totalEpochs ?? 0, epochs.at(-1)?.epoch ?? 1, 2);
  for (const metric of METRICS) {
    const rows = metricRows(epochs, metric);
    const marks: Plot.Markish[] = [];
    if (best && best.epochsAfter > 0) {
      marks.push(Plot.rectX([{ x1: best.epoch, x2: lastEpoch }], { x1: 'x1', x2: 'x2', fill: '#f59e0b', fillOpacity: 0.12 }));
      marks.push(Plot.ruleX([best.epoch], { stroke: '#b45309', strokeDasharray: '4,3' }));
      if (metric === 'loss') {
        marks.push(Plot.text([best.epoch], { x: (d: number) => d, frameAnchor: 'top', dy: 4, ...besideEpoch(best.epoch, lastEpoch), fill: '#92400e', text: () => `validation loss stops improving (epoch ${best.epoch})` }));
      }
    }
    marks.push(
      Plot.line(rows, { x: 'epoch', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'epoch', y: 'value', fill: 'series', r: 2, tip: true }),
    );
    figure.append(epochChart({
      document: doc,
      metric,
      description: `${metric} per epoch, training and validation`,
      width: options.width,
      lastEpoch,
      y: metricAxis(metric, epochs),
      color: { domain: ['training', 'validation'], range: [SERIES_COLORS.training, SERIES_COLORS.validation], legend: metric === 'loss', tickFormat: splitLegendLabel(epochs) },
      marks,
    }));
  }
  const caption = doc.createElement('figcaption');
  const last = epochs.at(-1);
  caption.textContent = !last
    ? 'No epoch has finished yet.'
    : `After ${last.epoch} epoch${last.epoch === 1 ? '' : 's'}: training accuracy ${formatPercent(last.acc)}` +
      (last.val_acc === undefined ? '' : `, validation accuracy ${formatPercent(last.val_acc)}`) +
      (best && best.epochsAfter > 0 ? `. Validation loss was lowest at epoch ${best.epoch}; the shaded epochs after it fit the training images better and the validation images worse: overfitting.` : '.');
  figure.append(caption);
  return figure;
}
