import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import type { Messages } from '../i18n';

/** The words of the training curves, in the page's language (the lesson library passes `context.t.curves`). */
export type CurveWords = Messages['curves'];

/** The two charts every training figure draws side by side. */
export const METRICS = ['loss', 'accuracy'] as const;
export type Metric = (typeof METRICS)[number];

export type Split = 'training' | 'validation';

/** An epoch's training or validation value of a metric (undefined when the run had no validation). */
export function metricValue(logs: EpochLogs, metric: Metric, split: Split): number | undefined {
  if (metric === 'loss') return split === 'training' ? logs.loss : logs.val_loss;
  return split === 'training' ? logs.acc : logs.val_acc;
}

/** One row per epoch and split, the shape Plot's line and dot marks take. */
export function metricRows(epochs: readonly EpochLogs[], metric: Metric): Array<{ epoch: number; value: number; series: Split }> {
  return epochs.flatMap((logs) => (['training', 'validation'] as const).flatMap((series) => {
    const value = metricValue(logs, metric, series);
    return value === undefined ? [] : [{ epoch: logs.epoch, value, series }];
  }));
}

/** The epoch axis: from 1 to `lastEpoch`, ticks on whole epochs only (an epoch 1.4 does not exist). */
function epochAxis(lastEpoch: number, words: CurveWords): Plot.ScaleOptions {
  const step = Math.max(1, Math.ceil(lastEpoch / 10));
  const ticks: number[] = [];
  for (let epoch = 1; epoch <= lastEpoch; epoch += step) ticks.push(epoch);
  return { label: words.epoch, domain: [1, lastEpoch], grid: true, ticks, tickFormat: 'd' };
}

/** Whether the run's losses include a weight penalty (a model with L1/L2 regularizers): training and validation alike. */
function includesPenalty(epochs: readonly EpochLogs[]): boolean {
  return epochs.some((logs) => logs.penalty !== undefined);
}

/**
 * The value axis: accuracy as a percentage from 0 to 100 %, loss from its own range. With a weight
 * penalty the loss axis says so: both curves include it (see `EpochLogs.penalty`).
 */
export function metricAxis(metric: Metric, words: CurveWords, epochs: readonly EpochLogs[] = []): Plot.ScaleOptions {
  if (metric === 'accuracy') return { label: words.accuracyAxis, domain: [0, 1], grid: true, tickFormat: '.0%' };
  return { label: includesPenalty(epochs) ? words.lossWithPenaltyAxis : words.lossAxis, grid: true, zero: false };
}

/** The training/validation legend's labels: "training + penalty" when the losses include a weight penalty. */
export function splitLegendLabel(epochs: readonly EpochLogs[], words: CurveWords): (split: string) => string {
  const penalized = includesPenalty(epochs);
  return (split) => {
    const name = words.series[split as Split] ?? split;
    return penalized ? words.withPenalty(name) : name;
  };
}

export interface EpochChartOptions {
  document: Document;
  /** The page's words for the axes. */
  words: CurveWords;
  /** The chart's `data-metric` (which figure it plots, for tests and styles). */
  metric: string;
  /** What the chart shows, for screen readers (its aria-label). */
  description: string;
  lastEpoch: number;
  y: Plot.ScaleOptions;
  marks: Plot.Markish[];
  color?: Plot.ScaleOptions;
  width?: number;
  height?: number;
}

/**
 * One per-epoch chart as every training figure draws it (history, early stopping, comparisons,
 * checkpoints): the epoch axis, room on the left for the value ticks and on the right for the
 * last tick's label, and the chart's data-metric and aria-label.
 */
export function epochChart(options: EpochChartOptions): HTMLElement | SVGSVGElement {
  const chart = Plot.plot({
    document: options.document,
    width: options.width ?? 340,
    height: options.height ?? 240,
    marginLeft: 48,
    marginRight: 24,
    x: epochAxis(options.lastEpoch, options.words),
    y: options.y,
    color: options.color,
    marks: options.marks,
  });
  chart.setAttribute('data-metric', options.metric);
  chart.setAttribute('aria-label', options.description);
  return chart;
}

/** A label beside an epoch's marker goes on the side with more room, so the chart's frame does not cut it off. */
export function besideEpoch(epoch: number, lastEpoch: number, gap = 4): { dx: number; textAnchor: 'start' | 'end' } {
  const leftHalf = epoch - 1 < (lastEpoch - 1) / 2;
  return leftHalf ? { dx: gap, textAnchor: 'start' } : { dx: -gap, textAnchor: 'end' };
}
