import * as tf from '@tensorflow/tfjs';

/** The index of a layer of a sequential model, given as an index, a name or a class name ('Dropout'). */
export function findLayerIndex(model: tf.LayersModel, layer: number | string, what: string): number {
  const layers = model.layers;
  if (typeof layer === 'number') {
    if (!Number.isInteger(layer) || layer < 0 || layer >= layers.length) throw new Error(`invalid layer index: ${layer} (the model has layers 0 to ${layers.length - 1})`);
    return layer;
  }
  const index = layers.findIndex((l) => l.name === layer || l.getClassName() === layer);
  if (index < 0) throw new Error(`the model has no ${what} layer named ${JSON.stringify(layer)} (its layers: ${layers.map((l) => `${l.name} (${l.getClassName()})`).join(', ')})`);
  return index;
}

/**
 * What the layer at `index` receives for a batch at inference: the batch passed through the
 * layers before it with `training: false` (for a sequential model, which is what lessons build).
 */
export function layerInput(model: tf.LayersModel, index: number, xs: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    let h = xs;
    for (const layer of model.layers.slice(0, index)) h = layer.apply(h, { training: false }) as tf.Tensor;
    return h;
  });
}
