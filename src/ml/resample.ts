import type { FillMode } from './augment';

/**
 * A geometric transform (tf.image.transform's 8 numbers) computed as TF.js's wasm Transform kernel
 * computes it, bit for bit, without a kernel call: every coordinate, weight and sum in float32 in the
 * kernel's order (Math.fround after each operation; a double holds a float32 product or sum exactly,
 * so rounding it once to float32 is float32 arithmetic). The per-pixel part — where each output pixel
 * reads and with which weights — is worked out once per transform and image size (a plan), then
 * applied to any number of images.
 */
export interface ResamplePlan {
  height: number;
  width: number;
  channels: number;
  interpolation: 'nearest' | 'bilinear';
  /** Per output pixel: the input pixels read (index of the pixel's first channel, −1 outside the image). */
  corners: Int32Array;
  /** Per output pixel (bilinear): x_ceil − x, x − x_floor, y_ceil − y, y − y_floor as float32. */
  weights: Float32Array;
}

const f = Math.fround;

/** Where an output coordinate reads from, as the kernel's map_coord does for the two fill modes it can plan. */
function mapCoordinate(coordinate: number, length: number, fillMode: FillMode): number {
  if (fillMode === 'constant') return coordinate;
  // map_coord_nearest: clamp(0, x, len − 1) with std::min and std::max.
  const upper = length - 1;
  const low = upper < coordinate ? upper : coordinate;
  return 0 < low ? low : 0;
}

/** The fill modes a plan reproduces ('reflect' and 'wrap' go through the TF.js kernel). */
export const plannedFillModes: readonly FillMode[] = ['nearest', 'constant'];

export function resamplePlan(transform: readonly number[], height: number, width: number, channels: number, interpolation: 'nearest' | 'bilinear', fillMode: FillMode): ResamplePlan {
  if (!plannedFillModes.includes(fillMode)) throw new Error(`resamplePlan: fill mode '${fillMode}' is not planned (only ${plannedFillModes.join(', ')})`);
  const [a0, a1, a2, b0, b1, b2, c0, c1] = transform.map(f) as [number, number, number, number, number, number, number, number];
  const pixels = height * width;
  const bilinear = interpolation === 'bilinear';
  const corners = new Int32Array(pixels * (bilinear ? 4 : 1));
  const weights = new Float32Array(bilinear ? pixels * 4 : 0);
  const at = (y: number, x: number) => (y >= 0 && y < height && x >= 0 && x < width ? (y * width + x) * channels : -1);
  for (let outY = 0; outY < height; outY++) {
    for (let outX = 0; outX < width; outX++) {
      const pixel = outY * width + outX;
      // projection = float(double(c0·x + c1·y) + 1.0); 0 means "infinitely far": the fill value.
      const projection = f(f(f(c0 * outX) + f(c1 * outY)) + 1.0);
      if (projection === 0) {
        corners.fill(-1, pixel * (bilinear ? 4 : 1), (pixel + 1) * (bilinear ? 4 : 1));
        continue;
      }
      const inX = f(f(f(f(a0 * outX) + f(a1 * outY)) + a2) / projection);
      const inY = f(f(f(f(b0 * outX) + f(b1 * outY)) + b2) / projection);
      const x = mapCoordinate(inX, width, fillMode);
      const y = mapCoordinate(inY, height, fillMode);
      if (!bilinear) {
        // C's round(): halves away from zero; static_cast<int32_t> truncates.
        const roundAway = (v: number) => Math.trunc(v < 0 ? v - 0.5 : v + 0.5);
        corners[pixel] = at(roundAway(y), roundAway(x));
        continue;
      }
      const xFloor = Math.floor(x);
      const yFloor = Math.floor(y);
      const xCeil = f(xFloor + 1);
      const yCeil = f(yFloor + 1);
      corners.set([at(yFloor, xFloor), at(yFloor, xCeil), at(yCeil, xFloor), at(yCeil, xCeil)], pixel * 4);
      weights.set([f(xCeil - x), f(x - xFloor), f(yCeil - y), f(y - yFloor)], pixel * 4);
    }
  }
  return { height, width, channels, interpolation, corners, weights };
}

/**
 * Resamples one image of `source` (at `from`) into `target` (at `to`) by the plan; the two must not
 * overlap. Outside the image reads the fill value 0, as the kernel's 'constant' fill and its
 * out-of-range corners do.
 */
export function applyPlan(plan: ResamplePlan, source: Float32Array, from: number, target: Float32Array, to: number): void {
  const { corners, weights, channels } = plan;
  const pixels = plan.height * plan.width;
  if (plan.interpolation === 'nearest') {
    for (let p = 0; p < pixels; p++) {
      const corner = corners[p]!;
      for (let c = 0; c < channels; c++) target[to + p * channels + c] = corner < 0 ? 0 : source[from + corner + c]!;
    }
    return;
  }
  for (let p = 0; p < pixels; p++) {
    const k = p * 4;
    const i00 = corners[k]!, i01 = corners[k + 1]!, i10 = corners[k + 2]!, i11 = corners[k + 3]!;
    const xc = weights[k]!, xf = weights[k + 1]!, yc = weights[k + 2]!, yf = weights[k + 3]!;
    for (let c = 0; c < channels; c++) {
      const v00 = i00 < 0 ? 0 : source[from + i00 + c]!;
      const v01 = i01 < 0 ? 0 : source[from + i01 + c]!;
      const v10 = i10 < 0 ? 0 : source[from + i10 + c]!;
      const v11 = i11 < 0 ? 0 : source[from + i11 + c]!;
      const top = f(f(xc * v00) + f(xf * v01));
      const bottom = f(f(xc * v10) + f(xf * v11));
      target[to + p * channels + c] = f(f(yc * top) + f(yf * bottom));
    }
  }
}
