import * as Plot from '@observablehq/plot';
import type { EpochLogs } from '../ml/train';
import { overfittingPoint, readValidationLoss, DEFAULT_OVERFITTING_RULE, type OverfittingRule, type ValidationLossReading } from './overfitting';
import { formatPercent } from '../lib/numbers';
import { besideEpoch, epochChart, metricAxis, splitLegendLabel, metricRows, METRICS, type CurveWords } from './epochCharts';
import { MARK_COLORS, SERIES_COLORS } from './palette';
import { referenceBandMarks } from './referenceBand';
import type { ReferenceFigure, ReferenceStatus } from '../ml/referenceBands';

export interface HistoryFigureOptions {
  /** The page's words (`context.t.curves`). */
  words: CurveWords;
  /** Draw the x axis to this many epochs (so a live figure does not rescale every epoch). */
  totalEpochs?: number;
  /** Mark the epoch where validation loss stops improving and shade what follows. */
  markOverfitting?: boolean;
  /** When validation loss counts as no longer improving (early stopping's rule; min delta 0.01, patience 5 by default). */
  rule?: OverfittingRule;
  width?: number;
  document?: Document;
  /** The cell's reference band, drawn under the run's curves, and what the caption says of it. */
  reference?: { figure: ReferenceFigure; caption: string; status?: ReferenceStatus };
}

/** Training and validation loss and accuracy per epoch, as two side-by-side charts. */
export function historyFigure(epochs: readonly EpochLogs[], options: HistoryFigureOptions): HTMLElement {
  const doc = options.document ?? document;
  const words = options.words;
  const figure = doc.createElement('figure');
  figure.className = 'history-figure';
  figure.setAttribute('data-figure', 'history');
  const rule = options.rule ?? DEFAULT_OVERFITTING_RULE;
  const reading = options.markOverfitting ? readValidationLoss(epochs, rule) : undefined;
  const best = options.markOverfitting ? overfittingPoint(epochs, rule) : undefined;
  if (best) figure.setAttribute('data-overfitting-epoch', String(best.bestEpoch));
  const reference = options.reference;
  if (reference) {
    figure.setAttribute('data-reference-band', String(reference.figure.runs.length));
    if (reference.status) figure.setAttribute('data-reference-status', reference.status);
  }
  const lastEpoch = Math.max(options.totalEpochs ?? 0, epochs.at(-1)?.epoch ?? 1, reference?.figure.runs.length ?? 0, 2);
  for (const metric of METRICS) {
    const rows = metricRows(epochs, metric);
    const marks: Plot.Markish[] = reference ? referenceBandMarks(reference.figure, metric) : [];
    if (best) {
      marks.push(Plot.rectX([{ x1: best.bestEpoch, x2: lastEpoch }], { x1: 'x1', x2: 'x2', fill: MARK_COLORS.overfitting, fillOpacity: 0.12 }));
      marks.push(Plot.ruleX([best.bestEpoch], { stroke: MARK_COLORS.overfitting, strokeDasharray: '4,3' }));
      if (metric === 'loss') {
        marks.push(Plot.text([best.bestEpoch], { x: (d: number) => d, frameAnchor: 'top', dy: 4, ...besideEpoch(best.bestEpoch, lastEpoch), fill: MARK_COLORS.overfitting, text: () => words.stopsImproving(best.bestEpoch) }));
      }
    }
    marks.push(
      Plot.line(rows, { x: 'epoch', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'epoch', y: 'value', fill: 'series', r: 2, tip: true }),
    );
    figure.append(epochChart({
      document: doc,
      words,
      metric,
      description: words.perEpoch(words.metrics[metric]),
      width: options.width,
      lastEpoch,
      y: metricAxis(metric, words, epochs),
      color: { domain: ['training', 'validation'], range: [SERIES_COLORS.training, SERIES_COLORS.validation], legend: metric === 'loss', tickFormat: splitLegendLabel(epochs, words) },
      marks,
    }));
  }
  const caption = doc.createElement('figcaption');
  const last = epochs.at(-1);
  caption.textContent = !last
    ? words.noEpochYet
    : words.after(last.epoch, formatPercent(last.acc), last.val_acc === undefined ? undefined : formatPercent(last.val_acc), reading && overfittingSentence(reading, words));
  if (reference) caption.textContent += ` ${reference.caption}`;
  figure.append(caption);
  return figure;
}

/**
 * What the overfitting marker says, with its rule: where validation loss last improved by more than
 * min delta and whether `patience` epochs have passed since, and the lowest epoch when it differs.
 */
export function overfittingSentence(reading: ValidationLossReading, words: CurveWords): string {
  const { minDelta, patience } = reading.rule;
  const lowest = reading.lowestEpoch !== reading.bestEpoch
    ? words.lowestNote({ lowest: reading.lowestValLoss.toFixed(4), lowestEpoch: reading.lowestEpoch, minDelta, best: reading.bestEpoch, bestValue: reading.bestValLoss.toFixed(4) })
    : '';
  const facts = { minDelta, patience, best: reading.bestEpoch, after: reading.epochsAfter };
  if (reading.stoppedImproving) return words.stoppedImproving(facts) + lowest;
  if (reading.epochsAfter === 0) return words.stillImproving(facts) + lowest;
  return words.notYet(facts) + lowest;
}
