import * as tf from '@tensorflow/tfjs';
import type { ImageSet } from './imageSet';
import { batchTensors } from './batches';
import { findLayerIndex, layerInput } from './layerInput';

/** One training step of a dropout layer, observed. */
export interface DropoutStep {
  step: number;
  /** For the first image of the batch: 1 where the unit was dropped (output 0), 0 where it was kept. */
  mask: Uint8Array;
  /** Output ÷ input of the kept units of the first image (1 / (1 − rate) for inverted dropout). */
  keptScale: number;
  /** Share of all units of the whole batch that were dropped. */
  fractionDropped: number;
}

export interface DropoutObservation {
  layerName: string;
  rate: number;
  units: number;
  batchSize: number;
  steps: DropoutStep[];
  /** At inference (`training: false`): share of units dropped and the largest |output − input|. */
  inference: { fractionDropped: number; maxChange: number };
}

/**
 * Applies a model's Dropout layer to successive batches in training mode (`layer.apply(x,
 * { training: true })`, which draws a fresh mask each call, as every training step does) and
 * once in inference mode, and reports what was dropped and how the kept units were scaled.
 * Images are taken in order from `start`, `batchSize` per step.
 */
export function observeDropout(model: tf.LayersModel, data: ImageSet, { layer = 'Dropout', steps = 6, batchSize = 128, start = 0 }: { layer?: number | string; steps?: number; batchSize?: number; start?: number } = {}): DropoutObservation {
  const index = findLayerIndex(model, layer, 'Dropout');
  const dropout = model.layers[index]!;
  if (dropout.getClassName() !== 'Dropout') throw new Error(`layer ${index} (${dropout.name}) is a ${dropout.getClassName()}, not a Dropout layer`);
  const rate = (dropout.getConfig() as { rate: number }).rate;
  const size = Math.min(batchSize, data.count);
  const observed: DropoutStep[] = [];
  let units = 0;
  let inference = { fractionDropped: 0, maxChange: 0 };
  for (let step = 0; step < steps; step++) {
    const indices = Array.from({ length: size }, (_, i) => (start + step * size + i) % data.count);
    const { xs, ys } = batchTensors(data, indices);
    const [input, trained, dropped] = tf.tidy(() => {
      const input = layerInput(model, index, xs);
      const trained = dropout.apply(input, { training: true }) as tf.Tensor;
      // A unit is dropped where the layer zeroed an input that was not zero already.
      const dropped = tf.logicalAnd(tf.equal(trained, 0), tf.notEqual(input, 0));
      return [input, trained, dropped];
    });
    const inputValues = input.dataSync();
    const outputValues = trained.dataSync();
    const droppedValues = dropped.dataSync();
    units = input.shape[1]!;
    const mask = new Uint8Array(units);
    let scaleSum = 0;
    let kept = 0;
    for (let u = 0; u < units; u++) {
      mask[u] = droppedValues[u]!;
      if (!mask[u] && inputValues[u] !== 0) { scaleSum += outputValues[u]! / inputValues[u]!; kept++; }
    }
    let droppedCount = 0;
    for (const value of droppedValues) droppedCount += value;
    observed.push({ step: step + 1, mask, keptScale: kept ? scaleSum / kept : Number.NaN, fractionDropped: droppedCount / droppedValues.length });
    if (step === 0) {
      const change = tf.tidy(() => tf.max(tf.abs(tf.sub(dropout.apply(input, { training: false }) as tf.Tensor, input))));
      const zeroed = tf.tidy(() => tf.sum(tf.logicalAnd(tf.equal(dropout.apply(input, { training: false }) as tf.Tensor, 0), tf.notEqual(input, 0)).toInt()));
      inference = { fractionDropped: zeroed.dataSync()[0]! / input.size, maxChange: change.dataSync()[0]! };
      tf.dispose([change, zeroed]);
    }
    tf.dispose([xs, ys, input, trained, dropped]);
  }
  return { layerName: dropout.name, rate, units, batchSize: size, steps: observed, inference };
}
