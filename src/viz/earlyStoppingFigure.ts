import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import type { EarlyStoppingSummary } from '../ml/earlyStopping';
import { formatPercent } from '../lib/numbers';
import { besideEpoch, epochChart, metricAxis, splitLegendLabel, metricRows, METRICS, type CurveWords } from './epochCharts';
import { MARK_COLORS, SERIES_COLORS } from './palette';

export interface EarlyStoppingFigureOptions {
  /** The page's words (`context.t.curves`). */
  words: CurveWords;
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
export function earlyStoppingFigure(epochs: readonly EpochLogs[], stopping: EarlyStoppingSummary, options: EarlyStoppingFigureOptions): HTMLElement {
  const doc = options.document ?? document;
  const words = options.words;
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
  const stopLabel = stopping.stoppedEpoch !== undefined ? words.stoppedAt(stopping.stoppedEpoch) : words.ranAll(epochs.at(-1)?.epoch ?? 0);

  for (const metric of METRICS) {
    const rows = metricRows(epochs, metric);
    const monitored = (metric === 'loss') === stopping.monitor.endsWith('loss');
    const marks: Plot.Markish[] = [];
    if (overfitFrom !== undefined) {
      marks.push(Plot.rectX([{ x1: overfitFrom, x2: lastEpoch }], { x1: 'x1', x2: 'x2', fill: COLORS.overfitting, fillOpacity: 0.14 }));
      if (metric === 'loss') marks.push(Plot.text([words.overfitting], { x: (overfitFrom + lastEpoch) / 2, frameAnchor: 'bottom', dy: -6, fill: COLORS.overfitting, text: (d: string) => d }));
    }
    if (monitored && stopping.bestEpoch !== undefined && stopping.bestValue !== undefined && stopping.minDelta > 0) {
      // The value a later epoch had to beat for the patience counter to restart.
      const bar = stopping.mode === 'min' ? stopping.bestValue - stopping.minDelta : stopping.bestValue + stopping.minDelta;
      marks.push(Plot.ruleY([bar], { x1: stopping.bestEpoch, x2: stopping.stoppedEpoch ?? lastEpoch, stroke: COLORS.best, strokeDasharray: '2,3' }));
    }
    if (stopping.bestEpoch !== undefined) {
      marks.push(Plot.ruleX([stopping.bestEpoch], { stroke: COLORS.best, strokeDasharray: '5,3' }));
      if (monitored) {
        const label = words.bestMark(stopping.monitor, stopping.bestEpoch, stopping.restoredEpoch !== undefined);
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
      words,
      metric,
      description: words.perEpochEarlyStopping(words.metrics[metric]),
      width: options.width ?? 380,
      height: 260,
      lastEpoch,
      y: metricAxis(metric, words, epochs),
      color: { domain: ['training', 'validation'], range: [COLORS.training, COLORS.validation], legend: metric === 'loss', tickFormat: splitLegendLabel(epochs, words) },
      marks,
    }));
  }

  const reason = doc.createElement('p');
  reason.className = 'stopping-reason';
  reason.setAttribute('data-stopping-reason', '');
  reason.style.flexBasis = '100%';
  reason.style.maxWidth = '720px';
  reason.textContent = words.rule(stopping, stoppingReason(stopping, words));
  figure.append(reason);

  const caption = doc.createElement('figcaption');
  caption.style.maxWidth = '720px';
  caption.textContent = earlyStoppingCaption(epochs, stopping, stopLabel, overfitFrom, words);
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
function earlyStoppingCaption(epochs: readonly EpochLogs[], stopping: EarlyStoppingSummary, stopLabel: string, overfitFrom: number | undefined, words: CurveWords): string {
  const last = epochs.at(-1);
  if (!last) return words.noEpochYet;
  const { monitor, minDelta } = stopping;
  const parts = [words.ended(stopLabel, formatPercent(last.acc), last.val_acc === undefined ? undefined : formatPercent(last.val_acc))];
  if (stopping.bestEpoch !== undefined && stopping.bestValue !== undefined) {
    const extreme = extremeEpoch(epochs, stopping);
    const best = { monitor, value: stopping.bestValue.toFixed(4), epoch: stopping.bestEpoch };
    if (extreme && extreme.epoch !== stopping.bestEpoch && minDelta > 0) {
      parts.push(words.bestUnderMinDelta({ ...best, minDelta, highest: stopping.mode === 'max', extreme: extreme.value.toFixed(4), extremeEpoch: extreme.epoch }));
    } else {
      parts.push(words.best(best.monitor, best.value, best.epoch));
    }
  }
  if (overfitFrom !== undefined) parts.push(words.shaded(last.epoch - overfitFrom, monitor, minDelta));
  if (stopping.restoredEpoch !== undefined) {
    parts.push(stopping.restoredEpoch === last.epoch ? words.restoredLast(stopping.restoredEpoch) : words.restored(stopping.restoredEpoch, last.epoch));
  }
  return words.sentences(parts);
}

/**
 * Why training stopped or did not, in the page's language, from the summary alone: the same facts as
 * src/ml/earlyStopping.ts's reason() (test/viz/regularizationFigures.test.ts checks the English against it).
 */
export function stoppingReason(stopping: EarlyStoppingSummary, words: CurveWords): string {
  const last = stopping.steps.at(-1);
  if (!last) return words.noEpochFinished;
  if (stopping.stoppedEpoch === undefined) return words.didNotStop(last.epoch, last.wait, stopping.patience);
  const { baseline, bestValue, minDelta, mode } = stopping;
  const beatBaseline = bestValue !== undefined && baseline !== undefined && (mode === 'min' ? bestValue + minDelta < baseline : bestValue - minDelta > baseline);
  return words.stoppedBecause({
    epoch: stopping.stoppedEpoch, monitor: stopping.monitor, decrease: mode === 'min', minDelta, wait: last.wait,
    baseline: baseline !== undefined && (stopping.bestEpoch === undefined || !beatBaseline) ? baseline : undefined,
  });
}
