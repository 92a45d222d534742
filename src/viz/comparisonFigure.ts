import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import { formatPercent } from '../lib/numbers';
import { epochChart, metricAxis, metricValue, METRICS, type Split } from './epochCharts';

export interface Run {
  label: string;
  epochs: readonly EpochLogs[];
}

export interface ComparisonFigureOptions {
  width?: number;
  document?: Document;
}

const RUN_COLORS = ['#2563eb', '#dc2626', '#15803d', '#9333ea', '#ea580c'];

/**
 * Several training runs on the same axes, one colour per run: validation as solid lines,
 * training as dashed ones, so the gap between them (overfitting) can be compared run by run.
 */
export function comparisonFigure(runs: readonly Run[], options: ComparisonFigureOptions = {}): HTMLElement {
  const doc = options.document ?? document;
  if (runs.length === 0) throw new Error('nothing to compare: pass at least one run');
  const figure = doc.createElement('figure');
  // Outputs can sit in a no-wrap context of the inspector: long captions must still wrap.
  figure.style.whiteSpace = 'normal';
  figure.className = 'history-figure comparison-figure';
  figure.setAttribute('data-figure', 'comparison');
  const lastEpoch = Math.max(2, ...runs.map((run) => run.epochs.at(-1)?.epoch ?? 1));
  const labels = runs.map((run) => run.label);
  for (const metric of METRICS) {
    const rows = (split: Split) => runs.flatMap((run) => run.epochs.flatMap((logs) => {
      const value = metricValue(logs, metric, split);
      return value === undefined ? [] : [{ epoch: logs.epoch, value, run: run.label, split }];
    }));
    figure.append(epochChart({
      document: doc,
      metric,
      description: `${metric} per epoch of ${labels.join(', ')}`,
      width: options.width,
      lastEpoch,
      y: metricAxis(metric, runs.flatMap((run) => run.epochs)),
      color: { domain: labels, range: RUN_COLORS.slice(0, labels.length), legend: metric === 'loss' },
      marks: [
        Plot.line(rows('training'), { x: 'epoch', y: 'value', stroke: 'run', z: 'run', strokeWidth: 1.5, strokeDasharray: '4,3', strokeOpacity: 0.8 }),
        Plot.line(rows('validation'), { x: 'epoch', y: 'value', stroke: 'run', z: 'run', strokeWidth: 2 }),
        Plot.dot([...rows('training'), ...rows('validation')], { x: 'epoch', y: 'value', fill: 'run', r: 1.5, tip: true, title: (d: { run: string; split: string; epoch: number; value: number }) => `${d.run}, ${d.split}, epoch ${d.epoch}: ${d.value.toFixed(4)}` }),
      ],
    }));
  }
  const caption = doc.createElement('figcaption');
  caption.style.maxWidth = '720px';
  caption.textContent = 'Solid: validation; dashed: training. ' + runs.map((run) => {
    const last = run.epochs.at(-1);
    if (!last) return `${run.label}: no epochs.`;
    return `${run.label}: ${last.epoch} epoch${last.epoch === 1 ? '' : 's'}, training accuracy ${formatPercent(last.acc)}` +
      (last.val_acc === undefined ? '' : `, validation accuracy ${formatPercent(last.val_acc)}`) + '.';
  }).join(' ');
  figure.append(caption);
  return figure;
}
