import * as Plot from '@observablehq/plot';
import type { CurvePoint } from '../ml/thresholds';
import type { Messages } from '../i18n';

type Text = Messages['figures'];

/** The point of a curve the current threshold gives: the last one whose threshold is at or above it. */
function pointAt(points: readonly CurvePoint[], threshold: number): CurvePoint {
  let chosen = points[0]!;
  for (const point of points) if (point.threshold >= threshold) chosen = point;
  return chosen;
}

/**
 * The ROC and precision–recall curves side by side, each with the current threshold as a dot.
 * Lines and text take the page's colours (currentColor, CSS variables), so both themes read.
 */
export function thresholdCurvesFigure(points: readonly CurvePoint[], threshold: number, summary: { auc: number; ap: number }, text: Text, doc: Document = document): HTMLElement {
  const figure = doc.createElement('figure');
  figure.className = 'threshold-curves';
  figure.setAttribute('data-figure', 'threshold-curves');
  const here = pointAt(points, threshold);
  const chart = (kind: 'roc' | 'pr') => {
    const rows = kind === 'roc'
      ? points.map((p) => ({ x: p.falsePositiveRate, y: p.truePositiveRate }))
      : points.filter((p) => p.precision !== undefined).map((p) => ({ x: p.truePositiveRate, y: p.precision! }));
    const dot = kind === 'roc' ? { x: here.falsePositiveRate, y: here.truePositiveRate } : { x: here.truePositiveRate, y: here.precision ?? 1 };
    const svg = Plot.plot({
      document: doc,
      width: 300,
      height: 260,
      marginLeft: 44,
      marginBottom: 40,
      style: { background: 'transparent', color: 'currentColor' },
      title: kind === 'roc' ? text.rocTitle(summary.auc.toFixed(3)) : text.prTitle(summary.ap.toFixed(3)),
      x: { label: kind === 'roc' ? text.rocX : text.prX, domain: [0, 1], grid: true, tickFormat: (v: number) => String(Math.round(100 * v)), labelAnchor: 'center' },
      y: { label: kind === 'roc' ? text.rocY : text.prY, domain: [0, 1], grid: true, tickFormat: (v: number) => String(Math.round(100 * v)) },
      marks: [
        kind === 'roc' ? Plot.line([{ x: 0, y: 0 }, { x: 1, y: 1 }], { x: 'x', y: 'y', stroke: 'currentColor', strokeOpacity: 0.35, strokeDasharray: '3,3' }) : null,
        Plot.line(rows, { x: 'x', y: 'y', stroke: 'var(--accent)', strokeWidth: 2, curve: kind === 'roc' ? 'linear' : 'step-before' }),
        Plot.dot([dot], { x: 'x', y: 'y', r: 5, fill: 'var(--danger)', stroke: 'var(--bg)', strokeWidth: 1.5 }),
      ],
    });
    svg.setAttribute('data-curve', kind);
    return svg;
  };
  const caption = doc.createElement('figcaption');
  caption.textContent = text.curvesCaption(threshold.toFixed(2), summary.auc.toFixed(3), summary.ap.toFixed(3));
  figure.append(chart('roc'), chart('pr'), caption);
  return figure;
}
