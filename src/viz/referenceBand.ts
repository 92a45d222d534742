import * as Plot from '@observablehq/plot';
import type { Messages } from '../i18n';
import type { LessonReference, ReferenceCurve, ReferenceFigure, ReferenceStatus } from '../ml/referenceBands';
import { isDefaultReference } from '../ml/referenceBands';
import { formatPercent, type NumberLanguage } from '../lib/numbers';
import { epochChart, metricAxis, METRICS, splitLegendLabel, type CurveWords, type Metric, type Split } from './epochCharts';
import { SERIES_COLORS } from './palette';

type ReferenceText = Messages['references'];

const CURVE: Record<Metric, Record<Split, ReferenceCurve>> = {
  loss: { training: 'loss', validation: 'val_loss' },
  accuracy: { training: 'acc', validation: 'val_acc' },
};

/** One row per epoch and split of a metric's band: what Plot's area and line marks take. */
function bandRows(figure: ReferenceFigure, metric: Metric): Array<{ epoch: number; min: number; median: number; max: number; series: Split }> {
  return (['training', 'validation'] as const).flatMap((series) => {
    const band = figure.curves[CURVE[metric][series]];
    return band ? band.median.map((median, i) => ({ epoch: i + 1, min: band.min[i]!, median, max: band.max[i]!, series })) : [];
  });
}

/**
 * The band's marks, drawn under a run's own curves: the min–max range shaded in the split's colour and
 * the median dashed. Colours go through the chart's `series` scale, so training and validation keep theirs.
 */
export function referenceBandMarks(figure: ReferenceFigure, metric: Metric): Plot.Markish[] {
  const rows = bandRows(figure, metric);
  return [
    Plot.areaY(rows, { x: 'epoch', y1: 'min', y2: 'max', z: 'series', fill: 'series', fillOpacity: 0.18 }),
    Plot.line(rows, { x: 'epoch', y: 'median', z: 'series', stroke: 'series', strokeWidth: 1.5, strokeDasharray: '4,3', strokeOpacity: 0.9 }),
  ];
}

/** "Reference: 5 runs made when the course was built, default dataset", with the epoch cap if the runs had one. */
export function referenceLabel(reference: LessonReference, text: ReferenceText): string {
  const dataset = isDefaultReference(reference) ? text.defaultDataset : reference.dataset.title;
  return text.label(reference.seeds.length, dataset) + (reference.maxEpochs === null ? '' : text.capped(reference.maxEpochs));
}

/** What a stale or foreign reference says on its figure (nothing for a current one). */
export function referenceStatusText(status: ReferenceStatus, text: ReferenceText): string | undefined {
  return status === 'cells-changed' ? text.cellsChanged : status === 'other-dataset' ? text.otherDataset : undefined;
}

/** The final validation (or training) accuracy's spread in one sentence. */
function finalSentence(figure: ReferenceFigure, text: ReferenceText, language: NumberLanguage): string | undefined {
  const curve = figure.final.val_acc ? 'val_acc' : figure.final.acc ? 'acc' : undefined;
  if (!curve) return undefined;
  const spread = figure.final[curve]!;
  const percent = (value: number) => formatPercent(value, { language });
  const epochs = figure.final.epochs.min === figure.final.epochs.max ? String(figure.final.epochs.max) : `${figure.final.epochs.min}–${figure.final.epochs.max}`;
  return text.final(curve === 'val_acc' ? text.validationAccuracy : text.trainingAccuracy, percent(spread.min), percent(spread.max), percent(spread.median), epochs);
}

export interface ReferenceFigureOptions {
  text: ReferenceText;
  /** The curves' words (axes, legend) in the page's language. */
  words: CurveWords;
  language: NumberLanguage;
  status: ReferenceStatus;
  document: Document;
  width?: number;
}

/**
 * A training cell's reference before anything runs: loss and accuracy bands of the runs made when the
 * course was built, labelled as such, with the final accuracy's spread. The build renders it to SVG in
 * the page's HTML (no script draws it); running the cell replaces it with the live figure over the same band.
 */
export function referenceFigure(reference: LessonReference, figure: ReferenceFigure, options: ReferenceFigureOptions): HTMLElement {
  const doc = options.document;
  const { text } = options;
  const root = doc.createElement('figure');
  root.className = 'history-figure reference-figure';
  root.setAttribute('data-figure', 'reference');
  root.setAttribute('data-reference-status', options.status);
  root.setAttribute('data-reference-cell', figure.cell);
  const label = doc.createElement('p');
  label.className = 'reference-label';
  label.setAttribute('data-reference-label', '');
  label.textContent = referenceLabel(reference, text);
  root.append(label);
  const warning = referenceStatusText(options.status, text);
  if (warning) root.append(notice(doc, warning, 'data-reference-stale'));
  // Hidden until a cell at or above this one is edited (lessonPage.ts marks the cells, global.css shows it).
  root.append(notice(doc, text.edited, 'data-reference-edited'));
  const lastEpoch = Math.max(2, figure.runs.length);
  for (const metric of METRICS) {
    root.append(epochChart({
      document: doc,
      words: options.words,
      metric,
      description: text.chart(metric, reference.seeds.length),
      width: options.width,
      lastEpoch,
      y: metricAxis(metric, options.words),
      color: { domain: ['training', 'validation'], range: [SERIES_COLORS.training, SERIES_COLORS.validation], legend: metric === 'loss', tickFormat: splitLegendLabel([], options.words) },
      marks: referenceBandMarks(figure, metric),
    }));
  }
  const caption = doc.createElement('figcaption');
  caption.textContent = [text.explain, finalSentence(figure, text, options.language)].filter(Boolean).join(' ');
  root.append(caption);
  return root;
}

function notice(doc: Document, words: string, attribute: string): HTMLElement {
  const element = doc.createElement('p');
  element.className = 'notice reference-notice';
  element.setAttribute(attribute, '');
  element.textContent = words;
  return element;
}
