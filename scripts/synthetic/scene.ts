/**
 * One synthetic photo: a background (sky, buildings, trees, road, indoor station…)
 * plus one vehicle at a varied scale, position and orientation, a few small
 * distractors (people, cones, posts…), and a lighting shift. Returns a 224×224 SVG
 * string and the post-processing (tone curve, blur, grain) to apply after rasterising.
 *
 * Backgrounds and distractors are drawn independently of the label, so only the
 * vehicle carries the class.
 */
import type { Random } from '../../src/lib/random.ts';
import { circle, Defs, ellipse, group, jitter, line, linearGradient, n, polygon, rect, shade } from './svg.ts';
import { drawVehicle, type EmergencyKind, type OtherKind, type Vehicle, type VehicleKind, type View } from './vehicles.ts';

export const SIZE = 224;

/** Knobs of difficulty, kept together so tuning touches one place. */
export interface SceneParams {
  /** Vehicle "visual size" sqrt(width × height) in pixels, as [min, max]. */
  vehicleSize: readonly [number, number];
  /** Max horizontal offset of the vehicle centre from the image centre, in pixels. */
  shiftX: number;
  /** Vertical centre of the vehicle, as [min, max] pixels from the top. */
  centreY: readonly [number, number];
  /** Share of front views (the rest are side views, half facing left). */
  frontShare: number;
  /** Probability of each of up to three small extra objects (pedestrian, cone, sign, far car…). */
  distractor: number;
  /** Max opacity of the colour-cast overlay. */
  tint: number;
  /** Tone-curve exponent range; camera photos sit darker than flat vector colours (real set: mean ≈ 0.43). */
  gamma: readonly [number, number];
}

export const DEFAULT_SCENE_PARAMS: SceneParams = {
  vehicleSize: [170, 230],
  shiftX: 10,
  centreY: [110, 135],
  frontShare: 0.25,
  distractor: 0.55,
  tint: 0.15,
  gamma: [1.35, 1.6],
};

const EMERGENCY_MIX: ReadonlyArray<readonly [EmergencyKind, number]> = [['police', 0.36], ['ambulance', 0.32], ['fireTruck', 0.32]];
// Like the real set, most non-emergency photos are cars; vans, buses and trucks are the look-alike minority.
const OTHER_MIX: ReadonlyArray<readonly [OtherKind, number]> = [
  ['sedan', 0.25], ['hatchback', 0.14], ['suv', 0.2], ['van', 0.1], ['bus', 0.05], ['truck', 0.08], ['pickup', 0.1], ['taxi', 0.08],
];

function pickWeighted<T>(rng: Random, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r < 0) return value;
  }
  return items[items.length - 1]![0];
}

export interface PostProcess {
  brightness: number;
  saturation: number;
  hue: number;
  blur: number; // gaussian sigma in px, 0 = none
  grain: number; // std-dev of per-pixel noise in 0..255 units
  gamma: number; // tone curve exponent (>1 darkens mid-tones, like an exposure for bright skies)
}

export interface Scene {
  svg: string;
  kind: VehicleKind;
  view: View;
  post: PostProcess;
}

// ---------------------------------------------------------------------------
// backgrounds

const SKIES: ReadonlyArray<readonly [string, string]> = [
  ['#3f7fcf', '#b9d6f0'], ['#5b9bd5', '#dbe9f5'], ['#8fb3d6', '#e8eef3'], ['#9aa3ab', '#d8dcdf'], ['#7d868e', '#c4c9cc'],
  ['#33507e', '#f0b27a'], ['#1d2a4a', '#6d6f8a'], ['#c9d6e0', '#f4f6f7'], ['#6c9bc8', '#f1e3c8'],
];
const BUILDINGS = ['#b5651d', '#a0522d', '#8b6f5a', '#c2b280', '#d6d2c4', '#9e9e9e', '#7b8794', '#e8dcc8', '#6d4c41', '#b0bec5', '#cfd8dc', '#8d6e63', '#f0e6d2', '#556270'];
const FOLIAGE = ['#2e7d32', '#388e3c', '#4c7a34', '#1b5e20', '#6b8e23', '#7a9a3a', '#8d6e2f', '#a0522d', '#3e6b48'];
const ASPHALT = ['#4a4d52', '#5a5d62', '#6b6e72', '#3c3f44', '#7a7c80', '#85878a', '#55524e'];

function sky(rng: Random, defs: Defs, horizon: number): string {
  const [top, bottom] = rng.pick(SKIES);
  const id = defs.id('sky');
  defs.add(linearGradient(id, [[0, jitter(rng, top, 10)], [1, jitter(rng, bottom, 10)]]));
  let s = rect(0, 0, SIZE, horizon + 2, `url(#${id})`);
  const clouds = rng.int(0, 4);
  for (let i = 0; i < clouds; i++) {
    const cx = rng.uniform(-20, SIZE + 20);
    const cy = rng.uniform(5, Math.max(10, horizon * 0.7));
    const w = rng.uniform(20, 60);
    s += ellipse(cx, cy, w, w * rng.uniform(0.2, 0.35), '#ffffff', { opacity: n(rng.uniform(0.3, 0.8)) });
  }
  return s;
}

function buildings(rng: Random, horizon: number): string {
  let s = '';
  let x = rng.uniform(-30, 0);
  const windowPalette = rng.pick([
    ['#2f3e4f', '#445566', '#9fb4c7', '#1e2730'],
    ['#1e2730', '#2b3640', '#f2d98c', '#3a4756'],
    ['#9fb4c7', '#d9e4ec', '#6f8599', '#b8c8d6'],
    ['#3a3a3a', '#555555', '#7a7a7a', '#e0e0e0'],
  ]);
  while (x < SIZE) {
    const w = rng.uniform(25, 70);
    const h = rng.uniform(30, Math.max(40, horizon + 10));
    const c = jitter(rng, rng.pick(BUILDINGS), 12);
    s += rng.chance(0.6) ? mosaic(rng, x, horizon - h, x + w, horizon + 2, c, mosaicStyle(rng)) : rect(x, horizon - h, w, h + 2, c);
    if (rng.chance(0.85)) {
      // windows one by one (lit, dark, curtained, reflecting): the fine irregular detail of a real street
      const cw = rng.uniform(6, 11);
      const rh = rng.uniform(8, 13);
      const cols = Math.max(1, Math.floor((w - 4) / cw));
      const rows = Math.max(1, Math.floor((h - 6) / rh));
      for (let r = 0; r < rows; r++) {
        for (let k = 0; k < cols; k++) {
          if (rng.chance(0.08)) continue;
          s += rect(x + 3 + k * cw, horizon - h + 5 + r * rh, cw * 0.68, rh * 0.62, jitter(rng, rng.pick(windowPalette), 18));
        }
      }
    }
    if (rng.chance(0.3)) s += rect(x + w * 0.1, horizon - rng.uniform(10, 16), w * 0.8, 6, rng.pick(['#d71920', '#1f4fbf', '#15803d', '#f59e0b', '#f4f4f4', '#6d4c41'])); // shop sign / awning
    x += w + rng.uniform(-5, 6);
  }
  return s;
}

/** A tree crown built from many leaf clusters, so foliage has texture rather than a flat disc. */
function tree(rng: Random, x: number, base: number, r: number): string {
  const c = jitter(rng, rng.pick(FOLIAGE), 14);
  let s = rect(x - r * 0.12, base - r * 1.1, r * 0.24, r * 1.1, rng.pick(['#5d4037', '#4e342e', '#6d5a4a']));
  s += circle(x, base - r * 1.35, r, shade(c, -0.15));
  const blobs = Math.round(6 + r * 0.6);
  for (let i = 0; i < blobs; i++) {
    const a = rng.uniform(0, Math.PI * 2);
    const d = Math.sqrt(rng.next()) * r * 0.85;
    s += circle(x + Math.cos(a) * d, base - r * 1.35 + Math.sin(a) * d * 0.9, rng.uniform(0.18, 0.35) * r, shade(c, rng.uniform(-0.25, 0.2)));
  }
  return s;
}

function trees(rng: Random, horizon: number, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += tree(rng, rng.uniform(-10, SIZE + 10), horizon + rng.uniform(-2, 6), rng.uniform(10, 28));
  return s;
}

/** Bystanders and parked cars along the far kerb: busy, irregular, label-free detail. */
function streetLife(rng: Random, y: number): string {
  let s = '';
  const people = rng.int(0, 7);
  for (let i = 0; i < people; i++) {
    const x = rng.uniform(0, SIZE);
    const h = rng.uniform(16, 30);
    s += rect(x - h * 0.08, y - h * 0.45, h * 0.16, h * 0.45, rng.pick(['#263238', '#3e2723', '#1a237e', '#424242', '#6d6d6d']));
    s += rect(x - h * 0.11, y - h * 0.82, h * 0.22, h * 0.4, jitter(rng, rng.pick(['#1f4e9c', '#333333', '#b3141b', '#f4f4f4', '#2e7d32', '#f59e0b', '#8e24aa', '#9e9e9e']), 20));
    s += circle(x, y - h * 0.9, h * 0.09, rng.pick(['#e0ac69', '#c68642', '#8d5524', '#f1c27d', '#3b2a20']));
  }
  const parked = rng.int(0, 4);
  for (let i = 0; i < parked; i++) {
    const x = rng.uniform(-20, SIZE);
    const w = rng.uniform(30, 50);
    const c = jitter(rng, rng.pick(['#f2f2f0', '#c9ccd0', '#8a8f96', '#2a2c30', '#1f4e9c', '#b3141b', '#20573a']), 12);
    s += rect(x, y - w * 0.3, w, w * 0.22, c, { rx: 3 }) + rect(x + w * 0.2, y - w * 0.45, w * 0.55, w * 0.17, c, { rx: 3 });
    s += rect(x + w * 0.26, y - w * 0.42, w * 0.43, w * 0.11, '#2f3e4f') + circle(x + w * 0.2, y - w * 0.08, w * 0.09, '#141414') + circle(x + w * 0.8, y - w * 0.08, w * 0.09, '#141414');
  }
  return s;
}

/**
 * Paving, cobbles, bricks, tufts: rows of cells whose shade varies cell by cell.
 * This irregular fine detail is what makes real photos hard to tell apart pixel by
 * pixel (and easy for an MLP to memorise), unlike flat vector fills.
 */
function mosaic(rng: Random, x0: number, y0: number, x1: number, y1: number, colour: string, o: { cellW: number; cellH: number; spread: number; bond: boolean; mortar: number }): string {
  let s = o.mortar > 0 ? rect(x0, y0, x1 - x0, y1 - y0, shade(colour, -0.35)) : rect(x0, y0, x1 - x0, y1 - y0, colour);
  let row = 0;
  for (let y = y0; y < y1; y += o.cellH, row++) {
    const offset = o.bond && row % 2 === 1 ? -o.cellW / 2 : -rng.uniform(0, o.cellW);
    for (let x = x0 + offset; x < x1; x += o.cellW * rng.uniform(0.8, 1.2)) {
      const cx = Math.max(x, x0);
      const w = Math.min(x + o.cellW, x1) - cx - o.mortar;
      s += rect(cx, y, w, Math.min(o.cellH, y1 - y) - o.mortar, shade(colour, rng.uniform(-o.spread, o.spread)));
    }
  }
  return s;
}

const mosaicStyle = (rng: Random): { cellW: number; cellH: number; spread: number; bond: boolean; mortar: number } => {
  const cell = rng.uniform(6, 14);
  return { cellW: cell, cellH: cell * rng.uniform(0.45, 1), spread: rng.uniform(0.2, 0.45), bond: rng.chance(0.6), mortar: rng.chance(0.6) ? rng.uniform(0.8, 1.6) : 0 };
};

/** Gravel, cracks and stains on the ground. */
function grit(rng: Random, top: number, colour: string): string {
  let s = '';
  const dots = rng.int(20, 70);
  for (let i = 0; i < dots; i++) {
    const y = rng.uniform(top, SIZE);
    s += ellipse(rng.uniform(0, SIZE), y, rng.uniform(1, 4), rng.uniform(0.6, 2), shade(colour, rng.uniform(-0.3, 0.25)), { opacity: n(rng.uniform(0.4, 0.9)) });
  }
  return s;
}

function houses(rng: Random, horizon: number): string {
  let s = '';
  let x = rng.uniform(-40, 0);
  while (x < SIZE) {
    const w = rng.uniform(45, 75);
    const h = rng.uniform(22, 40);
    const wall = jitter(rng, rng.pick(['#f0e6d2', '#d6c6a8', '#c9a27e', '#e8e8e8', '#b7c9d6', '#d9b8a0', '#a3b18a']), 8);
    const roof = jitter(rng, rng.pick(['#7b3f2a', '#5d4037', '#424242', '#8d5524', '#37474f']), 8);
    s += rect(x, horizon - h, w, h + 2, wall);
    s += polygon([[x - 4, horizon - h], [x + w / 2, horizon - h - rng.uniform(12, 22)], [x + w + 4, horizon - h]], roof);
    s += rect(x + w * 0.15, horizon - h * 0.7, w * 0.2, h * 0.3, '#3b4a5a') + rect(x + w * 0.6, horizon - h * 0.7, w * 0.2, h * 0.3, '#3b4a5a');
    x += w + rng.uniform(10, 40);
  }
  return s;
}

function hills(rng: Random, horizon: number): string {
  const c = jitter(rng, rng.pick(['#6b8e6b', '#7a8f5a', '#8a9aa8', '#a0a88a', '#5f7f5f']), 8);
  const pts: Array<[number, number]> = [[0, horizon + 2]];
  for (let x = 0; x <= SIZE; x += 28) pts.push([x, horizon - rng.uniform(4, 30)]);
  pts.push([SIZE, horizon + 2]);
  return polygon(pts, c);
}

function ground(rng: Random, defs: Defs, horizon: number, kind: 'road' | 'grass' | 'lot' | 'floor'): string {
  if (kind === 'grass') {
    const g = jitter(rng, rng.pick(['#6a8f3a', '#7da04a', '#5c7f32', '#9aa55a', '#b7b07a']), 10);
    let s = mosaic(rng, 0, horizon, SIZE, SIZE, g, { cellW: rng.uniform(5, 10), cellH: rng.uniform(3, 6), spread: rng.uniform(0.1, 0.25), bond: false, mortar: 0 }) + grit(rng, horizon, g);
    const roadTop = rng.uniform(horizon + 10, SIZE - 40);
    s += rect(0, roadTop, SIZE, SIZE - roadTop, jitter(rng, rng.pick(ASPHALT), 8));
    return s;
  }
  if (kind === 'floor') {
    const c = jitter(rng, rng.pick(['#9e9e9e', '#b0aca4', '#8a8a8a', '#c4c0b8', '#7d7a74']), 8);
    let s = rng.chance(0.5) ? mosaic(rng, 0, horizon, SIZE, SIZE, c, { ...mosaicStyle(rng), bond: false }) : rect(0, horizon, SIZE, SIZE - horizon, c);
    for (let i = 0; i < 4; i++) s += line(0, horizon + (i + 1) * ((SIZE - horizon) / 5), SIZE, horizon + (i + 1) * ((SIZE - horizon) / 5), shade(c, -0.1), 1);
    return s;
  }
  const base = jitter(rng, rng.pick(ASPHALT), 8);
  const id = defs.id('road');
  defs.add(linearGradient(id, [[0, shade(base, 0.15)], [1, shade(base, -0.08)]]));
  let s = rect(0, horizon, SIZE, SIZE - horizon, `url(#${id})`) + grit(rng, horizon, base);
  if (rng.chance(0.7)) s += mosaic(rng, 0, horizon, SIZE, SIZE, jitter(rng, rng.pick(['#8d8478', '#9e9e9e', '#a1887f', '#7d7a74', '#b5aa98', '#6d6a66']), 10), mosaicStyle(rng)); // paved plaza / cobbles
  if (kind === 'road') {
    const kerb = horizon + rng.uniform(4, 16);
    s += rect(0, horizon, SIZE, kerb - horizon, jitter(rng, rng.pick(['#b8b4ac', '#a8a8a8', '#c8c2b4']), 8));
    const marks = rng.pick(['#f2f2f2', '#f2f2f2', '#f5c400']);
    const y = rng.uniform(kerb + 15, SIZE - 10);
    if (rng.chance(0.7)) for (let x = rng.uniform(-30, 0); x < SIZE; x += 40) s += rect(x, y, 22, 2.5, marks);
    if (rng.chance(0.3)) s += rect(0, kerb + 3, SIZE, 2, marks);
  } else {
    const c = '#e8e8e8';
    const slant = rng.uniform(-20, 20);
    for (let x = rng.uniform(-20, 0); x < SIZE + 20; x += rng.uniform(45, 60)) s += line(x, horizon + 8, x + slant, SIZE, c, 2);
  }
  return s;
}

function station(rng: Random, horizon: number): string {
  // indoor: a wall with bay doors and ceiling lights (many real fire-engine photos, but used for every class)
  const wall = jitter(rng, rng.pick(['#b0a89a', '#8d8d8d', '#a0522d', '#c8c0b0', '#707a80', '#d8d4cc']), 10);
  let s = rng.chance(0.7) ? mosaic(rng, 0, 0, SIZE, horizon + 2, wall, mosaicStyle(rng)) : rect(0, 0, SIZE, horizon + 2, wall);
  const doors = rng.int(1, 3);
  for (let i = 0; i < doors; i++) {
    const w = rng.uniform(50, 90);
    const x = rng.uniform(-20, SIZE - 30);
    s += rect(x, horizon - rng.uniform(60, 110), w, 120, rng.pick(['#2b2b2b', '#3d4a55', '#9aa3aa', '#c9ced2']));
  }
  for (let x = rng.uniform(10, 40); x < SIZE; x += rng.uniform(50, 80)) s += rect(x, 4, 26, 4, '#f4f4e8');
  return s;
}

function studio(rng: Random, defs: Defs, horizon: number): string {
  // plain showroom / catalogue backdrop
  const c = jitter(rng, rng.pick(['#e8e8e8', '#d0d4d8', '#f4f4f4', '#b8bcc0', '#2b2d30', '#e6dccb']), 8);
  const id = defs.id('bg');
  defs.add(linearGradient(id, [[0, shade(c, 0.1)], [1, shade(c, -0.15)]]));
  return rect(0, 0, SIZE, SIZE, `url(#${id})`) + rect(0, horizon + 20, SIZE, SIZE, shade(c, -0.12), { opacity: 0.5 });
}

function background(rng: Random, defs: Defs, horizon: number): { svg: string; horizon: number } {
  const env = rng.pick(['street', 'street', 'suburb', 'highway', 'station', 'parking', 'studio', 'park'] as const);
  let s = '';
  switch (env) {
    case 'street':
      s += sky(rng, defs, horizon) + buildings(rng, horizon);
      if (rng.chance(0.4)) s += trees(rng, horizon, rng.int(1, 3));
      s += ground(rng, defs, horizon, 'road');
      if (rng.chance(0.7)) s += streetLife(rng, horizon + rng.uniform(4, 14));
      break;
    case 'suburb':
      s += sky(rng, defs, horizon) + trees(rng, horizon - 8, rng.int(1, 4)) + houses(rng, horizon) + ground(rng, defs, horizon, rng.chance(0.5) ? 'grass' : 'road');
      break;
    case 'highway':
      s += sky(rng, defs, horizon) + hills(rng, horizon);
      if (rng.chance(0.6)) s += trees(rng, horizon, rng.int(2, 6));
      s += ground(rng, defs, horizon, 'road');
      if (rng.chance(0.5)) s += rect(0, horizon + 6, SIZE, 3, '#b0b4b8');
      break;
    case 'park':
      s += sky(rng, defs, horizon) + trees(rng, horizon, rng.int(3, 8)) + ground(rng, defs, horizon, 'grass');
      break;
    case 'station':
      s += station(rng, horizon) + ground(rng, defs, horizon, 'floor');
      if (rng.chance(0.4)) s += streetLife(rng, horizon + rng.uniform(4, 12));
      break;
    case 'parking':
      s += sky(rng, defs, horizon) + (rng.chance(0.5) ? buildings(rng, horizon) : trees(rng, horizon, rng.int(2, 6))) + ground(rng, defs, horizon, 'lot');
      if (rng.chance(0.6)) s += streetLife(rng, horizon + rng.uniform(6, 16));
      break;
    case 'studio':
      s += studio(rng, defs, horizon);
      break;
  }
  return { svg: s, horizon };
}

// ---------------------------------------------------------------------------
// distractors (never emergency-specific)

function distractor(rng: Random, defs: Defs, groundY: number, behind: boolean): string {
  // in front of the vehicle anywhere (people and posts often hide part of it), behind it anywhere too
  const x = rng.uniform(0, SIZE);
  const y = groundY + rng.uniform(-10, 14);
  const type = rng.pick(behind ? (['person', 'person', 'cone', 'sign', 'hydrant', 'pole', 'bin', 'farCar'] as const) : (['person', 'person', 'person', 'cone', 'sign', 'hydrant', 'pole', 'bin'] as const));
  switch (type) {
    case 'person': {
      const h = rng.uniform(35, 60);
      const shirt = jitter(rng, rng.pick(['#1f4e9c', '#333333', '#b3141b', '#f4f4f4', '#2e7d32', '#f59e0b', '#6d4c41']), 10);
      return rect(x - h * 0.09, y - h * 0.45, h * 0.18, h * 0.45, rng.pick(['#263238', '#3e2723', '#1a237e', '#424242'])) + rect(x - h * 0.12, y - h * 0.82, h * 0.24, h * 0.4, shirt, { rx: 2 }) + circle(x, y - h * 0.9, h * 0.09, rng.pick(['#e0ac69', '#c68642', '#8d5524', '#f1c27d']));
    }
    case 'cone': {
      const h = rng.uniform(14, 24);
      return polygon([[x - h * 0.35, y], [x, y - h], [x + h * 0.35, y]], '#ff6d00') + rect(x - h * 0.22, y - h * 0.55, h * 0.44, h * 0.12, '#f4f4f4');
    }
    case 'sign': {
      const h = rng.uniform(45, 75);
      const shape = rng.pick(['#1565c0', '#2e7d32', '#f4f4f4', '#f9a825']);
      return rect(x - 1.5, y - h, 3, h, '#8a8f94') + rect(x - 10, y - h - 8, 20, 16, shape, { stroke: '#f4f4f4', 'stroke-width': 1.5 });
    }
    case 'hydrant': {
      const h = rng.uniform(14, 22);
      const c = rng.pick(['#c62828', '#f9a825', '#9e9e9e']);
      return rect(x - h * 0.2, y - h, h * 0.4, h, c, { rx: 2 }) + rect(x - h * 0.35, y - h * 0.65, h * 0.7, h * 0.15, c);
    }
    case 'pole':
      return rect(x - 2, y - rng.uniform(90, 160), 4, 170, rng.pick(['#5a5f64', '#3a3d40', '#8a8f94']));
    case 'bin': {
      const h = rng.uniform(18, 28);
      return rect(x - h * 0.3, y - h, h * 0.6, h, rng.pick(['#2e7d32', '#37474f', '#1565c0', '#6d4c41']), { rx: 2 });
    }
    case 'farCar': {
      const v = drawVehicle(rng.pick(['sedan', 'hatchback', 'suv', 'van'] as const), rng, defs, 'side');
      const scale = rng.uniform(35, 60) / Math.sqrt(v.width * v.height);
      return group(v.svg, { transform: `translate(${n(x - (v.width * scale) / 2)} ${n(y - 20)}) scale(${n(scale)})`, opacity: 0.95 });
    }
  }
}

// ---------------------------------------------------------------------------

function place(rng: Random, v: Vehicle, params: SceneParams): { transform: string; groundY: number; centreX: number; width: number } {
  // cap: at most a partial crop, never so large that the vehicle is unreadable
  const scale = Math.min(rng.uniform(params.vehicleSize[0], params.vehicleSize[1]) / Math.sqrt(v.width * v.height), (SIZE * 1.2) / v.width, (SIZE * 0.95) / v.height);
  const w = v.width * scale;
  const h = v.height * scale;
  const centreX = SIZE / 2 + rng.uniform(-params.shiftX, params.shiftX);
  const groundY = Math.min(SIZE + h * 0.06, rng.uniform(params.centreY[0], params.centreY[1]) + h / 2);
  const flip = v.view === 'side' && rng.chance(0.5);
  const skew = rng.uniform(-6, 6) * (v.view === 'front' ? 0.8 : 0.5);
  const x0 = centreX - w / 2;
  const inner = flip ? `translate(${n(v.width)} 0) scale(-1 1)` : '';
  const transform = `translate(${n(x0)} ${n(groundY)}) skewY(${n(skew)}) scale(${n(scale)}) ${inner}`.trim();
  return { transform, groundY, centreX, width: w };
}

export function buildScene(rng: Random, emergency: boolean, params: SceneParams = DEFAULT_SCENE_PARAMS): Scene {
  const defs = new Defs();
  const kind: VehicleKind = emergency ? pickWeighted(rng, EMERGENCY_MIX) : pickWeighted(rng, OTHER_MIX);
  const view: View = rng.chance(params.frontShare) ? 'front' : 'side';
  const vehicle = drawVehicle(kind, rng, defs, view);
  const p = place(rng, vehicle, params);
  // the horizon sits above the wheels, so the vehicle stands on the ground, not in the sky
  const bg = background(rng, defs, rng.uniform(60, Math.max(62, Math.min(150, p.groundY - 12))));

  let body = bg.svg;
  let front = '';
  for (let k = 0; k < 3; k++) {
    if (!rng.chance(params.distractor)) continue;
    const behind = rng.chance(0.4);
    const extra = distractor(rng, defs, behind ? bg.horizon + rng.uniform(8, 20) : p.groundY + rng.uniform(0, 10), behind);
    if (behind) body += extra;
    else front += extra;
  }
  body += ellipse(p.centreX, p.groundY - 1, p.width * 0.55, Math.max(3, p.width * 0.04), '#000000', { opacity: n(rng.uniform(0.2, 0.45)) });
  body += group(vehicle.svg, { transform: p.transform }) + front;

  // colour cast (warm sun, cool shade, dusk) over the whole frame
  if (rng.chance(0.7)) body += rect(0, 0, SIZE, SIZE, rng.pick(['#ff9a3c', '#3c6cff', '#000000', '#ffffff', '#7a5cff', '#ffd27a']), { opacity: n(rng.uniform(0.03, params.tint)) });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">${defs}${body}</svg>`;
  const post: PostProcess = {
    brightness: rng.uniform(0.92, 1.08),
    saturation: rng.uniform(0.65, 1.25),
    hue: Math.round(rng.uniform(-12, 12)),
    blur: rng.chance(0.35) ? rng.uniform(0.4, 1.3) : 0,
    grain: rng.uniform(1, 5),
    gamma: rng.uniform(params.gamma[0], params.gamma[1]),
  };
  return { svg, kind, view, post };
}
