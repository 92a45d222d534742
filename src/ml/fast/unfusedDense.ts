import * as tf from '@tensorflow/tfjs';

/** The parts of a tfjs-layers Dense layer the unfused call reads. */
interface DenseInternals {
  kernel: { read(): tf.Tensor };
  bias?: { read(): tf.Tensor } | null;
  activation?: { apply(x: tf.Tensor): tf.Tensor } | null;
  invokeCallHook?(inputs: tf.Tensor | tf.Tensor[], kwargs: unknown): void;
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: unknown): tf.Tensor | tf.Tensor[];
}

/**
 * Makes the model's Dense layers compute x·W + b with TF.js's plain matMul while training.
 *
 * Stock Dense goes through `tf.fused.matMul`, whose gradient computes the gradients of both
 * operands eagerly, so the first layer also pays for dy·Wᵀ, the gradient with respect to the
 * input images — 12288×100 multiply-adds per image at 64×64, thrown away at once. matMul's
 * own gradient is computed per operand on demand, so backprop skips it. Same formula, same
 * numbers (the fused kernel adds the bias in the same order). Returns the restoring function.
 */
export function useUnfusedDense(model: tf.LayersModel): () => void {
  const patched: DenseInternals[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'Dense') continue;
    const dense = layer as unknown as DenseInternals;
    const stockCall = dense.call;
    dense.call = (inputs, kwargs) => {
      const input = Array.isArray(inputs) ? inputs[0]! : inputs;
      if (input.rank !== 2) return stockCall.call(dense, inputs, kwargs);
      return tf.tidy(() => {
        dense.invokeCallHook?.(inputs, kwargs);
        let output = tf.matMul(input, dense.kernel.read());
        if (dense.bias) output = tf.add(output, dense.bias.read());
        return dense.activation ? dense.activation.apply(output) : output;
      });
    };
    patched.push(dense);
  }
  return () => {
    // Deleting the own property brings back the prototype's (stock) call.
    for (const dense of patched) delete (dense as { call?: unknown }).call;
  };
}
