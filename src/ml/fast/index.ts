import * as tf from '@tensorflow/tfjs';
import { registerWasmKernels, unregisterWasmKernels } from './wasmKernels';
import { useFusedAdam } from './fastAdam';
import { useUnfusedDense } from './unfusedDense';

/**
 * The course's training path. "fast" (the default) keeps TF.js and its layers API but
 * replaces the two pieces that make stock wasm training slow (see wasmKernels.ts); "stock"
 * is plain TF.js, for comparison and as a way out if the fast path misbehaves somewhere.
 */
export type TrainingPath = 'fast' | 'stock';

let path: TrainingPath = 'fast';

export function setTrainingPath(next: TrainingPath): void {
  if (next !== 'fast' && next !== 'stock') throw new Error(`unknown training path "${next}" (expected "fast" or "stock")`);
  path = next;
  if (next === 'stock') unregisterWasmKernels();
  else if (tf.getBackend() === 'wasm') registerWasmKernels();
}

export function trainingPath(): TrainingPath {
  return path;
}

/**
 * Prepares one training run: registers the kernels for the active backend (once), routes the
 * model's Adam through the one-pass step and its Dense layers through plain matMul (see
 * unfusedDense.ts). Returns what undoes the per-model part.
 */
export function beginFastTraining(model: tf.LayersModel): () => void {
  if (path !== 'fast' || tf.getBackend() !== 'wasm') return () => {};
  registerWasmKernels();
  const restoreAdam = useFusedAdam(model.optimizer);
  const restoreDense = useUnfusedDense(model);
  return () => {
    restoreDense();
    restoreAdam();
  };
}

/** The backend and the path a training run started now would use (for reports and speed estimates). */
export function trainingSetup(): { backend: string; path: TrainingPath } {
  const backend = tf.getBackend();
  return { backend, path: path === 'fast' && backend === 'wasm' ? 'fast' : 'stock' };
}
