import * as Plot from '@observablehq/plot';
import type { DropoutObservation } from '../ml/dropoutProbe';
import { formatPercent } from '../lib/numbers';
import type { Messages } from '../i18n';
import { MARK_COLORS, RUN_COLORS } from './palette';

export interface DropoutMaskViewerOptions {
  /** The page's words (`context.t.dropout`). */
  words: Messages['dropout'];
  document?: Document;
}

// Kept units in the colour of "with dropout" in the comparison figure; dropped ones a faint grey that
// stays the dimmest square on a light page and on a dark one (it is mostly the page showing through).
const KEPT = RUN_COLORS[1];
const DROPPED = MARK_COLORS.neutral;
const DROPPED_OPACITY = 0.3;

/**
 * The units of a hidden layer as a grid, one grid per training step (dropped units grey,
 * kept ones blue and marked with the factor they were scaled by), then the same layer at
 * inference, with a table of the fraction dropped against the rate.
 */
export function dropoutMaskViewer(observation: DropoutObservation, options: DropoutMaskViewerOptions): HTMLElement {
  const doc = options.document ?? document;
  const words = options.words;
  const { rate, units, steps, inference } = observation;
  const columns = Math.ceil(Math.sqrt(units));
  const figure = doc.createElement('figure');
  // Outputs can sit in a no-wrap context of the inspector: long captions must still wrap.
  figure.style.whiteSpace = 'normal';
  figure.className = 'dropout-mask-viewer';
  figure.setAttribute('data-figure', 'dropout-masks');
  const meanDropped = steps.reduce((sum, step) => sum + step.fractionDropped, 0) / Math.max(1, steps.length);
  figure.setAttribute('data-fraction-dropped', meanDropped.toFixed(4));
  figure.setAttribute('data-units', String(units));

  const panels = [...steps.map((step) => ({ panel: words.step(step.step), mask: step.mask })), { panel: words.inference, mask: new Uint8Array(units) }];
  const cells = panels.flatMap(({ panel, mask }) => Array.from(mask, (dropped, unit) => ({ panel, unit, column: unit % columns, row: Math.floor(unit / columns), state: dropped ? 'dropped' : 'kept' })));
  const chart = Plot.plot({
    document: doc,
    width: Math.max(360, 96 * panels.length),
    height: 150,
    marginTop: 24,
    marginLeft: 0,
    marginRight: 0,
    marginBottom: 4,
    padding: 0.08,
    fx: { domain: panels.map((p) => p.panel), label: null, padding: 0.12, axis: 'top' },
    x: { axis: null, domain: Array.from({ length: columns }, (_, i) => i) },
    y: { axis: null, domain: Array.from({ length: Math.ceil(units / columns) }, (_, i) => i) },
    color: { domain: ['kept', 'dropped'], range: [KEPT, DROPPED], legend: true, tickFormat: (state: 'kept' | 'dropped') => words.states[state] },
    marks: [Plot.cell(cells, { fx: 'panel', x: 'column', y: 'row', fill: 'state', fillOpacity: (d: { state: string }) => (d.state === 'dropped' ? DROPPED_OPACITY : 1), title: (d: { unit: number; state: 'kept' | 'dropped' }) => words.unit(d.unit, words.states[d.state]) })],
  });
  chart.setAttribute('aria-label', words.chartLabel(units, observation.layerName, steps.length));
  figure.append(chart);

  const table = doc.createElement('table');
  table.className = 'dropout-steps';
  const row = (tag: 'th' | 'td', values: string[]) => {
    const tr = doc.createElement('tr');
    for (const [column, value] of values.entries()) {
      const cell = doc.createElement(tag);
      if (column === 0) cell.style.whiteSpace = 'nowrap';
      cell.textContent = value;
      cell.style.padding = '0.1rem 0.75rem';
      cell.style.textAlign = 'left';
      tr.append(cell);
    }
    return tr;
  };
  table.append(row('th', ['', ...words.columns]));
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    let changed = 0;
    if (previous) for (let u = 0; u < units; u++) changed += Number(previous.mask[u] !== step.mask[u]);
    table.append(row('td', [words.trainingStep(step.step), formatShare(step.fractionDropped), `×${step.keptScale.toFixed(2)}`, previous ? words.changedUnits(changed, units) : '—']));
  });
  table.append(row('td', [words.inference, formatShare(inference.fractionDropped), inference.maxChange === 0 ? words.unchanged : words.changedBy(inference.maxChange.toExponential(2)), '—']));
  figure.append(table);

  const caption = doc.createElement('figcaption');
  caption.style.maxWidth = '720px';
  caption.setAttribute('data-dropout-summary', '');
  caption.textContent = words.caption({
    layer: observation.layerName, rate, steps: steps.length, batch: observation.batchSize, dropped: formatShare(meanDropped), asked: formatShare(rate),
    scale: (1 / (1 - rate)).toFixed(2), atInference: formatShare(inference.fractionDropped), unchanged: inference.maxChange === 0,
  });
  figure.append(caption);
  return figure;
}

function formatShare(value: number): string {
  return formatPercent(value);
}
