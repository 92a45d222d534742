/**
 * Tiny SVG-string helpers for the synthetic dataset. Numbers are rounded to two
 * decimals so the SVG text (and therefore every image) is stable and compact.
 */
import type { Random } from '../../src/lib/random.ts';

export const n = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

type Attrs = Record<string, string | number | undefined>;

const attrs = (extra: Attrs): string =>
  Object.entries(extra)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : v}"`)
    .join('');

export const rect = (x: number, y: number, w: number, h: number, fill: string, extra: Attrs = {}): string =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}" fill="${fill}"${attrs(extra)}/>`;

export const circle = (cx: number, cy: number, r: number, fill: string, extra: Attrs = {}): string =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(Math.max(0, r))}" fill="${fill}"${attrs(extra)}/>`;

export const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra: Attrs = {}): string =>
  `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(Math.max(0, rx))}" ry="${n(Math.max(0, ry))}" fill="${fill}"${attrs(extra)}/>`;

export const polygon = (points: ReadonlyArray<readonly [number, number]>, fill: string, extra: Attrs = {}): string =>
  `<polygon points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="${fill}"${attrs(extra)}/>`;

export const path = (d: string, fill: string, extra: Attrs = {}): string => `<path d="${d}" fill="${fill}"${attrs(extra)}/>`;

export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width: number, extra: Attrs = {}): string =>
  `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}" stroke-width="${n(width)}"${attrs(extra)}/>`;

export const group = (content: string, extra: Attrs = {}): string => `<g${attrs(extra)}>${content}</g>`;

/** Builds a path `d` from points, `Z`-closed. */
export const closedPath = (points: ReadonlyArray<readonly [number, number]>): string =>
  `M${points.map(([x, y]) => `${n(x)},${n(y)}`).join('L')}Z`;

// ---- colours ----

export type Rgb = readonly [number, number, number];

const clamp255 = (v: number): number => Math.max(0, Math.min(255, Math.round(v)));

export const hex = ([r, g, b]: Rgb): string =>
  `#${[r, g, b].map((v) => clamp255(v).toString(16).padStart(2, '0')).join('')}`;

export const parseHex = (color: string): Rgb => {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`invalid colour "${color}" (expected #rrggbb)`);
  const v = parseInt(m[1]!, 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
};

/** Mixes two #rrggbb colours; t = 0 gives a, t = 1 gives b. */
export const mix = (a: string, b: string, t: number): string => {
  const ca = parseHex(a);
  const cb = parseHex(b);
  return hex([0, 1, 2].map((i) => ca[i]! + (cb[i]! - ca[i]!) * t) as unknown as Rgb);
};

export const shade = (color: string, amount: number): string =>
  amount >= 0 ? mix(color, '#ffffff', amount) : mix(color, '#000000', -amount);

/** Jitters each channel of a colour by up to ±spread, so repeated palettes do not give identical pixels. */
export const jitter = (rng: Random, color: string, spread: number): string => {
  const c = parseHex(color);
  const d = rng.uniform(-spread, spread);
  return hex([c[0] + d + rng.uniform(-spread, spread) / 2, c[1] + d + rng.uniform(-spread, spread) / 2, c[2] + d + rng.uniform(-spread, spread) / 2]);
};

/** Collects <defs> (gradients) for one scene and hands out ids unique within that SVG document. */
export class Defs {
  private readonly items: string[] = [];
  private counter = 0;
  id(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }
  add(def: string): void {
    this.items.push(def);
  }
  toString(): string {
    return this.items.length ? `<defs>${this.items.join('')}</defs>` : '';
  }
}

export const linearGradient = (id: string, stops: ReadonlyArray<readonly [number, string]>, vertical = true): string =>
  `<linearGradient id="${id}" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}">${stops
    .map(([o, c]) => `<stop offset="${n(o)}" stop-color="${c}"/>`)
    .join('')}</linearGradient>`;

/** Relative brightness in [0, 1] (Rec. 601 weights), to choose contrasting markings. */
export const luminance = (color: string): number => {
  const [r, g, b] = parseHex(color);
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
};
