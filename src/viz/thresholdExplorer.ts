import type { ImageSet } from '../ml/imageSet';
import type { Messages } from '../i18n';
import { averagePrecision, confusionAt, lowestCostThreshold, rocArea, thresholdCurve } from '../ml/thresholds';
import { confusionMatrixTable, type ConfusionCell } from './confusionMatrix';
import { confusionCellGallery } from './confusionCellGallery';
import { imageGrid } from './imageGrid';
import { thresholdCurvesFigure } from './thresholdCurves';

type Text = Messages['figures'];

const MISSED_SHOWN = 8;
let explorers = 0;

export interface ThresholdExplorer {
  element: HTMLElement;
  /** Moves the threshold as the control does (the figures follow). */
  setThreshold(threshold: number): void;
}

/**
 * An evaluation's decision threshold as a control: the confusion matrix, the counts of missed emergencies
 * and false alarms, the missed vehicles and the ROC and precision–recall dots follow it; a cost ratio
 * suggests the cheapest threshold; each matrix cell opens its images.
 */
export function thresholdExplorer(set: ImageSet, probabilities: ArrayLike<number>, text: Text, doc: Document = document, initial = 0.5): ThresholdExplorer {
  const labels = set.labels;
  const classes = set.classes as [string, string];
  const id = `threshold-${++explorers}`;
  const root = doc.createElement('div');
  root.className = 'threshold-explorer';
  root.setAttribute('data-figure', 'threshold');

  const control = doc.createElement('div');
  control.className = 'threshold-control';
  const label = doc.createElement('label');
  label.htmlFor = id;
  label.textContent = text.thresholdLabel;
  const slider = doc.createElement('input');
  slider.type = 'range';
  slider.id = id;
  slider.min = '0';
  slider.max = '1';
  slider.step = '0.01';
  slider.setAttribute('data-threshold-control', '');
  const shown = doc.createElement('output');
  shown.htmlFor.add(id);
  const help = doc.createElement('p');
  help.className = 'threshold-help';
  help.id = `${id}-help`;
  help.textContent = text.thresholdHelp;
  slider.setAttribute('aria-describedby', help.id);
  control.append(label, slider, shown);

  const summary = doc.createElement('p');
  summary.className = 'threshold-summary';
  summary.setAttribute('aria-live', 'polite');
  summary.setAttribute('data-threshold-summary', '');

  const costRow = doc.createElement('div');
  costRow.className = 'threshold-cost';
  const costLabel = doc.createElement('label');
  const costInput = doc.createElement('input');
  costInput.type = 'number';
  costInput.min = '0';
  costInput.step = '1';
  costInput.value = '5';
  costInput.inputMode = 'decimal';
  costInput.setAttribute('data-cost-ratio', '');
  costLabel.append(`${text.costBefore} `, costInput, ` ${text.costAfter}`);
  const suggestion = doc.createElement('p');
  suggestion.setAttribute('data-cost-suggestion', '');
  suggestion.setAttribute('aria-live', 'polite');
  const useSuggestion = doc.createElement('button');
  useSuggestion.type = 'button';
  useSuggestion.setAttribute('data-use-threshold', '');
  costRow.append(costLabel, suggestion, useSuggestion);

  let matrix: HTMLElement = doc.createElement('table');
  let missed: HTMLElement = doc.createElement('div');
  const galleryPlace = doc.createElement('div');
  let curves: HTMLElement = doc.createElement('figure');
  const points = thresholdCurve(probabilities, labels);
  const areas = { auc: rocArea(points), ap: averagePrecision(points) };
  let threshold = initial;
  let suggested = initial;

  const indicesOf = (cell: ConfusionCell) => {
    const out: number[] = [];
    for (let i = 0; i < labels.length; i++) {
      const predicted = probabilities[i]! > threshold;
      const actual = Boolean(labels[i]);
      const inCell = cell === 'truePositives' ? actual && predicted : cell === 'falseNegatives' ? actual && !predicted : cell === 'falsePositives' ? !actual && predicted : !actual && !predicted;
      if (inCell) out.push(i);
    }
    return out;
  };
  const openCell = (cell: ConfusionCell, focus = true) => {
    const indices = indicesOf(cell);
    const gallery = confusionCellGallery(set, indices, probabilities, text.cellHeading(text.cellNames[cell], indices.length, threshold.toFixed(2)), text, doc);
    gallery.setAttribute('data-confusion-gallery', cell);
    galleryPlace.replaceChildren(gallery);
    if (focus) gallery.focus();
  };

  const render = () => {
    const confusion = confusionAt(probabilities, labels, threshold);
    const t = threshold.toFixed(2);
    slider.value = t;
    shown.value = t;
    shown.textContent = t;
    slider.setAttribute('aria-valuetext', text.thresholdValueText(t, confusion.falseNegatives, confusion.falsePositives));
    const emergencies = confusion.falseNegatives + confusion.truePositives;
    const others = confusion.trueNegatives + confusion.falsePositives;
    const accuracy = labels.length === 0 ? 0 : (confusion.truePositives + confusion.trueNegatives) / labels.length;
    summary.textContent = text.thresholdSummary({ threshold: t, missed: confusion.falseNegatives, emergencies, alarms: confusion.falsePositives, others, accuracy: `${(100 * accuracy).toFixed(1)} %` });
    summary.setAttribute('data-false-negatives', String(confusion.falseNegatives));
    summary.setAttribute('data-false-positives', String(confusion.falsePositives));
    const nextMatrix = confusionMatrixTable(confusion, classes, doc, { onSelect: openCell, cellLabel: (cell, count) => text.cellButton(count, text.cellNames[cell]) });
    matrix.replaceWith(nextMatrix);
    matrix = nextMatrix;
    const missedIndices = indicesOf('falseNegatives');
    const nextMissed = doc.createElement('div');
    nextMissed.className = 'threshold-missed';
    nextMissed.setAttribute('data-missed', String(missedIndices.length));
    const heading = doc.createElement('p');
    heading.textContent = text.missedAt(t, Math.min(MISSED_SHOWN, missedIndices.length), missedIndices.length);
    nextMissed.append(heading);
    if (missedIndices.length > 0) {
      nextMissed.append(imageGrid(set, { indices: missedIndices.slice(0, MISSED_SHOWN), document: doc, thumbnailSize: 80, caption: (i) => text.probability(set.names[i]!, probabilities[i]!.toFixed(3)) }));
    }
    missed.replaceWith(nextMissed);
    missed = nextMissed;
    const nextCurves = thresholdCurvesFigure(points, threshold, areas, text, doc);
    curves.replaceWith(nextCurves);
    curves = nextCurves;
    useSuggestion.disabled = suggested.toFixed(2) === t;
    // An open cell's images follow the threshold too.
    const open = galleryPlace.querySelector('[data-confusion-gallery]')?.getAttribute('data-confusion-gallery');
    if (open) openCell(open as ConfusionCell, false);
  };

  const suggest = () => {
    const ratio = Number(costInput.value);
    if (costInput.value.trim() === '' || !(ratio >= 0) || !Number.isFinite(ratio)) {
      suggestion.textContent = text.costInvalid(costInput.value);
      return;
    }
    const choice = lowestCostThreshold(probabilities, labels, ratio);
    suggested = choice.threshold;
    const t = choice.threshold.toFixed(2);
    suggestion.textContent = text.costSuggestion({ threshold: t, cost: String(Math.round(choice.cost * 100) / 100), missed: choice.confusion.falseNegatives, alarms: choice.confusion.falsePositives });
    suggestion.setAttribute('data-suggested-threshold', t);
    useSuggestion.textContent = text.costUse(t);
    useSuggestion.disabled = t === threshold.toFixed(2);
  };

  const setThreshold = (value: number) => {
    threshold = Math.min(1, Math.max(0, Math.round(value * 100) / 100));
    render();
  };
  slider.addEventListener('input', () => setThreshold(Number(slider.value)));
  costInput.addEventListener('input', suggest);
  useSuggestion.addEventListener('click', () => setThreshold(suggested));

  root.append(control, help, summary, matrix, galleryPlace, missed, curves, costRow);
  suggest();
  setThreshold(initial);
  return { element: root, setThreshold };
}
