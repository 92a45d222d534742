import type * as tf from '@tensorflow/tfjs';
import type { Messages } from '../i18n';
import { denseKernels, type DenseKernel } from '../ml/weightStats';
import { drawUnitGrid, epochHistogram, histogramFigure, PICTURE_INTERVAL_MS, type EpochHistogram } from './weightsPanel';
import { recallWeightPictures, rememberWeightPicture, type WeightPicture } from './weightPictures';

type Text = Messages['figures'];

export interface WeightsView {
  element: HTMLElement;
  /** After each epoch: records the histograms, and redraws the pictures at a modest rate. */
  epoch(model: tf.LayersModel, epoch: number): void;
  /** After training: the last state drawn, kept for the comparison with this browser's other runs. */
  finish(model: tf.LayersModel, epoch: number, run: string, storage?: Storage): void;
}

/**
 * A closed-by-default panel under the training curves: the first Dense layer's units as pictures
 * (only when it reads the image's pixels directly), weight histograms of every Dense layer over the
 * epochs, and the first-layer pictures of the other runs made in this browser, side by side.
 */
export function weightsView(size: number, text: Text, doc: Document = document): WeightsView {
  const details = doc.createElement('details');
  details.className = 'weights-view';
  details.setAttribute('data-figure', 'weights');
  const summary = doc.createElement('summary');
  summary.textContent = text.weightsSummary;
  const pictures = doc.createElement('figure');
  pictures.className = 'unit-pictures';
  const canvas = doc.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('data-unit-grid', '');
  const caption = doc.createElement('figcaption');
  pictures.append(canvas, caption);
  let histograms: HTMLElement = doc.createElement('figure');
  const comparison = doc.createElement('div');
  comparison.className = 'weights-comparison';
  details.append(summary, pictures, histograms, comparison);

  const records: EpochHistogram[] = [];
  let lastPicture = -Infinity;
  let drawnEpoch = 0;
  const draw = (kernels: DenseKernel[], epoch: number) => {
    const first = kernels[0];
    if (!first || first.inputs !== size * size * 3) { pictures.hidden = true; return; }
    drawUnitGrid(canvas, first, size);
    canvas.setAttribute('aria-label', text.unitsLabel(first.units, epoch));
    caption.textContent = text.unitsCaption(first.units, size, epoch);
    pictures.setAttribute('data-epoch', String(epoch));
    drawnEpoch = epoch;
    lastPicture = performance.now();
  };
  const redrawHistograms = () => {
    const next = histogramFigure(records, text, doc);
    histograms.replaceWith(next);
    histograms = next;
  };
  const showComparison = (storage: Storage | undefined) => {
    const runs = storage ? recallWeightPictures(storage) : [];
    comparison.replaceChildren();
    if (runs.length === 0) return;
    const heading = doc.createElement('p');
    heading.textContent = text.comparisonHeading;
    const row = doc.createElement('div');
    row.className = 'weights-comparison-row';
    for (const run of runs) row.append(comparisonItem(run, text, doc));
    comparison.append(heading, row);
  };

  return {
    element: details,
    epoch(model, epoch) {
      const kernels = denseKernels(model);
      for (const kernel of kernels) records.push(epochHistogram(kernel, epoch));
      // Drawing costs a pass over every first-layer weight: only while the reader looks, and not every epoch.
      if (details.open && performance.now() - lastPicture >= PICTURE_INTERVAL_MS) {
        draw(kernels, epoch);
        redrawHistograms();
      }
    },
    finish(model, epoch, run, storage) {
      const kernels = denseKernels(model);
      if (records.at(-1)?.epoch !== epoch) for (const kernel of kernels) records.push(epochHistogram(kernel, epoch));
      if (drawnEpoch !== epoch) draw(kernels, epoch);
      redrawHistograms();
      if (storage && !pictures.hidden) {
        try { rememberWeightPicture(storage, { run, epochs: epoch, date: new Date().toISOString().slice(0, 10), image: canvas.toDataURL('image/jpeg', 0.85) }); } catch { /* no canvas, or storage full: the comparison is a convenience */ }
      }
      showComparison(storage);
    },
  };
}

function comparisonItem(run: WeightPicture, text: Text, doc: Document): HTMLElement {
  const item = doc.createElement('figure');
  const image = doc.createElement('img');
  image.src = run.image;
  image.alt = `${text.unitsLabel(100, run.epochs)}: ${run.run}`;
  image.width = 160;
  const label = doc.createElement('figcaption');
  label.textContent = text.comparisonItem(run.run, run.epochs, run.date);
  item.append(image, label);
  return item;
}
