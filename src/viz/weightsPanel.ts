import * as Plot from '@observablehq/plot';
import type { Messages } from '../i18n';
import { histogram, largestMagnitude, spread, unitPicture, type DenseKernel } from '../ml/weightStats';

type Text = Messages['figures'];

const BINS = 40;
/** Redraw the unit pictures at most this often while training (reading 1.2 M weights is not free). */
export const PICTURE_INTERVAL_MS = 3000;

export interface EpochHistogram { epoch: number; layer: string; edges: number[]; counts: number[]; spread: number }

/** Draws the first layer's units as a grid of pictures on one canvas (10 per row, a 1-pixel gap). */
export function drawUnitGrid(canvas: HTMLCanvasElement, kernel: DenseKernel, size: number): void {
  const columns = 10;
  const rows = Math.ceil(kernel.units / columns);
  canvas.width = columns * (size + 1) - 1;
  canvas.height = rows * (size + 1) - 1;
  let context: CanvasRenderingContext2D | null = null;
  try { context = canvas.getContext('2d'); } catch { /* a test DOM without canvas */ }
  if (!context) return;
  for (let unit = 0; unit < kernel.units; unit++) {
    const image = context.createImageData(size, size);
    image.data.set(unitPicture(kernel, unit, size));
    context.putImageData(image, (unit % columns) * (size + 1), Math.floor(unit / columns) * (size + 1));
  }
}

/** The histogram of a layer's weights at one epoch, over a symmetric range around zero. */
export function epochHistogram(kernel: DenseKernel, epoch: number): EpochHistogram {
  const limit = largestMagnitude(kernel.values) || 1e-3;
  const { edges, counts } = histogram(kernel.values, BINS, [-limit, limit]);
  return { epoch, layer: kernel.layer, edges, counts, spread: spread(kernel.values) };
}

/** Small multiples, one per layer: weight value across, epoch down, more opaque (in the page's text colour) where more weights are. */
export function histogramFigure(records: readonly EpochHistogram[], text: Text, doc: Document = document): HTMLElement {
  const figure = doc.createElement('figure');
  figure.className = 'weight-histograms';
  figure.setAttribute('data-figure', 'weight-histograms');
  const layers = [...new Set(records.map((r) => r.layer))];
  const rows: string[] = [];
  for (const layer of layers) {
    const mine = records.filter((r) => r.layer === layer);
    const cells = mine.flatMap((r) => {
      const total = r.counts.reduce((a, b) => a + b, 0) || 1;
      const peak = Math.max(...r.counts) / total || 1;
      return r.counts.flatMap((count, i) => (count === 0 ? [] : [{ x1: r.edges[i]!, x2: r.edges[i + 1]!, epoch: r.epoch, share: count / total / peak }]));
    });
    const lastEpoch = mine.at(-1)?.epoch ?? 1;
    const svg = Plot.plot({
      document: doc,
      width: 300,
      height: Math.min(220, 60 + 8 * mine.length),
      marginLeft: 44,
      marginBottom: 36,
      style: { background: 'transparent', color: 'currentColor' },
      x: { label: text.histogramX, labelAnchor: 'center', ticks: 5 },
      y: { label: text.histogramY, domain: [lastEpoch + 0.5, 0.5], ticks: Math.min(5, lastEpoch), tickFormat: 'd' },
      opacity: { domain: [0, 1], range: [0, 1] },
      marks: [Plot.rect(cells, { x1: 'x1', x2: 'x2', y1: (d: { epoch: number }) => d.epoch - 0.5, y2: (d: { epoch: number }) => d.epoch + 0.5, fill: 'currentColor', fillOpacity: 'share' }), Plot.ruleX([0], { stroke: 'var(--accent)', strokeOpacity: 0.6 })],
    });
    svg.setAttribute('data-layer', layer);
    svg.setAttribute('aria-label', text.histogramTitle(layer));
    const title = doc.createElement('p');
    title.className = 'weight-histogram-title';
    title.textContent = text.histogramTitle(layer);
    figure.append(title, svg);
    rows.push(text.histogramRow(layer, (mine[0]?.spread ?? 0).toFixed(4), (mine.at(-1)?.spread ?? 0).toFixed(4), lastEpoch));
  }
  const caption = doc.createElement('figcaption');
  caption.textContent = text.histogramCaption(rows.join('; '));
  figure.append(caption);
  return figure;
}
