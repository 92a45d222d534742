import * as Plot from '@observablehq/plot';
import type { DropoutObservation } from '../ml/dropoutProbe';
import { formatPercent } from '../lib/numbers';
import { MARK_COLORS, RUN_COLORS } from './palette';

export interface DropoutMaskViewerOptions {
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
export function dropoutMaskViewer(observation: DropoutObservation, options: DropoutMaskViewerOptions = {}): HTMLElement {
  const doc = options.document ?? document;
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

  const panels = [...steps.map((step) => ({ panel: `step ${step.step}`, mask: step.mask })), { panel: 'inference', mask: new Uint8Array(units) }];
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
    color: { domain: ['kept', 'dropped'], range: [KEPT, DROPPED], legend: true },
    marks: [Plot.cell(cells, { fx: 'panel', x: 'column', y: 'row', fill: 'state', fillOpacity: (d: { state: string }) => (d.state === 'dropped' ? DROPPED_OPACITY : 1), title: (d: { unit: number; state: string }) => `unit ${d.unit}: ${d.state}` })],
  });
  chart.setAttribute('aria-label', `which of the ${units} units of ${observation.layerName} were dropped on ${steps.length} training steps, and at inference`);
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
  table.append(row('th', ['', 'units dropped (whole batch)', 'kept units scaled by', 'changed since the previous step (first image)']));
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    let changed = 0;
    if (previous) for (let u = 0; u < units; u++) changed += Number(previous.mask[u] !== step.mask[u]);
    table.append(row('td', [`training step ${step.step}`, formatShare(step.fractionDropped), `×${step.keptScale.toFixed(2)}`, previous ? `${changed} of ${units} units` : '—']));
  });
  table.append(row('td', ['inference', formatShare(inference.fractionDropped), inference.maxChange === 0 ? '×1.00 (unchanged)' : `changed by up to ${inference.maxChange.toExponential(2)}`, '—']));
  figure.append(table);

  const caption = doc.createElement('figcaption');
  caption.style.maxWidth = '720px';
  caption.setAttribute('data-dropout-summary', '');
  caption.textContent =
    `${observation.layerName}, rate ${rate}: on ${steps.length} training steps of ${observation.batchSize} images, ${formatShare(meanDropped)} of the units were dropped (the rate asks for ${formatShare(rate)}), ` +
    `a new random set every step. The kept units were multiplied by ${(1 / (1 - rate)).toFixed(2)} = 1 / (1 − ${rate}) (inverted dropout), so the next layer receives the same total on average. ` +
    `At inference the layer drops ${formatShare(inference.fractionDropped)} and ${inference.maxChange === 0 ? 'passes every activation through unchanged' : 'changes activations'}.`;
  figure.append(caption);
  return figure;
}

function formatShare(value: number): string {
  return formatPercent(value);
}
