/**
 * What a network's weights look like, as numbers the figures draw: the first Dense layer's units as
 * pictures (one weight per input pixel and colour), and each layer's weight histogram.
 */
import type * as tf from '@tensorflow/tfjs';

export interface DenseKernel {
  layer: string;
  /** Row-major [inputs, units], as TF.js stores a Dense kernel. */
  values: Float32Array;
  inputs: number;
  units: number;
}

/** The kernels of the model's Dense layers, first layer first (biases left out). */
export function denseKernels(model: tf.LayersModel): DenseKernel[] {
  return model.layers.filter((layer) => layer.getClassName() === 'Dense').map((layer) => {
    const kernel = layer.getWeights()[0]!;
    const [inputs, units] = kernel.shape as [number, number];
    return { layer: layer.name, values: kernel.dataSync() as Float32Array, inputs, units };
  });
}

/**
 * One unit's weights as an RGBA picture of `size`×`size`: the inputs are the image's pixels in
 * row-major RGB order (how the lessons flatten them). Normalised by the unit's largest |weight|, so
 * every unit uses the whole scale; diverging: positive weights (the unit fires on that colour there)
 * in orange, negative in blue, zero white. `rgb` draws the three colour channels instead, zero as grey.
 */
export function unitPicture(kernel: DenseKernel, unit: number, size: number, mode: 'diverging' | 'rgb' = 'diverging'): Uint8ClampedArray {
  const pixels = size * size;
  if (kernel.inputs !== pixels * 3) throw new Error(`the first layer has ${kernel.inputs} inputs, not ${pixels * 3} (${size}×${size} RGB)`);
  if (unit < 0 || unit >= kernel.units) throw new Error(`unit ${unit} does not exist (the layer has ${kernel.units})`);
  let largest = 0;
  for (let i = 0; i < kernel.inputs; i++) largest = Math.max(largest, Math.abs(kernel.values[i * kernel.units + unit]!));
  const scale = largest === 0 ? 0 : 1 / largest;
  const rgba = new Uint8ClampedArray(pixels * 4);
  for (let p = 0; p < pixels; p++) {
    const w = (c: number) => kernel.values[(p * 3 + c) * kernel.units + unit]! * scale;
    if (mode === 'rgb') {
      for (let c = 0; c < 3; c++) rgba[p * 4 + c] = 127.5 + 127.5 * w(c);
    } else {
      const v = (w(0) + w(1) + w(2)) / 3;
      const [r, g, b] = diverging(v);
      rgba[p * 4] = r; rgba[p * 4 + 1] = g; rgba[p * 4 + 2] = b;
    }
    rgba[p * 4 + 3] = 255;
  }
  return rgba;
}

// Orange (#e66101) for +1, white for 0, blue (#2166ac) for −1: a diverging scale readable by most colour-blind readers.
const POSITIVE = [230, 97, 1];
const NEGATIVE = [33, 102, 172];
export function diverging(value: number): [number, number, number] {
  const t = Math.min(1, Math.abs(value));
  const end = value >= 0 ? POSITIVE : NEGATIVE;
  return [0, 1, 2].map((c) => Math.round(255 + (end[c]! - 255) * t)) as [number, number, number];
}

export interface Histogram {
  /** Bin edges: bins + 1 values. */
  edges: number[];
  counts: number[];
}

/** Counts of values in `bins` equal bins over [min, max] (values outside go to the end bins). */
export function histogram(values: ArrayLike<number>, bins: number, [min, max]: [number, number]): Histogram {
  if (!(max > min)) throw new Error(`invalid histogram range: [${min}, ${max}]`);
  const counts = new Array<number>(bins).fill(0);
  const width = (max - min) / bins;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)))]!++;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, i) => min + i * width), counts };
}

/** The largest |value| (finite ones): the histogram's symmetric range around zero. */
export function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) { const v = Math.abs(values[i]!); if (v > largest && Number.isFinite(v)) largest = v; }
  return largest;
}

/** Standard deviation of the values: how spread the weights are. */
export function spread(values: ArrayLike<number>): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) { sum += values[i]!; squares += values[i]! * values[i]!; }
  const mean = sum / values.length;
  return Math.sqrt(Math.max(0, squares / values.length - mean * mean));
}
