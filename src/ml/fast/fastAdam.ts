import * as tf from '@tensorflow/tfjs';
import { ADAM_UPDATE_KERNEL } from './wasmKernels';

/** The parts of TF.js's AdamOptimizer the fused step reads and keeps up to date. */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: tf.Variable } | undefined>;
  incrementIterations(): void;
}

type VariableGradients = tf.NamedTensorMap | Array<{ name: string; tensor: tf.Tensor }>;

/**
 * Makes `optimizer` (a TF.js Adam) apply its step with the course's one-pass kernel while
 * training on the wasm backend. The optimizer keeps its own state objects (moments, βᵗ,
 * iterations), so switching back and forth mid-training, saving it, or disposing it work as
 * with stock TF.js. Returns the function that restores the stock behaviour.
 */
export function useFusedAdam(optimizer: tf.Optimizer): () => void {
  if (!(optimizer instanceof tf.AdamOptimizer) || !tf.getKernel(ADAM_UPDATE_KERNEL, tf.getBackend())) return () => {};
  const state = optimizer as unknown as AdamState;
  const stockApply = optimizer.applyGradients;
  optimizer.applyGradients = (variableGradients: VariableGradients) => applyFused(state, variableGradients);
  return () => {
    optimizer.applyGradients = stockApply;
  };
}

function applyFused(state: AdamState, variableGradients: VariableGradients): void {
  const names = Array.isArray(variableGradients) ? variableGradients.map((entry) => entry.name) : Object.keys(variableGradients);
  tf.tidy(() => {
    const attrs = {
      learningRate: state.learningRate,
      beta1: state.beta1,
      beta2: state.beta2,
      epsilon: state.epsilon,
      biasCorrection1: 1 - state.accBeta1.dataSync()[0]!,
      biasCorrection2: 1 - state.accBeta2.dataSync()[0]!,
    };
    names.forEach((name, i) => {
      const value = tf.engine().registeredVariables[name]!;
      // Created lazily and named exactly as stock Adam does, so getWeights/setWeights line up.
      state.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      state.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
      const gradient = Array.isArray(variableGradients) ? variableGradients[i]!.tensor : variableGradients[name];
      if (gradient == null) return;
      const firstMoment = state.accumulatedFirstMoment[i]!.variable;
      const secondMoment = state.accumulatedSecondMoment[i]!.variable;
      const [newValue, newFirst, newSecond] = tf.engine().runKernel(ADAM_UPDATE_KERNEL, { value, gradient, firstMoment, secondMoment }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
      firstMoment.assign(newFirst!);
      secondMoment.assign(newSecond!);
      value.assign(newValue!);
    });
    state.accBeta1.assign(tf.mul(state.accBeta1, state.beta1));
    state.accBeta2.assign(tf.mul(state.accBeta2, state.beta2));
  });
  state.incrementIterations();
}
