import * as tf from '@tensorflow/tfjs';
import { beginFastTraining, setTrainingPath } from '../ml/fast';
import { activeCourseKernels, setCourseKernels } from '../ml/fast/wasmKernels';

/** The combined model with seeded dropout, so that two runs draw the same masks. */
function seededCombinedModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [12288], units: 100, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.dropout({ rate: 0.5, seed: 7 }));
  model.add(tf.layers.dense({ units: 100, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' });
  return model;
}

/** What the in-browser check of the course kernels found (used by the end-to-end tests through the bench page). */
export interface KernelCheck {
  threads: number;
  singleThreadedBecause: string | null;
  /** Worst relative difference from stock TF.js over the products checked. */
  worstProduct: number;
  /** Worst relative difference of the weights after `steps` Adam steps of MLP + BN + dropout. */
  worstWeights: number;
  /** Chunks each thread took during the check (page thread first): every thread must have worked. */
  chunksTaken: number[];
}

const relative = (actual: ArrayLike<number>, expected: ArrayLike<number>) => {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!)));
  return worst;
};

/**
 * Compares the course kernels, as started on this page (threads and all), with stock TF.js:
 * the shapes of the MLP's products at 64×64, then a few training steps of the combined model.
 */
export async function checkCourseKernels(steps = 3): Promise<KernelCheck> {
  const kernels = activeCourseKernels();
  if (!kernels) throw new Error('the course kernels are not running on this page');
  const before = kernels.chunksTakenByThread();
  let worstProduct = 0;
  for (const [aShape, bShape, transposeA, transposeB] of [
    [[128, 12288], [12288, 100], false, false],
    [[128, 12288], [128, 100], true, false],
    [[128, 100], [12288, 100], false, true],
    [[77, 300], [300, 133], false, false],
  ] as Array<[number[], number[], boolean, boolean]>) {
    const a = tf.randomUniform(aShape, 0, 1, 'float32', 1);
    const b = tf.randomNormal(bShape, 0, 0.05, 'float32', 2);
    setTrainingPath('fast');
    const fast = tf.matMul(a, b, transposeA, transposeB);
    setTrainingPath('stock');
    const stock = tf.matMul(a, b, transposeA, transposeB);
    worstProduct = Math.max(worstProduct, relative(fast.dataSync(), stock.dataSync()));
    tf.dispose([a, b, fast, stock]);
  }

  const x = tf.randomUniform([128, 12288], 0, 1, 'float32', 3);
  const y = tf.tidy(() => tf.cast(tf.greater(tf.randomUniform([128, 1], 0, 1, 'float32', 4), 0.5), 'float32'));
  const weightsAfter = async (path: 'fast' | 'stock') => {
    setTrainingPath(path);
    const model = seededCombinedModel();
    const end = beginFastTraining(model);
    for (let step = 0; step < steps; step++) await model.trainOnBatch(x, y);
    end();
    const weights = model.getWeights().map((w) => w.dataSync());
    model.optimizer.dispose();
    model.dispose();
    return weights;
  };
  setCourseKernels(kernels);
  const fastWeights = await weightsAfter('fast');
  const stockWeights = await weightsAfter('stock');
  setTrainingPath('fast');
  tf.dispose([x, y]);
  const after = kernels.chunksTakenByThread();
  const status = kernels.status();
  return {
    threads: status.threads,
    singleThreadedBecause: status.singleThreadedBecause ?? null,
    worstProduct,
    worstWeights: Math.max(...fastWeights.map((w, i) => relative(w, stockWeights[i]!))),
    chunksTaken: after.map((count, i) => count - (before[i] ?? 0)),
  };
}
