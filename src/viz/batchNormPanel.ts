import * as Plot from '@observablehq/plot';
import type { BatchNormSnapshot } from '../ml/batchNormProbe';
import { RUN_COLORS, SERIES_COLORS } from './palette';
import type { Messages } from '../i18n';

/** One update of the panel during training, reduced to a few numbers for the trace. */
export interface BatchNormTracePoint {
  /** Training batches run when the snapshot was taken. */
  batches: number;
  epoch: number;
  /** Mean over units of |batch mean − moving mean| and |batch variance − moving variance|. */
  meanGap: number;
  varianceGap: number;
}

export interface BatchNormPanelOptions {
  /** The page's words (`context.t.batchNorm`). */
  words: Messages['batchNorm'];
  /** Says when the snapshot was taken, e.g. "after epoch 3". */
  label?: string;
  document?: Document;
}

const BATCH = SERIES_COLORS.training;
const MOVING = SERIES_COLORS.validation;

function median(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN;
}

export function traceOf(snapshot: BatchNormSnapshot, batches: number, epoch: number): BatchNormTracePoint {
  let meanGap = 0;
  let varianceGap = 0;
  for (let u = 0; u < snapshot.units; u++) {
    meanGap += Math.abs(snapshot.batchMean[u]! - snapshot.movingMean[u]!);
    varianceGap += Math.abs(snapshot.batchVariance[u]! - snapshot.movingVariance[u]!);
  }
  return { batches, epoch, meanGap: meanGap / snapshot.units, varianceGap: varianceGap / snapshot.units };
}

/**
 * A BatchNormalization layer at one moment of training: per unit, the batch mean and variance
 * of its input against the moving averages used at inference, the learned gamma and beta,
 * histograms of the activations before and after normalization, and how the gap between batch
 * and moving statistics shrank over the updates so far.
 */
export function batchNormFigure(snapshot: BatchNormSnapshot, trace: readonly BatchNormTracePoint[], options: BatchNormPanelOptions): HTMLElement {
  const doc = options.document ?? document;
  const w = options.words;
  const figure = doc.createElement('figure');
  // Outputs can sit in a no-wrap context of the inspector: long captions must still wrap.
  figure.style.whiteSpace = 'normal';
  figure.className = 'history-figure batch-norm-panel';
  figure.setAttribute('data-figure', 'batch-norm');
  figure.setAttribute('data-units', String(snapshot.units));
  const units = Array.from({ length: snapshot.units }, (_, u) => u);
  const perUnit = (name: string, series: { label: string; values: Float32Array; color: string }[], yLabel: string) => {
    const rows = series.flatMap((s) => units.map((unit) => ({ unit, value: s.values[unit]!, series: s.label })));
    const chart = Plot.plot({
      document: doc,
      width: 340,
      height: 200,
      marginLeft: 48,
      x: { label: w.unit, domain: [0, snapshot.units - 1] },
      // Variances start at 1 (moving) and can be far smaller (batch): a log scale shows both.
      y: name === 'variance' ? { label: yLabel, grid: true, type: 'log' } : { label: yLabel, grid: true },
      color: { domain: series.map((s) => s.label), range: series.map((s) => s.color), legend: true },
      marks: [Plot.dot(rows, { x: 'unit', y: 'value', fill: 'series', r: 1.8, tip: true })],
    });
    chart.setAttribute('data-chart', name);
    chart.setAttribute('aria-label', w.perUnit(yLabel, snapshot.units));
    return chart;
  };
  const histogram = (name: string, values: Float32Array, color: string, label: string) => {
    const chart = Plot.plot({
      document: doc,
      width: 340,
      height: 180,
      marginLeft: 48,
      x: { label },
      y: { label: w.axes.activations, grid: true },
      marks: [Plot.rectY(Array.from(values), { ...Plot.binX({ y: 'count' }, { x: (d: number) => d, thresholds: 30 }), fill: color }), Plot.ruleY([0])],
    });
    chart.setAttribute('data-chart', name);
    chart.setAttribute('aria-label', w.histogramLabel(name === 'before'));
    return chart;
  };

  const heading = doc.createElement('p');
  heading.className = 'batch-norm-heading';
  heading.style.flexBasis = '100%';
  heading.style.maxWidth = '720px';
  heading.textContent = w.heading(snapshot.layerName, options.label, snapshot.units, snapshot.before.length / snapshot.units);
  figure.append(
    heading,
    perUnit('mean', [{ label: w.series.batchMean, values: snapshot.batchMean, color: BATCH }, { label: w.series.movingMean, values: snapshot.movingMean, color: MOVING }], w.axes.mean),
    perUnit('variance', [{ label: w.series.batchVariance, values: snapshot.batchVariance, color: BATCH }, { label: w.series.movingVariance, values: snapshot.movingVariance, color: MOVING }], w.axes.variance),
    perUnit('gamma-beta', [{ label: w.series.gamma, values: snapshot.gamma, color: RUN_COLORS[2] }, { label: w.series.beta, values: snapshot.beta, color: RUN_COLORS[1] }], w.axes.learned),
    histogram('before', snapshot.before, RUN_COLORS[0], w.axes.before),
    histogram('after', snapshot.after, RUN_COLORS[1], w.axes.after),
  );
  if (trace.length > 0) {
    const rows = trace.flatMap((point) => [
      { batches: point.batches, value: point.meanGap, series: w.gaps.mean },
      { batches: point.batches, value: point.varianceGap, series: w.gaps.variance },
    ]);
    const chart = Plot.plot({
      document: doc,
      width: 340,
      height: 180,
      marginLeft: 48,
      x: { label: w.axes.batches, domain: [0, Math.max(1, trace.at(-1)!.batches)] },
      y: { label: w.axes.average, grid: true, zero: true },
      color: { domain: [w.gaps.mean, w.gaps.variance], range: [BATCH, MOVING], legend: true },
      marks: [Plot.line(rows, { x: 'batches', y: 'value', stroke: 'series' }), Plot.dot(rows, { x: 'batches', y: 'value', fill: 'series', r: 2 })],
    });
    chart.setAttribute('data-chart', 'trace');
    chart.setAttribute('aria-label', w.traceLabel);
    figure.append(chart);
  }
  const caption = doc.createElement('figcaption');
  caption.style.maxWidth = '720px';
  const mean = (values: Float32Array) => values.reduce((a, b) => a + b, 0) / values.length;
  const std = (values: Float32Array) => { const m = mean(values); return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / values.length); };
  const last = trace.at(-1);
  caption.setAttribute('data-batch-norm-summary', '');
  caption.textContent =
    w.summary({ before: mean(snapshot.before).toFixed(3), beforeSpread: std(snapshot.before).toFixed(3), after: mean(snapshot.after).toFixed(3), afterSpread: std(snapshot.after).toFixed(3), gamma: mean(snapshot.gamma).toFixed(3), beta: mean(snapshot.beta).toFixed(3) }) +
    (median(snapshot.batchVariance) < 10 * snapshot.epsilon ? w.smallVariance(median(snapshot.batchVariance).toExponential(1), snapshot.epsilon) : '') +
    (last ? w.movingGap(last.meanGap.toFixed(4), last.varianceGap.toFixed(4), last.batches) : '');
  figure.append(caption);
  return figure;
}

/** A panel that redraws itself with each new snapshot, for live updates during training. */
export function batchNormPanelView(words: Messages['batchNorm'], doc: Document = document): { element: HTMLElement; update(snapshot: BatchNormSnapshot, trace: readonly BatchNormTracePoint[], label?: string): void } {
  const element = doc.createElement('div');
  element.className = 'batch-norm-live';
  element.setAttribute('data-batch-norm-panel', '');
  const waiting = doc.createElement('p');
  waiting.textContent = words.waiting;
  element.append(waiting);
  return {
    element,
    update(snapshot, trace, label) {
      element.replaceChildren(batchNormFigure(snapshot, trace, { words, label, document: doc }));
      element.setAttribute('data-updates', String(trace.length));
    },
  };
}
