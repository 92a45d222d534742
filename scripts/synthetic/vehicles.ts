/**
 * SVG drawings of vehicles for the synthetic "emergency vs non-emergency" dataset.
 *
 * Every drawing is in a local frame: the vehicle faces right (side view) or the
 * viewer (front view), the ground is y = 0 and the drawing spans
 * x ∈ [0, width], y ∈ [-height, 0]. The scene places, scales and mirrors it.
 *
 * The non-emergency kinds deliberately include look-alikes (plain white vans,
 * plain red trucks, taxis with roof signs and checker bands, tow trucks with amber
 * light bars, builders' vans with ladders) so that colour alone does not decide.
 */
import type { Random } from '../../src/lib/random.ts';
import { circle, closedPath, type Defs, group, jitter, line, linearGradient, luminance, n, path, polygon, rect, shade } from './svg.ts';

export const EMERGENCY_KINDS = ['ambulance', 'police', 'fireTruck'] as const;
export const OTHER_KINDS = ['sedan', 'hatchback', 'suv', 'van', 'bus', 'truck', 'pickup', 'taxi'] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];
export type OtherKind = (typeof OTHER_KINDS)[number];
export type VehicleKind = EmergencyKind | OtherKind;
export type View = 'side' | 'front';

export interface Vehicle {
  kind: VehicleKind;
  view: View;
  svg: string;
  width: number;
  height: number;
}

export const isEmergency = (kind: VehicleKind): boolean => (EMERGENCY_KINDS as readonly string[]).includes(kind);

// ---------------------------------------------------------------------------
// palettes

/** Everyday car colours, weighted roughly like a car park (white, grey, black dominate). */
const CAR_COLOURS: ReadonlyArray<readonly [string, number]> = [
  ['#f2f2f0', 13], ['#c9ccd0', 13], ['#8a8f96', 12], ['#2a2c30', 13], ['#151618', 6],
  ['#1f4e9c', 7], ['#2d6fc4', 4], ['#b3141b', 6], ['#7a1420', 3], ['#20573a', 3],
  ['#e0c23a', 2], ['#d9cfb3', 3], ['#6b4a2e', 2], ['#e06a1b', 2], ['#4a6a8a', 3], ['#7e8a5a', 1],
];
const TRUCK_COLOURS: ReadonlyArray<readonly [string, number]> = [
  ['#f4f4f2', 18], ['#c8102e', 6], ['#b71c1c', 3], ['#1f4e9c', 8], ['#e86a10', 5], ['#f2c500', 4],
  ['#2e7d32', 4], ['#8d9399', 6], ['#2a2c30', 5], ['#5d4037', 2], ['#e8e3d0', 3],
];
const BUS_COLOURS: ReadonlyArray<readonly [string, number]> = [
  ['#d0201f', 6], ['#f2b705', 4], ['#f4f4f2', 6], ['#1d5fb0', 5], ['#2e8b57', 3], ['#ef7d1a', 2], ['#6a1b9a', 1], ['#9fa4aa', 2],
];
const ACCENT_COLOURS = ['#d71920', '#1f4fbf', '#15803d', '#f59e0b', '#0f172a', '#7c3aed', '#0ea5e9', '#e11d48', '#f97316'];
const GLASS = ['#1e2a36', '#27384a', '#2f3e4f', '#3b5068', '#4d6680', '#182028', '#5a7390', '#6b8298'];

const weighted = (rng: Random, items: ReadonlyArray<readonly [string, number]>): string => {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r < 0) return value;
  }
  return items[items.length - 1]![0];
};

const glassFill = (rng: Random, defs: Defs): string => {
  const base = rng.pick(GLASS);
  if (rng.chance(0.5)) return jitter(rng, base, 10);
  // A sky reflection gradient on some windows, as in real photos.
  const id = defs.id('g');
  defs.add(linearGradient(id, [[0, shade(base, rng.uniform(0.25, 0.55))], [1, shade(base, -0.2)]]));
  return `url(#${id})`;
};

// ---------------------------------------------------------------------------
// shared parts

/**
 * Glossy paint mirrors its surroundings: a pale band with a ragged lower edge (the
 * reflected skyline) and a few dark streaks (poles, trees). Unique to every drawing.
 */
function reflections(rng: Random, x0: number, x1: number, top: number, bottom: number): string {
  if (x1 - x0 < 10 || bottom - top < 6) return '';
  const h = bottom - top;
  const pts: Array<[number, number]> = [[x0, top]];
  for (let x = x0; x <= x1; x += rng.uniform(4, 10)) pts.push([x, top + h * rng.uniform(0.25, 0.6)]);
  pts.push([x1, top + h * rng.uniform(0.25, 0.6)], [x1, top]);
  let s = polygon(pts, rng.pick(['#ffffff', '#dfe9f3', '#cfe0f0']), { opacity: n(rng.uniform(0.12, 0.35)) });
  const streaks = rng.int(1, 6);
  for (let i = 0; i < streaks; i++) {
    const x = rng.uniform(x0, x1 - 4);
    s += rect(x, top + h * rng.uniform(0, 0.3), rng.uniform(1.5, 6), h * rng.uniform(0.3, 0.8), rng.chance(0.6) ? '#000000' : '#ffffff', { opacity: n(rng.uniform(0.1, 0.3)) });
  }
  return s;
}

function wheel(rng: Random, cx: number, r: number, rim: string): string {
  const cy = -r;
  let s = circle(cx, cy, r, '#141414');
  s += circle(cx, cy, r * 0.62, rim);
  s += circle(cx, cy, r * 0.5, shade(rim, -0.25));
  const spokes = rng.int(0, 6);
  for (let i = 0; i < spokes; i++) {
    const a = (i / spokes) * Math.PI * 2 + rng.next();
    s += line(cx, cy, cx + Math.cos(a) * r * 0.5, cy + Math.sin(a) * r * 0.5, shade(rim, 0.2), r * 0.12);
  }
  s += circle(cx, cy, r * 0.16, shade(rim, -0.45));
  return s;
}

function rimColour(rng: Random): string {
  return rng.pick(['#c0c4c8', '#d8dadc', '#9aa0a6', '#2b2b2b', '#6d7278', '#e8e8e8']);
}

/** Wheel arch: a dark half-disc drawn over the body before the tyre. */
const arch = (cx: number, r: number): string => circle(cx, -r, r * 1.16, '#1a1a1a');

type LightBarStyle = 'redBlue' | 'blue' | 'redWhite' | 'red' | 'amber';

function lightBar(rng: Random, x: number, y: number, w: number, h: number, style: LightBarStyle, glow: boolean): string {
  const colours: Record<LightBarStyle, [string, string]> = {
    redBlue: ['#e8141b', '#1a44e8'],
    blue: ['#1a44e8', '#3d6bff'],
    redWhite: ['#e8141b', '#f4f4f4'],
    red: ['#e8141b', '#b00d12'],
    amber: ['#ff9f0a', '#ffb83d'],
  };
  const [a, b] = colours[style];
  let s = rect(x - 1, y + h * 0.55, w + 2, h * 0.55, '#2b2b2b');
  const segs = rng.pick([2, 2, 4, 6]);
  const sw = w / segs;
  for (let i = 0; i < segs; i++) {
    const c = segs === 2 ? (i === 0 ? a : b) : i % 2 === 0 ? a : b;
    s += rect(x + i * sw + 0.4, y, sw - 0.8, h, c, { rx: h * 0.3 });
  }
  if (glow) {
    // A lit bar bleeds colour around it, one of the strongest cues in real photos.
    s += circle(x + sw * 0.5, y + h / 2, h * rng.uniform(1.4, 2.6), a, { opacity: n(rng.uniform(0.2, 0.45)) });
    s += circle(x + w - sw * 0.5, y + h / 2, h * rng.uniform(1.4, 2.6), b, { opacity: n(rng.uniform(0.2, 0.45)) });
  }
  return s;
}

/** A block of pseudo-letters (bars), standing in for "POLICE" / "AMBULANCE" / company names without fonts. */
function lettering(rng: Random, x: number, y: number, w: number, h: number, colour: string): string {
  const letters = rng.int(4, 9);
  const cw = w / letters;
  const t = Math.max(0.6, Math.min(cw, h) * 0.2);
  let s = '';
  for (let i = 0; i < letters; i++) {
    const lx = x + i * cw + cw * 0.12;
    const lw = cw * 0.76;
    const glyph = rng.int(0, 5);
    s += rect(lx, y, t, h, colour); // stem
    if (glyph === 0 || glyph === 3) s += rect(lx, y, lw, t, colour);
    if (glyph === 1 || glyph === 3 || glyph === 4) s += rect(lx, y + h - t, lw, t, colour);
    if (glyph === 2 || glyph === 4) s += rect(lx, y + h / 2 - t / 2, lw * 0.8, t, colour);
    if (glyph === 0 || glyph === 5) s += rect(lx + lw - t, y, t, h, colour);
  }
  return s;
}

/** Two-row checker band (Battenburg on ambulances/police, checker on taxis). */
function checker(x: number, y: number, w: number, h: number, a: string, b: string, rows = 2): string {
  const cell = h / rows;
  const cols = Math.max(1, Math.round(w / (cell * 1.6)));
  const cw = w / cols;
  let s = '';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) s += rect(x + c * cw, y + r * cell, cw + 0.2, cell + 0.2, (r + c) % 2 === 0 ? a : b);
  }
  return s;
}

function redCross(cx: number, cy: number, size: number, colour: string, backing: string | null): string {
  let s = backing ? circle(cx, cy, size * 0.75, backing) : '';
  const t = size * 0.34;
  s += rect(cx - t / 2, cy - size / 2, t, size, colour);
  s += rect(cx - size / 2, cy - t / 2, size, t, colour);
  return s;
}

function starOfLife(cx: number, cy: number, size: number, colour: string): string {
  const t = size * 0.3;
  let s = '';
  for (const angle of [0, 60, 120]) {
    s += rect(cx - t / 2, cy - size / 2, t, size, colour, { transform: `rotate(${angle} ${n(cx)} ${n(cy)})` });
  }
  s += rect(cx - t * 0.12, cy - size * 0.35, t * 0.24, size * 0.7, '#ffffff');
  return s;
}

function ladder(x: number, y: number, w: number, h: number, colour: string, angle = 0): string {
  let s = rect(x, y, w, h * 0.28, colour) + rect(x, y + h * 0.72, w, h * 0.28, colour);
  const rungs = Math.max(4, Math.round(w / (h * 1.1)));
  for (let i = 0; i <= rungs; i++) s += rect(x + (i / rungs) * (w - h * 0.2), y, h * 0.2, h, colour);
  return angle ? group(s, { transform: `rotate(${n(angle)} ${n(x)} ${n(y + h)})` }) : s;
}

const pickColour = (rng: Random, items: ReadonlyArray<readonly [string, number]>, spread = 22): string => jitter(rng, weighted(rng, items), spread);

// ---------------------------------------------------------------------------
// side view: cars (sedan / hatchback / SUV / taxi / police / fire car)

interface CarGeom {
  L: number;
  sill: number;
  belt: number;
  roof: number;
  tail: number; // x where the rear window / hatch starts
  rearSlope: number;
  hood: number; // hood length from the front
  shield: number; // windshield horizontal run
  wheelR: number;
  rearAxle: number;
  frontAxle: number;
}

function carGeom(rng: Random, type: 'sedan' | 'hatchback' | 'suv'): CarGeom {
  if (type === 'sedan') {
    const L = rng.uniform(190, 215);
    return { L, sill: 7, belt: rng.uniform(36, 42), roof: rng.uniform(58, 64), tail: L * rng.uniform(0.14, 0.2), rearSlope: L * rng.uniform(0.12, 0.17), hood: L * rng.uniform(0.22, 0.27), shield: L * rng.uniform(0.12, 0.16), wheelR: rng.uniform(13, 15), rearAxle: L * rng.uniform(0.17, 0.21), frontAxle: L * rng.uniform(0.8, 0.84) };
  }
  if (type === 'hatchback') {
    const L = rng.uniform(165, 185);
    return { L, sill: 7, belt: rng.uniform(36, 41), roof: rng.uniform(60, 66), tail: L * rng.uniform(0.01, 0.04), rearSlope: L * rng.uniform(0.06, 0.12), hood: L * rng.uniform(0.18, 0.23), shield: L * rng.uniform(0.14, 0.18), wheelR: rng.uniform(13, 15), rearAxle: L * rng.uniform(0.15, 0.19), frontAxle: L * rng.uniform(0.81, 0.85) };
  }
  const L = rng.uniform(190, 210);
  return { L, sill: 11, belt: rng.uniform(46, 52), roof: rng.uniform(74, 82), tail: L * rng.uniform(0.0, 0.03), rearSlope: L * rng.uniform(0.03, 0.07), hood: L * rng.uniform(0.2, 0.24), shield: L * rng.uniform(0.1, 0.13), wheelR: rng.uniform(16, 18), rearAxle: L * rng.uniform(0.16, 0.19), frontAxle: L * rng.uniform(0.8, 0.84) };
}

interface CarParts {
  svg: string;
  geom: CarGeom;
  doorX0: number; // rear door rear edge
  doorX1: number; // front door front edge
  roofX0: number;
  roofX1: number;
}

/** Draws a car body; `decorate` adds livery between the paint and the glass/wheels. */
function drawCar(rng: Random, defs: Defs, g: CarGeom, body: string, decorate?: (p: Omit<CarParts, 'svg'>) => string): CarParts {
  const { L, sill, belt, roof, tail, rearSlope, hood, shield } = g;
  const pts: Array<[number, number]> = [
    [1, -sill], [0, -(belt - 8)], [3, -belt], [tail, -(belt + 2)], [tail + rearSlope, -roof],
    [L - hood - shield, -roof], [L - hood, -(belt + 2)], [L - 4, -(belt - 3)], [L, -(belt - 12)], [L, -sill],
  ];
  const roofX0 = tail + rearSlope;
  const roofX1 = L - hood - shield;
  const doorX0 = Math.max(tail + rearSlope * 0.5, g.rearAxle + g.wheelR * 1.2);
  const doorX1 = L - hood - 2;
  let s = path(closedPath(pts), body, { stroke: body, 'stroke-width': 3, 'stroke-linejoin': 'round' });
  // lower-body shading, so the paint reads as a curved surface
  s += rect(1, -(belt * 0.45), L - 1, belt * 0.45 - sill, shade(body, -0.12), { opacity: 0.6 });
  const parts = { geom: g, doorX0, doorX1, roofX0, roofX1 };
  if (decorate) s += decorate(parts);
  s += reflections(rng, 4, L - 4, -(belt - 2), -(sill + 3));
  // greenhouse
  const glass = glassFill(rng, defs);
  const wy0 = -(belt + 3);
  const wy1 = -(roof - 4);
  const bx = (doorX0 + doorX1) / 2;
  s += polygon([[tail + 5, wy0], [roofX0 + 3, wy1], [roofX1 - 2, wy1], [L - hood - 5, wy0]], glass);
  s += rect(bx - 2.5, wy1, 5, wy0 - wy1, body);
  // door seams and handles
  const seam = shade(body, -0.35);
  for (const x of [doorX0, bx, doorX1]) s += line(x, -(belt + 1), x, -(sill + 2), seam, 0.7);
  s += rect(bx - 12, -(belt - 5), 6, 2, seam) + rect(doorX1 - 12, -(belt - 5), 6, 2, seam);
  // lights, bumpers
  s += rect(L - 9, -(belt - 5), 8, 5, rng.pick(['#f4f1d0', '#ffffff', '#e9eef2']), { rx: 1.5 });
  s += rect(0, -(belt - 3), 5, 7, '#c3161c', { rx: 1 });
  s += rect(-1, -(sill + 8), 10, 6, '#2a2a2a', { rx: 2 }) + rect(L - 10, -(sill + 8), 11, 6, '#2a2a2a', { rx: 2 });
  s += rect(L - hood - 10, -(belt + 4), 7, 4, body); // mirror
  // wheels
  const rim = rimColour(rng);
  s += arch(g.rearAxle, g.wheelR) + arch(g.frontAxle, g.wheelR);
  s += wheel(rng, g.rearAxle, g.wheelR, rim) + wheel(rng, g.frontAxle, g.wheelR, rim);
  return { svg: s, ...parts };
}

function civilianCar(rng: Random, defs: Defs, type: 'sedan' | 'hatchback' | 'suv'): { svg: string; w: number; h: number } {
  const g = carGeom(rng, type);
  const body = pickColour(rng, CAR_COLOURS);
  const c = drawCar(rng, defs, g, body, (p) => {
    let s = '';
    if (rng.chance(0.08)) s += rect(2, -(g.belt * 0.7), g.L - 4, 3, rng.pick(ACCENT_COLOURS)); // sporty stripe
    if (rng.chance(0.06)) s += lettering(rng, p.doorX0 + 4, -(g.belt - 8), (p.doorX1 - p.doorX0) * 0.7, 7, rng.pick(ACCENT_COLOURS)); // company car
    return s;
  });
  let s = c.svg;
  if (rng.chance(0.14)) {
    // roof rack or roof box: a bump on the roof, like a light bar's silhouette
    s += rng.chance(0.5)
      ? rect(c.roofX0 + 6, -(g.roof + 4), c.roofX1 - c.roofX0 - 12, 3, '#2b2b2b')
      : rect(c.roofX0 + 4, -(g.roof + 9), (c.roofX1 - c.roofX0) * 0.8, 9, rng.pick(['#1b1b1b', '#d8d8d8', '#3a3a3a']), { rx: 4 });
  }
  return { svg: s, w: g.L, h: g.roof + 10 };
}

function taxi(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  const g = carGeom(rng, rng.chance(0.75) ? 'sedan' : 'suv');
  const body = jitter(rng, rng.pick(['#f3c318', '#f3c318', '#f5d000', '#111214', '#f2f2f0', '#e8e8e0']), 16);
  const c = drawCar(rng, defs, g, body, (p) => {
    let s = '';
    if (rng.chance(0.45)) s += checker(p.doorX0, -(g.belt - 12), p.doorX1 - p.doorX0, 6, '#111111', body === '#111214' ? '#f3c318' : '#f4f4f4');
    if (rng.chance(0.6)) s += lettering(rng, p.doorX0 + 6, -(g.belt - 4), (p.doorX1 - p.doorX0) * 0.6, 6, rng.pick(['#111111', '#1f4fbf', '#d71920']));
    return s;
  });
  const mid = (c.roofX0 + c.roofX1) / 2;
  const signColour = rng.pick(['#ffd21a', '#f4f4f4', '#ffb300', '#f4f4f4']);
  const sign = rect(mid - 14, -(g.roof + 10), 28, 9, signColour, { rx: 2 }) + rect(mid - 9, -(g.roof + 8), 18, 4, rng.pick(['#111111', '#d71920']));
  return { svg: c.svg + sign, w: g.L, h: g.roof + 12 };
}

function policeCar(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  const g = carGeom(rng, rng.chance(0.55) ? 'sedan' : 'suv');
  const livery = rng.pick(['blackWhite', 'blackWhite', 'battenburg', 'battenburg', 'battenburg', 'stripe', 'blueBody', 'sillitoe'] as const);
  const body = jitter(
    rng,
    livery === 'blackWhite' ? rng.pick(['#141518', '#101c33', '#f4f4f2']) : livery === 'blueBody' ? rng.pick(['#16306b', '#1d3f8a', '#0f2150']) : rng.pick(['#f4f4f2', '#e8ebee', '#cfd3d6']),
    5,
  );
  const light = luminance(body) > 0.5;
  const c = drawCar(rng, defs, g, body, (p) => {
    let s = '';
    const dw = p.doorX1 - p.doorX0;
    if (livery === 'blackWhite') {
      const other = light ? '#141518' : '#f4f4f2';
      s += rect(p.doorX0, -(g.belt - 1), dw, g.belt - g.sill - 2, other);
    } else if (livery === 'battenburg') {
      const [a, b] = rng.pick([['#1a3fae', '#f5e500'], ['#1a3fae', '#d7f000'], ['#1a3fae', '#f4f4f4']] as const);
      s += checker(2, -(g.belt * 0.7), g.L - 4, g.belt * 0.42, a, b);
    } else if (livery === 'stripe') {
      const colour = rng.pick(['#1a3fae', '#1a3fae', '#0f6b3a', '#d71920']);
      s += rect(1, -(g.belt * 0.55), g.L - 2, g.belt * 0.2, colour);
      if (rng.chance(0.6)) s += rect(1, -(g.belt * 0.3), g.L - 2, 2.5, rng.pick(['#f5c400', '#d71920', colour]));
    } else if (livery === 'blueBody') {
      s += rect(1, -(g.belt * 0.55), g.L - 2, 4, rng.pick(['#f4f4f4', '#f5c400']));
    } else {
      s += checker(2, -(g.belt * 0.55), g.L - 4, g.belt * 0.14, '#1a3fae', '#f4f4f4', 1);
    }
    if (rng.chance(0.85)) {
      const textColour = livery === 'blackWhite' ? (light ? '#f4f4f2' : '#141518') : light ? rng.pick(['#1a3fae', '#141518']) : '#f4f4f4';
      const tx = livery === 'blackWhite' ? p.doorX0 + 5 : p.doorX0 + rng.uniform(0, 10);
      s += lettering(rng, tx, -(g.belt - 5), dw * rng.uniform(0.6, 0.85), 6, textColour);
    }
    if (rng.chance(0.4)) s += path(`M${n(p.doorX1 - 20)},${n(-(g.belt - 14))}l5,-3l5,3l-1,7l-4,3l-4,-3z`, rng.pick(['#d4a017', '#1a3fae', '#f4f4f4']));
    return s;
  });
  let s = c.svg;
  if (rng.chance(0.9)) {
    const w = (c.roofX1 - c.roofX0) * rng.uniform(0.55, 0.85);
    const x = (c.roofX0 + c.roofX1) / 2 - w / 2;
    s += lightBar(rng, x, -(g.roof + 8), w, 7, rng.pick(['redBlue', 'redBlue', 'blue', 'redBlue'] as const), rng.chance(0.6));
  }
  if (g.sill > 8 && rng.chance(0.45)) s += rect(g.L - 2, -(g.belt - 6), 6, g.belt - g.sill - 6, '#1b1b1b', { rx: 1.5 }); // push bar
  return { svg: s, w: g.L + 4, h: g.roof + 14 };
}

function fireCar(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  const g = carGeom(rng, 'suv');
  const yellow = rng.chance(0.2);
  const body = jitter(rng, yellow ? '#f2e600' : rng.pick(['#d11a1f', '#c8102e', '#e02a1f']), 16);
  const c = drawCar(rng, defs, g, body, (p) => {
    let s = checker(2, -(g.belt * 0.6), g.L - 4, g.belt * 0.3, yellow ? '#d11a1f' : '#f5d000', yellow ? '#1a3fae' : body);
    if (rng.chance(0.7)) s += lettering(rng, p.doorX0 + 4, -(g.belt - 4), (p.doorX1 - p.doorX0) * 0.7, 6, '#f4f4f4');
    return s;
  });
  const w = (c.roofX1 - c.roofX0) * 0.7;
  const bar = lightBar(rng, (c.roofX0 + c.roofX1) / 2 - w / 2, -(g.roof + 7), w, 6, rng.pick(['blue', 'redBlue', 'red'] as const), rng.chance(0.35));
  return { svg: c.svg + bar, w: g.L, h: g.roof + 10 };
}

// ---------------------------------------------------------------------------
// side view: vans and cab + box vehicles

interface VanGeom {
  L: number;
  H: number;
  wheelR: number;
  rearAxle: number;
  frontAxle: number;
  cabX: number; // where the windshield starts
}

function drawVan(rng: Random, defs: Defs, body: string, opts: { windows: boolean; decorate?: (g: VanGeom) => string }): { svg: string; g: VanGeom } {
  const L = rng.uniform(205, 240);
  const H = rng.uniform(88, 108);
  const g: VanGeom = { L, H, wheelR: rng.uniform(14, 16), rearAxle: L * rng.uniform(0.15, 0.19), frontAxle: L * rng.uniform(0.8, 0.84), cabX: L * rng.uniform(0.8, 0.84) };
  const hoodY = -H * rng.uniform(0.44, 0.52);
  const pts: Array<[number, number]> = [[0, -7], [0, -H + 4], [4, -H], [g.cabX - 4, -H], [L * 0.93, hoodY - 4], [L - 2, hoodY + 2], [L, -20], [L, -7]];
  let s = path(closedPath(pts), body, { stroke: body, 'stroke-width': 3, 'stroke-linejoin': 'round' });
  s += rect(0, -H * 0.3, L, H * 0.3 - 7, shade(body, -0.1), { opacity: 0.6 });
  if (opts.decorate) s += opts.decorate(g);
  s += reflections(rng, 3, g.cabX - 28, -H + 4, -12);
  const glass = glassFill(rng, defs);
  s += polygon([[g.cabX - 26, -H + 6], [g.cabX - 1, -H + 6], [L * 0.92, hoodY - 6], [g.cabX - 26, hoodY - 6]], glass);
  if (opts.windows) for (let x = 10; x < g.cabX - 60; x += 44) s += rect(x, -H + 8, 38, H * 0.3, glass, { rx: 2 });
  const seam = shade(body, -0.35);
  s += line(g.cabX - 30, -H + 4, g.cabX - 30, -9, seam, 0.7) + line(g.cabX - 80, -H + 4, g.cabX - 80, -9, seam, 0.6);
  s += rect(L - 8, hoodY + 5, 8, 6, '#f4f1d0', { rx: 1.5 }) + rect(0, -40, 4, 12, '#c3161c');
  s += rect(-1, -15, 10, 7, '#2a2a2a') + rect(L - 12, -16, 13, 8, '#2a2a2a');
  const rim = rimColour(rng);
  s += arch(g.rearAxle, g.wheelR) + arch(g.frontAxle, g.wheelR) + wheel(rng, g.rearAxle, g.wheelR, rim) + wheel(rng, g.frontAxle, g.wheelR, rim);
  return { svg: s, g };
}

interface BoxGeom {
  L: number;
  boxH: number;
  cabH: number;
  cabL: number;
  boxX1: number;
  wheelR: number;
  axles: number[];
  chassisY: number;
}

/** Cab at the front, box / body behind (box trucks, box ambulances, fire engines). */
function drawCabBox(
  rng: Random,
  defs: Defs,
  o: { L: number; boxH: number; cabH: number; cabL: number; cab: string; box: string | null; wheelR: number; axles: number; decorate?: (g: BoxGeom) => string; roofDecor?: (g: BoxGeom) => string },
): { svg: string; g: BoxGeom } {
  const { L, cabL, cabH, boxH, wheelR } = o;
  const boxX1 = L - cabL - 3;
  const chassisY = -(wheelR * 1.1);
  const axles = [L - cabL * 0.55, ...Array.from({ length: o.axles }, (_, i) => boxX1 * (0.22 + i * 0.14))];
  const g: BoxGeom = { L, boxH, cabH, cabL, boxX1, wheelR, axles, chassisY };
  let s = rect(4, chassisY - 8, L - 6, 10, '#2a2a2a');
  if (o.box) s += rect(0, -boxH, boxX1, boxH + chassisY + 2, o.box, { rx: 2 });
  // cab: vertical back, sloped windshield
  const cx0 = L - cabL;
  const cabPts: Array<[number, number]> = [[cx0, chassisY + 2], [cx0, -cabH], [L - cabL * 0.22, -cabH], [L - 2, -cabH * 0.55], [L, -cabH * 0.5], [L, chassisY + 2]];
  s += path(closedPath(cabPts), o.cab, { stroke: o.cab, 'stroke-width': 2.5, 'stroke-linejoin': 'round' });
  if (o.decorate) s += o.decorate(g);
  if (o.box) s += reflections(rng, 3, boxX1 - 3, -boxH + 3, chassisY - 2);
  const glass = glassFill(rng, defs);
  s += polygon([[cx0 + 6, -cabH + 6], [L - cabL * 0.25, -cabH + 6], [L - 5, -cabH * 0.58], [cx0 + 6, -cabH * 0.58]], glass);
  s += line(cx0 + cabL * 0.55, -cabH * 0.56, cx0 + cabL * 0.55, chassisY, shade(o.cab, -0.35), 0.8);
  s += rect(L - 7, -cabH * 0.36, 7, 7, '#f4f1d0', { rx: 1.5 }) + rect(L - 10, chassisY - 4, 12, 9, '#2a2a2a');
  if (o.box) s += rect(0, -boxH * 0.28, 4, 10, '#c3161c');
  const rim = rimColour(rng);
  for (const x of g.axles) s += arch(x, wheelR) + wheel(rng, x, wheelR, rim);
  if (o.roofDecor) s += o.roofDecor(g);
  return { svg: s, g };
}

function ambulance(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  const yellow = rng.chance(0.45);
  const bodyColour = jitter(rng, yellow ? rng.pick(['#f5e11a', '#e4ea2a', '#f2d21b']) : rng.pick(['#f6f6f4', '#f2f2ee', '#eef0f0']), 16);
  const stripeStyle = rng.pick(['checker', 'checker', 'checker', 'stripe', 'doubleStripe', 'none'] as const);
  const stripeColours = yellow
    ? rng.pick([['#15803d', '#f5e11a'], ['#1a3fae', '#f5e11a'], ['#d71920', '#f5e11a']] as const)
    : rng.pick([['#d71920', '#f6f6f4'], ['#1a3fae', '#f5e11a'], ['#15803d', '#f5e11a'], ['#d71920', '#1a3fae'], ['#e85d04', '#f6f6f4']] as const);
  const emblem = rng.pick(['cross', 'cross', 'star', 'star', 'none'] as const);
  const emblemColour = emblem === 'star' ? rng.pick(['#1a56db', '#1a3fae']) : '#d71920';

  const livery = (x0: number, x1: number, top: number, bandY: number, bandH: number): string => {
    let s = '';
    if (stripeStyle === 'checker') s += checker(x0, bandY, x1 - x0, bandH, stripeColours[0], stripeColours[1]);
    else if (stripeStyle === 'stripe') s += rect(x0, bandY + bandH * 0.25, x1 - x0, bandH * 0.5, stripeColours[0]);
    else if (stripeStyle === 'doubleStripe') s += rect(x0, bandY, x1 - x0, bandH * 0.3, stripeColours[0]) + rect(x0, bandY + bandH * 0.6, x1 - x0, bandH * 0.3, stripeColours[1] === '#f6f6f4' ? stripeColours[0] : stripeColours[1]);
    if (emblem !== 'none') {
      const size = Math.min((x1 - x0) * 0.28, (bandY - top) * 0.7);
      const cx = x0 + (x1 - x0) * rng.uniform(0.3, 0.55);
      const cy = top + (bandY - top) * 0.5;
      s += emblem === 'cross' ? redCross(cx, cy, size, emblemColour, rng.chance(0.3) ? '#f6f6f4' : null) : starOfLife(cx, cy, size, emblemColour);
    }
    if (rng.chance(0.75)) s += lettering(rng, x0 + (x1 - x0) * 0.08, top + (bandY - top) * 0.08, (x1 - x0) * 0.7, Math.min(7, (bandY - top) * 0.15), rng.pick(['#d71920', '#1a3fae', '#15803d']));
    return s;
  };

  if (rng.chance(0.45)) {
    const v = drawVan(rng, defs, bodyColour, {
      windows: false,
      decorate: (g) => livery(2, g.cabX - 30, -g.H + 8, -g.H * 0.48, g.H * 0.22),
    });
    const g = v.g;
    let s = v.svg;
    if (rng.chance(0.85)) s += lightBar(rng, g.cabX - 36, -g.H - 6, 36, 6, rng.pick(['redBlue', 'redWhite', 'blue', 'red'] as const), rng.chance(0.4));
    if (rng.chance(0.5)) s += rect(2, -g.H - 4, 7, 5, '#e8141b') + rect(g.cabX - 46, -g.H - 4, 7, 5, '#1a44e8');
    return { svg: s, w: g.L, h: g.H + 8 };
  }
  const L = rng.uniform(240, 280);
  const boxH = rng.uniform(110, 125);
  const v = drawCabBox(rng, defs, {
    L, boxH, cabH: boxH * rng.uniform(0.7, 0.8), cabL: L * 0.24, cab: bodyColour, box: bodyColour, wheelR: rng.uniform(15, 17), axles: 1,
    decorate: (g) => livery(2, g.boxX1 - 2, -boxH + 6, -boxH * 0.45, boxH * 0.2) + (stripeStyle === 'none' ? '' : rect(g.boxX1, -boxH * 0.45 + boxH * 0.05, g.cabL, boxH * 0.1, stripeColours[0])),
    roofDecor: (g) => {
      let s = '';
      if (rng.chance(0.6)) s += rect(2, -boxH - 5, 9, 6, '#e8141b', { rx: 1.5 }) + rect(g.boxX1 - 11, -boxH - 5, 9, 6, rng.pick(['#e8141b', '#1a44e8']), { rx: 1.5 });
      if (rng.chance(0.8)) s += lightBar(rng, g.L - g.cabL + 4, -g.cabH - 6, g.cabL * 0.6, 6, rng.pick(['redBlue', 'redWhite', 'red', 'blue'] as const), rng.chance(0.4));
      return s;
    },
  });
  return { svg: v.svg, w: L, h: boxH + 8 };
}

function plainVan(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  // White vans are the commonest van colour and the main ambulance look-alike.
  const body = rng.chance(0.55) ? jitter(rng, rng.pick(['#f6f6f4', '#f2f2ee', '#eceeef']), 4) : pickColour(rng, TRUCK_COLOURS);
  const marking = rng.pick(['none', 'none', 'none', 'stripe', 'logo', 'lettering', 'stripeLettering'] as const);
  const v = drawVan(rng, defs, body, {
    windows: rng.chance(0.3),
    decorate: (g) => {
      let s = '';
      const accent = rng.pick(ACCENT_COLOURS);
      if (marking === 'stripe' || marking === 'stripeLettering') s += rect(2, -g.H * rng.uniform(0.35, 0.5), g.cabX - 4, g.H * rng.uniform(0.05, 0.14), accent);
      if (marking === 'logo') s += circle(g.cabX * 0.45, -g.H * 0.55, g.H * 0.16, accent) + rect(g.cabX * 0.45 - 4, -g.H * 0.62, 8, g.H * 0.14, '#f4f4f4');
      if (marking === 'lettering' || marking === 'stripeLettering') s += lettering(rng, 12, -g.H * 0.72, g.cabX * 0.55, 8, rng.pick(ACCENT_COLOURS));
      return s;
    },
  });
  let s = v.svg;
  if (rng.chance(0.15)) s += ladder(20, -v.g.H - 8, v.g.cabX - 30, 6, '#9aa0a6'); // builder's ladder on the roof
  else if (rng.chance(0.12)) s += rect(10, -v.g.H - 4, v.g.cabX - 30, 4, '#333333');
  return { svg: s, w: v.g.L, h: v.g.H + 10 };
}

function fireTruck(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  if (rng.chance(0.22)) return fireCar(rng, defs);
  const red = jitter(rng, rng.pick(['#c8102e', '#d11a1f', '#b71c1c', '#e0261c', '#c8102e', '#d9e021']), 16);
  const L = rng.uniform(320, 400);
  const boxH = rng.uniform(105, 125);
  const cabH = boxH * rng.uniform(0.85, 1.0);
  const stripe = rng.pick(['#f4f4f4', '#f5d000', '#f4f4f4', 'none'] as const);
  const shutters = rng.chance(0.6);
  const v = drawCabBox(rng, defs, {
    L, boxH, cabH, cabL: L * rng.uniform(0.2, 0.25), cab: red, box: red, wheelR: rng.uniform(19, 22), axles: rng.chance(0.5) ? 2 : 1,
    decorate: (g) => {
      let s = '';
      // equipment lockers: roller shutters (aluminium) or red doors
      const lockers = rng.int(3, 5);
      const lw = (g.boxX1 - 12) / lockers;
      for (let i = 0; i < lockers; i++) {
        const x = 6 + i * lw;
        const top = -boxH + 10;
        const h = boxH * 0.62;
        if (shutters) {
          s += rect(x, top, lw - 4, h, '#b9bec3');
          for (let yy = top + 4; yy < top + h; yy += 4) s += line(x, yy, x + lw - 4, yy, '#8f969c', 0.6);
        } else {
          s += rect(x, top, lw - 4, h, shade(red, -0.1), { stroke: shade(red, -0.4), 'stroke-width': 0.8 });
          s += rect(x + lw / 2 - 4, top + h / 2, 6, 2, '#d0d0d0');
        }
      }
      if (stripe !== 'none') s += rect(0, -boxH * 0.25, g.L, 5, stripe);
      if (rng.chance(0.5)) s += lettering(rng, g.L - g.cabL + 6, -g.cabH * 0.45, g.cabL * 0.6, 7, rng.chance(0.5) ? '#f4f4f4' : '#f5d000');
      if (rng.chance(0.5)) s += checker(0, -boxH * 0.3, g.L, 10, '#f5d000', red);
      return s;
    },
    roofDecor: (g) => {
      let s = '';
      if (rng.chance(0.85)) {
        const lw = g.boxX1 * rng.uniform(0.85, 1.15);
        const angle = rng.chance(0.25) ? -rng.uniform(4, 12) : 0;
        s += ladder(rng.uniform(-10, 10), -boxH - 12, lw, 9, rng.pick(['#c6cbd0', '#a9afb5', '#dfe3e6']), angle);
      } else {
        s += rect(10, -boxH - 8, g.boxX1 * 0.6, 8, '#8a8f94'); // hose bed cover
      }
      if (rng.chance(0.9)) s += lightBar(rng, g.L - g.cabL + 4, -g.cabH - 6, g.cabL * 0.75, 6, rng.pick(['red', 'redWhite', 'blue', 'redBlue'] as const), rng.chance(0.4));
      return s;
    },
  });
  return { svg: v.svg, w: L + 10, h: boxH + 22 };
}

function truck(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  const cab = pickColour(rng, TRUCK_COLOURS);
  const type = rng.pick(['box', 'box', 'box', 'flatbed', 'tanker', 'dump', 'tow'] as const);
  const L = rng.uniform(300, 400);
  const boxH = rng.uniform(110, 135);
  const cabH = rng.uniform(95, 115);
  // Plain red trucks with a matching box are a fire-engine look-alike without ladder or lights.
  const boxColour = rng.chance(0.4) ? cab : jitter(rng, rng.pick(['#f4f4f2', '#e9e9e6', '#b8bcc0', '#d8d2c0', '#3a5a8a']), 5);
  const v = drawCabBox(rng, defs, {
    L, boxH: type === 'box' ? boxH : cabH * 0.55, cabH, cabL: L * rng.uniform(0.2, 0.26), cab, box: type === 'box' ? boxColour : null, wheelR: rng.uniform(18, 21), axles: rng.chance(0.4) ? 2 : 1,
    decorate: (g) => {
      let s = '';
      if (type === 'box') {
        s += rect(0, -boxH, g.boxX1, 4, shade(boxColour, -0.2));
        if (rng.chance(0.45)) s += lettering(rng, g.boxX1 * 0.1, -boxH * 0.7, g.boxX1 * 0.6, 12, rng.pick(ACCENT_COLOURS));
        if (rng.chance(0.3)) s += rect(0, -boxH * 0.35, g.boxX1, 6, rng.pick(ACCENT_COLOURS));
        if (rng.chance(0.2)) for (let x = 6; x < g.boxX1 - 10; x += 30) s += line(x, -boxH + 6, x, g.chassisY, shade(boxColour, -0.2), 0.8);
      } else if (type === 'flatbed') {
        s += rect(0, g.chassisY - 16, g.boxX1, 8, '#4a4a4a');
        const load = rng.pick(['#8d6e63', '#a1887f', '#607d8b', '#9e9e9e', '#c8a165']);
        for (let x = 6; x < g.boxX1 - 30; x += rng.uniform(34, 50)) s += rect(x, g.chassisY - 16 - rng.uniform(18, 40), 30, 40, load, { stroke: shade(load, -0.3), 'stroke-width': 1 });
      } else if (type === 'tanker') {
        const tank = rng.pick(['#cfd4d8', '#e8e8e8', '#f4f4f2', cab]);
        s += rect(4, -cabH * 0.95, g.boxX1 - 8, cabH * 0.95 + g.chassisY - 6, tank, { rx: 26 });
        s += rect(4, -cabH * 0.6, g.boxX1 - 8, 4, shade(tank, -0.25));
      } else if (type === 'dump') {
        const bin = rng.pick([cab, '#9e9e9e', '#f2b705', '#6d4c41']);
        s += polygon([[2, -cabH * 0.9], [g.boxX1 - 4, -cabH * 0.9], [g.boxX1 - 10, g.chassisY - 8], [14, g.chassisY - 8]], bin);
        for (let x = 20; x < g.boxX1 - 20; x += 26) s += line(x, -cabH * 0.9, x, g.chassisY - 8, shade(bin, -0.3), 1.5);
      } else {
        s += rect(6, g.chassisY - 14, g.boxX1 - 6, 10, '#3a3a3a');
        s += line(g.boxX1 * 0.6, g.chassisY - 14, 10, -cabH * 0.7, '#5a5a5a', 6) + line(10, -cabH * 0.7, 6, g.chassisY - 8, '#303030', 1.5);
      }
      return s;
    },
    roofDecor: (g) => {
      let s = '';
      // tow and utility trucks carry amber bars: a light bar that does not mean emergency
      if (type === 'tow' || rng.chance(0.1)) s += lightBar(rng, g.L - g.cabL + 4, -g.cabH - 6, g.cabL * 0.7, 6, 'amber', rng.chance(0.3));
      else if (rng.chance(0.4)) s += rect(g.L - g.cabL + 4, -g.cabH - 8, g.cabL * 0.6, 8, shade(cab, -0.1), { rx: 3 }); // wind deflector
      return s;
    },
  });
  return { svg: v.svg, w: L, h: Math.max(boxH, cabH) + 10 };
}

function bus(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  const body = pickColour(rng, BUS_COLOURS);
  const doubleDeck = rng.chance(0.22);
  const L = rng.uniform(420, 520);
  const H = doubleDeck ? rng.uniform(175, 190) : rng.uniform(120, 135);
  const wheelR = rng.uniform(19, 21);
  let s = rect(0, -H, L, H - 8, body, { rx: 10 });
  s += rect(0, -H * 0.3, L, H * 0.3 - 8, shade(body, -0.12), { opacity: 0.6 });
  if (rng.chance(0.5)) s += rect(0, -H * rng.uniform(0.3, 0.45), L, rng.uniform(4, 10), rng.pick([...ACCENT_COLOURS, '#f4f4f4']));
  if (rng.chance(0.3)) s += rect(L * 0.2, -H * 0.38, L * 0.45, H * 0.22, rng.pick(ACCENT_COLOURS)) + lettering(rng, L * 0.23, -H * 0.33, L * 0.35, 10, '#f4f4f4'); // advert
  s += reflections(rng, 6, L - 6, -H * 0.5, -12);
  const glass = glassFill(rng, defs);
  const decks = doubleDeck ? [-H + 10, -H * 0.52] : [-H + 10];
  const winH = doubleDeck ? H * 0.22 : H * 0.35;
  for (const y of decks) {
    for (let x = 12; x < L - 50; x += rng.uniform(44, 56)) s += rect(x, y, 40, winH, glass, { rx: 3 });
  }
  s += rect(L - 40, -H + 8, 36, H * 0.55, glass, { rx: 3 }); // windshield side
  s += rect(L - 80, -H * 0.65, 26, H * 0.65 - 10, shade(glass.startsWith('url') ? '#2f3e4f' : glass, 0.1)); // door
  s += rect(L - 38, -H + 10, 30, 9, '#111111') + lettering(rng, L - 36, -H + 12, 26, 5, rng.pick(['#ffb000', '#ff8f00', '#9cff57'])); // destination display
  s += rect(L - 7, -26, 7, 8, '#f4f1d0') + rect(0, -28, 4, 10, '#c3161c');
  const rim = rimColour(rng);
  for (const x of [L * 0.16, L * 0.78]) s += arch(x, wheelR) + wheel(rng, x, wheelR, rim);
  return { svg: s, w: L, h: H };
}

function pickup(rng: Random, defs: Defs): { svg: string; w: number; h: number } {
  const body = pickColour(rng, CAR_COLOURS);
  const L = rng.uniform(220, 245);
  const belt = rng.uniform(48, 54);
  const roof = rng.uniform(76, 84);
  const wheelR = rng.uniform(17, 19);
  const bedX1 = L * rng.uniform(0.4, 0.46);
  const pts: Array<[number, number]> = [[0, -10], [0, -belt], [bedX1, -belt], [bedX1 + 4, -roof], [L * 0.68, -roof], [L * 0.76, -(belt + 3)], [L - 3, -(belt - 2)], [L, -(belt - 14)], [L, -10]];
  let s = path(closedPath(pts), body, { stroke: body, 'stroke-width': 3, 'stroke-linejoin': 'round' });
  s += rect(0, -belt * 0.45, L, belt * 0.45 - 10, shade(body, -0.12), { opacity: 0.6 });
  s += reflections(rng, 3, L - 3, -(belt - 2), -13);
  if (rng.chance(0.4)) s += rect(0, -belt - 10, bedX1, 10, rng.chance(0.5) ? body : '#2b2b2b'); // bed cover / load
  if (rng.chance(0.08)) s += lettering(rng, bedX1 + 10, -(belt - 8), L * 0.25, 7, rng.pick(ACCENT_COLOURS));
  const glass = glassFill(rng, defs);
  s += polygon([[bedX1 + 8, -(belt + 3)], [bedX1 + 10, -(roof - 4)], [L * 0.67, -(roof - 4)], [L * 0.74, -(belt + 3)]], glass);
  s += rect(L * 0.56, -(roof - 4), 5, roof - belt - 7, body);
  s += line(L * 0.45, -belt, L * 0.45, -12, shade(body, -0.35), 0.7) + line(L * 0.74, -belt, L * 0.74, -12, shade(body, -0.35), 0.7);
  s += rect(L - 9, -(belt - 6), 9, 6, '#f4f1d0') + rect(0, -(belt - 2), 5, 10, '#c3161c');
  s += rect(-1, -18, 10, 7, '#2a2a2a') + rect(L - 10, -18, 11, 8, '#2a2a2a');
  if (rng.chance(0.1)) s += lightBar(rng, bedX1 + 14, -roof - 6, L * 0.2, 5, 'amber', false); // off-road / utility lights
  const rim = rimColour(rng);
  for (const x of [L * 0.17, L * 0.82]) s += arch(x, wheelR) + wheel(rng, x, wheelR, rim);
  return { svg: s, w: L, h: roof + 8 };
}

// ---------------------------------------------------------------------------
// front view (a head-on or slightly angled view, a large share of real photos)

interface FrontOpts {
  W: number;
  H: number;
  body: string;
  belt: number; // fraction of H where the glass starts
  roofInset: number; // fraction of W the roof is narrower on each side
  tall: boolean;
  decorate?: (f: { W: number; H: number; beltY: number; roofX0: number; roofX1: number }) => string;
  roof?: (f: { W: number; H: number; beltY: number; roofX0: number; roofX1: number }) => string;
}

function drawFront(rng: Random, defs: Defs, o: FrontOpts): string {
  const { W, H, body } = o;
  const beltY = -H * o.belt;
  const roofX0 = W * o.roofInset;
  const roofX1 = W - roofX0;
  const f = { W, H, beltY, roofX0, roofX1 };
  const tyreW = W * 0.17;
  let s = rect(W * 0.06, -H * 0.18, tyreW, H * 0.18, '#141414', { rx: 3 }) + rect(W * 0.94 - tyreW, -H * 0.18, tyreW, H * 0.18, '#141414', { rx: 3 });
  s += path(closedPath([[2, -H * 0.08], [0, beltY + 4], [roofX0, -H], [roofX1, -H], [W, beltY + 4], [W - 2, -H * 0.08]]), body, { stroke: body, 'stroke-width': 3, 'stroke-linejoin': 'round' });
  s += rect(2, -H * 0.3, W - 4, H * 0.22, shade(body, -0.1), { opacity: 0.6 });
  const glass = glassFill(rng, defs);
  const gi = W * 0.05;
  s += polygon([[gi + W * 0.03, beltY - 3], [roofX0 + gi * 0.6, -H + 5], [roofX1 - gi * 0.6, -H + 5], [W - gi - W * 0.03, beltY - 3]], glass);
  if (o.decorate) s += o.decorate(f);
  s += reflections(rng, 3, W - 3, beltY + 2, -H * 0.12);
  // grille, headlights, bumper, plate, mirrors
  const gy = beltY + (o.tall ? H * 0.12 : H * 0.08);
  const grilleH = o.tall ? H * 0.16 : H * 0.12;
  s += rect(W * 0.3, gy, W * 0.4, grilleH, rng.pick(['#1c1c1c', '#2e2e2e', '#9aa0a6', '#c0c4c8']), { rx: 2 });
  const lightY = gy + (o.tall ? grilleH * 0.2 : 0);
  const lc = rng.pick(['#f4f1d0', '#ffffff', '#e3eef7']);
  s += rect(W * 0.06, lightY, W * 0.18, H * 0.07, lc, { rx: 2 }) + rect(W * 0.76, lightY, W * 0.18, H * 0.07, lc, { rx: 2 });
  s += rect(0, -H * 0.16, W, H * 0.08, '#2a2a2a', { rx: 2 });
  s += rect(W * 0.4, -H * 0.155, W * 0.2, H * 0.06, rng.pick(['#f4f4f4', '#f5d000']));
  s += rect(-W * 0.06, beltY - H * 0.06, W * 0.07, H * 0.06, shade(body, -0.2)) + rect(W * 0.99, beltY - H * 0.06, W * 0.07, H * 0.06, shade(body, -0.2));
  if (o.roof) s += o.roof(f);
  return s;
}

function front(rng: Random, defs: Defs, kind: VehicleKind): { svg: string; w: number; h: number } {
  const carLike = (tall: boolean, body: string, decorate?: FrontOpts['decorate'], roof?: FrontOpts['roof']) => {
    const W = rng.uniform(96, 104);
    const H = tall ? rng.uniform(88, 96) : rng.uniform(72, 80);
    return { svg: drawFront(rng, defs, { W, H, body, belt: tall ? 0.5 : 0.52, roofInset: rng.uniform(0.12, 0.17), tall: false, decorate, roof }), w: W, h: H + 10 };
  };
  const boxy = (body: string, kindOf: 'van' | 'truck' | 'bus', decorate?: FrontOpts['decorate'], roof?: FrontOpts['roof']) => {
    const W = kindOf === 'van' ? rng.uniform(100, 108) : rng.uniform(122, 132);
    const H = kindOf === 'van' ? rng.uniform(112, 125) : kindOf === 'bus' ? rng.uniform(150, 165) : rng.uniform(150, 170);
    return { svg: drawFront(rng, defs, { W, H, body, belt: kindOf === 'bus' ? 0.45 : 0.5, roofInset: rng.uniform(0.02, 0.05), tall: true, decorate, roof }), w: W, h: H + 12 };
  };
  const bar = (style: LightBarStyle) => (f: { W: number; H: number; roofX0: number; roofX1: number }) =>
    lightBar(rng, f.roofX0 + 2, -f.H - 6, f.roofX1 - f.roofX0 - 4, 6, style, rng.chance(0.45));

  switch (kind) {
    case 'police': {
      const body = jitter(rng, rng.pick(['#f4f4f2', '#141518', '#16306b', '#e8ebee', '#101c33']), 16);
      const light = luminance(body) > 0.5;
      return carLike(rng.chance(0.45), body, (f) => {
        let s = '';
        if (rng.chance(0.5)) s += rect(4, f.beltY + 2, f.W - 8, f.H * 0.1, light ? '#141518' : '#f4f4f2'); // two-tone hood
        if (rng.chance(0.5)) s += checker(2, -f.H * 0.3, f.W - 4, f.H * 0.1, '#1a3fae', rng.pick(['#f5e500', '#f4f4f4']));
        if (rng.chance(0.7)) s += lettering(rng, f.W * 0.25, f.beltY + 3, f.W * 0.5, 5, light ? '#1a3fae' : '#f4f4f4');
        if (rng.chance(0.35)) s += rect(f.W * 0.28, -f.H * 0.42, f.W * 0.44, f.H * 0.3, 'none', { stroke: '#141414', 'stroke-width': 3 }); // push bar
        return s;
      }, rng.chance(0.9) ? bar(rng.pick(['redBlue', 'redBlue', 'blue'] as const)) : undefined);
    }
    case 'ambulance': {
      const body = jitter(rng, rng.pick(['#f6f6f4', '#f6f6f4', '#f5e11a', '#e4ea2a']), 16);
      return boxy(body, 'van', (f) => {
        let s = '';
        if (rng.chance(0.6)) s += checker(2, -f.H * 0.34, f.W - 4, f.H * 0.1, rng.pick(['#15803d', '#1a3fae', '#d71920']), rng.pick(['#f5e11a', '#f6f6f4']));
        else s += rect(2, -f.H * 0.32, f.W - 4, f.H * 0.06, '#d71920');
        s += lettering(rng, f.W * 0.22, f.beltY + 4, f.W * 0.56, 6, rng.pick(['#d71920', '#1a3fae', '#15803d']));
        if (rng.chance(0.5)) s += redCross(f.W / 2, -f.H + 12, 10, '#d71920', null);
        return s;
      }, rng.chance(0.85) ? bar(rng.pick(['redBlue', 'redWhite', 'blue'] as const)) : undefined);
    }
    case 'fireTruck': {
      const body = jitter(rng, rng.pick(['#c8102e', '#d11a1f', '#b71c1c', '#e0261c']), 16);
      return boxy(body, 'truck', (f) => {
        let s = rect(2, -f.H * 0.3, f.W - 4, 5, rng.pick(['#f4f4f4', '#f5d000']));
        if (rng.chance(0.6)) s += lettering(rng, f.W * 0.2, -f.H + 8, f.W * 0.6, 8, '#f4f4f4');
        return s;
      }, (f) => {
        let s = rng.chance(0.8) ? ladder(f.roofX0 + 6, -f.H - 16, f.roofX1 - f.roofX0 - 12, 7, '#c6cbd0') : '';
        if (rng.chance(0.9)) s += lightBar(rng, f.roofX0 + 4, -f.H - 6, f.roofX1 - f.roofX0 - 8, 6, rng.pick(['red', 'redWhite', 'redBlue'] as const), rng.chance(0.4));
        return s;
      });
    }
    case 'taxi': {
      const body = jitter(rng, rng.pick(['#f3c318', '#f5d000', '#111214', '#f2f2f0']), 16);
      return carLike(false, body, undefined, (f) => rect(f.W / 2 - 13, -f.H - 9, 26, 9, rng.pick(['#ffd21a', '#f4f4f4']), { rx: 2 }));
    }
    case 'van':
      return boxy(rng.chance(0.55) ? jitter(rng, '#f4f4f2', 5) : pickColour(rng, TRUCK_COLOURS), 'van', (f) =>
        rng.chance(0.25) ? rect(2, -f.H * 0.32, f.W - 4, f.H * 0.06, rng.pick(ACCENT_COLOURS)) : '');
    case 'bus':
      return boxy(pickColour(rng, BUS_COLOURS), 'bus', (f) => rect(f.W * 0.15, -f.H + 6, f.W * 0.7, 10, '#111111') + lettering(rng, f.W * 0.2, -f.H + 8, f.W * 0.6, 6, rng.pick(['#ffb000', '#ff8f00'])));
    case 'truck': {
      const amber = rng.chance(0.15);
      return boxy(pickColour(rng, TRUCK_COLOURS), 'truck', undefined, (f) =>
        amber ? lightBar(rng, f.roofX0 + 8, -f.H - 6, f.roofX1 - f.roofX0 - 16, 6, 'amber', false) : rect(f.roofX0 + 10, -f.H - 5, f.roofX1 - f.roofX0 - 20, 5, '#ff9f0a', { opacity: 0.8 }));
    }
    case 'pickup':
    case 'suv':
      return carLike(true, pickColour(rng, CAR_COLOURS), undefined, rng.chance(0.15) ? (f) => rect(f.roofX0 + 4, -f.H - 4, f.roofX1 - f.roofX0 - 8, 4, '#222222') : undefined);
    default:
      return carLike(false, pickColour(rng, CAR_COLOURS));
  }
}

// ---------------------------------------------------------------------------

export function drawVehicle(kind: VehicleKind, rng: Random, defs: Defs, view: View): Vehicle {
  let d: { svg: string; w: number; h: number };
  if (view === 'front') d = front(rng, defs, kind);
  else {
    switch (kind) {
      case 'ambulance': d = ambulance(rng, defs); break;
      case 'police': d = policeCar(rng, defs); break;
      case 'fireTruck': d = fireTruck(rng, defs); break;
      case 'sedan': d = civilianCar(rng, defs, 'sedan'); break;
      case 'hatchback': d = civilianCar(rng, defs, 'hatchback'); break;
      case 'suv': d = civilianCar(rng, defs, 'suv'); break;
      case 'taxi': d = taxi(rng, defs); break;
      case 'van': d = plainVan(rng, defs); break;
      case 'bus': d = bus(rng, defs); break;
      case 'truck': d = truck(rng, defs); break;
      case 'pickup': d = pickup(rng, defs); break;
      default: throw new Error(`unknown vehicle kind "${String(kind)}"`);
    }
  }
  return { kind, view, svg: d.svg, width: d.w, height: d.h };
}
