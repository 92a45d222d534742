import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { transposeInto } from '../../src/ml/fast/transpose';
import { adamUpdate } from '../../src/ml/fast/adamUpdate';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { productBranches, registerWasmKernels, setCourseKernels, unregisterWasmKernels } from '../../src/ml/fast/wasmKernels';
import { CourseKernels } from '../../src/ml/fast/courseKernels';
import { kernelBinaries } from './kernelBinaries';
import { beginFastTraining, setTrainingPath } from '../../src/ml/fast';
import { ImageSet } from '../../src/ml/imageSet';
import { train } from '../../src/ml/train';
import { createBatcher } from '../../src/ml/batches';
import { createRandom } from '../../src/lib/random';

// The fast path must compute what stock TF.js computes: these tests run both on the wasm
// backend (the one the fast path changes) and compare within float32 tolerance.

// Two ways the fast path computes products: the course's SIMD kernel (assembly/gemm.ts), and,
// where it did not start, transposes + the stock kernel. Both are checked against stock TF.js.
type Variant = 'course kernel' | 'transposes + stock';
let kernels: CourseKernels;
const useVariant = (variant: Variant) => setCourseKernels(variant === 'course kernel' ? kernels : undefined);

beforeAll(async () => {
  expect(await tf.setBackend('wasm')).toBe(true);
  kernels = await CourseKernels.create(tf.backend() as BackendWasm, kernelBinaries());
});
afterAll(() => {
  setTrainingPath('fast');
  unregisterWasmKernels();
  setCourseKernels(undefined);
  kernels.stop();
});

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const random = createRandom(seed);
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random.normal(0, 1)), shape);
}

/**
 * Largest difference relative to max(1, |expected|); asserted at most `tolerance` (0: bit for bit)
 * and returned. The tolerances below are the observed differences with a small margin: the
 * inputs are seeded and wasm arithmetic is deterministic, so a change in the kernels' rounding
 * shows. FAST_PATH_OBSERVED=1 prints each observed difference.
 */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const scale = Math.max(1, Math.abs(expected[i]!));
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!) / scale);
  }
  if (process.env.FAST_PATH_OBSERVED) console.log(`observed ${worst.toExponential(2)} (tolerance ${tolerance}) in ${expect.getState().currentTestName}`);
  expect(worst).toBeLessThanOrEqual(tolerance);
  return worst;
}

describe('transposeInto', () => {
  it('transposes each matrix of a batch, including sizes that are not multiples of the tile', () => {
    const rows = 37;
    const cols = 70;
    const source = Float32Array.from({ length: 2 * rows * cols }, (_, i) => i);
    const target = new Float32Array(source.length);
    transposeInto(source, target, 2, rows, cols);
    for (const [b, r, c] of [[0, 0, 0], [0, 36, 69], [1, 5, 33], [1, 36, 0]] as const) {
      expect(target[b * rows * cols + c * rows + r]).toBe(source[b * rows * cols + r * cols + c]);
    }
  });

  it('refuses buffers that are too small', () => {
    expect(() => transposeInto(new Float32Array(6), new Float32Array(5), 1, 2, 3)).toThrow(/does not fit/);
  });
});

describe('adamUpdate', () => {
  it('matches a hand-computed first step (m = 0.1·g, v = 0.001·g², update = lr·sign(g))', () => {
    const out = { value: new Float32Array(2), firstMoment: new Float32Array(2), secondMoment: new Float32Array(2) };
    adamUpdate(Float32Array.of(1, -1), Float32Array.of(0.5, -2), new Float32Array(2), new Float32Array(2), out, {
      learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 0, biasCorrection1: 0.1, biasCorrection2: 0.001,
    });
    expectClose(out.firstMoment, [0.05, -0.2], 1e-6);
    expectClose(out.secondMoment, [0.00025, 0.004], 1e-6);
    expectClose(out.value, [0.9, -0.9], 1e-6);
  });
});

describe.each<Variant>(['course kernel', 'transposes + stock'])('matMul through the fast path (%s)', (variant) => {
  // Observed (course kernel / transposes + stock): x·W 1.0e-5 / 0, xᵀ·dy 1.3e-5 / 1.0e-5,
  // K past one block 1.9e-5 / 0; the others 0 on both.
  const kernel = variant === 'course kernel';
  it.each([
    ['x·W', [37, 300], [300, 150], false, false, kernel ? 1.5e-5 : 0],
    ['xᵀ·dy', [300, 64], [300, 20], true, false, kernel ? 2e-5 : 1.5e-5],
    ['dy·Wᵀ', [64, 20], [300, 20], false, true, 0],
    ['both', [20, 33], [47, 20], true, true, 0],
    ['K past one block, N past one block', [9, 1000], [1000, 133], false, false, kernel ? 2.5e-5 : 0],
    ['batched', [3, 20, 33], [3, 47, 20], true, true, 0],
  ] as const)('%s equals stock TF.js', (_name, aShape, bShape, transposeA, transposeB, tolerance) => {
    const a = randomTensor([...aShape], 1);
    const b = randomTensor([...bShape], 2);
    unregisterWasmKernels();
    const stock = tf.matMul(a, b, transposeA, transposeB);
    registerWasmKernels();
    useVariant(variant);
    const fast = tf.matMul(a, b, transposeA, transposeB);
    expect(fast.shape).toEqual(stock.shape);
    // Same products summed in another order: float32 rounding differs by a few ulps of the sums.
    expectClose(fast.dataSync(), stock.dataSync(), tolerance);
    tf.dispose([a, b, stock, fast]);
  });

  it('leaves no temporary tensor or wasm buffer behind', () => {
    registerWasmKernels();
    useVariant(variant);
    const a = randomTensor([50, 40], 3);
    const b = randomTensor([50, 30], 4);
    tf.matMul(a, b, true, false).dispose();
    const before = tf.memory();
    for (let i = 0; i < 5; i++) tf.matMul(a, b, true, false).dispose();
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
    tf.dispose([a, b]);
  });
});

describe('the branches of a product', () => {
  const count = (run: () => void) => {
    for (const key of Object.keys(productBranches) as Array<keyof typeof productBranches>) productBranches[key] = 0;
    run();
    return { ...productBranches };
  };

  it('computes A·Bᵀ with a large B as (B·Aᵀ)ᵀ without the course kernel, with the same numbers', () => {
    // dy·Wᵀ of a wide first layer: B (300×20) is much larger than A (8×20) and the output (8×300).
    const a = randomTensor([8, 20], 5);
    const b = randomTensor([300, 20], 6);
    unregisterWasmKernels();
    const stock = tf.matMul(a, b, false, true);
    registerWasmKernels();
    useVariant('transposes + stock');
    let fast: tf.Tensor | undefined;
    expect(count(() => { fast = tf.matMul(a, b, false, true); })).toMatchObject({ transposedProduct: 1, courseKernel: 0 });
    expect(fast!.shape).toEqual([8, 300]);
    // Observed: bit for bit (the stock kernel sums each output in the same order either way).
    expectClose(fast!.dataSync(), stock.dataSync(), 0);
    useVariant('course kernel');
    expect(count(() => tf.matMul(a, b, false, true).dispose())).toMatchObject({ courseKernel: 1, transposedProduct: 0 });
    tf.dispose([a, b, stock, fast!]);
  });

  it('sends batches of matrices to transposes + stock even with the course kernel', () => {
    registerWasmKernels();
    useVariant('course kernel');
    const a = randomTensor([2, 5, 6], 7);
    const b = randomTensor([2, 7, 6], 8);
    expect(count(() => tf.matMul(a, b, false, true).dispose())).toMatchObject({ courseKernel: 0, transposedThenStock: 1 });
    tf.dispose([a, b]);
  });
});

type ModelVariant = 'mlp' | 'mlp + batch norm' | 'mlp + dropout' | 'mlp + batch norm + dropout';

function articleModel(variant: ModelVariant, inputs: number): tf.Sequential {
  const model = tf.sequential();
  const extras = () => {
    if (variant.includes('batch norm')) model.add(tf.layers.batchNormalization());
    // A seeded dropout draws the same mask in both runs, so the two paths see identical networks.
    if (variant.includes('dropout')) model.add(tf.layers.dropout({ rate: 0.5, seed: 7 }));
  };
  model.add(tf.layers.dense({ inputShape: [inputs], units: 16, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  extras();
  model.add(tf.layers.dense({ units: 16, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  extras();
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  return model;
}

function trainingBatch(inputs: number, count: number, seed: number): { x: tf.Tensor; y: tf.Tensor } {
  const random = createRandom(seed);
  const labels = Float32Array.from({ length: count }, (_, i) => i % 2);
  const x = tf.tensor2d(Float32Array.from({ length: count * inputs }, (_, i) => labels[Math.floor(i / inputs)]! * 0.3 + random.next()), [count, inputs]);
  return { x, y: tf.tensor2d(labels, [count, 1]) };
}

const TRAINING_CASES = (['course kernel', 'transposes + stock'] as const).flatMap((path) =>
  (['mlp', 'mlp + batch norm', 'mlp + dropout', 'mlp + batch norm + dropout'] as const).map((model) => [model, path] as [ModelVariant, Variant]));

describe.each(TRAINING_CASES)('the fast path trains the %s like stock TF.js (%s)', (variant, productPath) => {
  // Wider than one kernel block (KC = 128) so the sums are split as for the real images.
  const inputs = 300;

  it('gives the same gradients', () => {
    const { x, y } = trainingBatch(inputs, 40, 11);
    const gradients = (path: 'fast' | 'stock') => {
      setTrainingPath(path);
      if (path === 'fast') registerWasmKernels();
      useVariant(productPath);
      const model = articleModel(variant, inputs);
      const end = beginFastTraining(model);
      const { grads } = tf.variableGrads(() => tf.losses.sigmoidCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor).mean() as tf.Scalar);
      end();
      const values = Object.values(grads).map((g) => Array.from(g.dataSync()));
      tf.dispose(Object.values(grads));
      model.dispose();
      return values;
    };
    const stock = gradients('stock');
    const fast = gradients('fast');
    expect(fast.length).toBe(stock.length);
    // Observed: at most 5.0e-8 (with batch norm and dropout, course kernel).
    fast.forEach((values, i) => expectClose(values, stock[i]!, 7e-8));
    tf.dispose([x, y]);
  });

  it('reaches the same weights and losses after 8 Adam steps and a small last batch', async () => {
    const { x, y } = trainingBatch(inputs, 40, 12);
    const lastX = x.slice([0, 0], [8, inputs]);
    const lastY = y.slice([0, 0], [8, 1]);
    const run = async (path: 'fast' | 'stock') => {
      setTrainingPath(path);
      useVariant(productPath);
      const model = articleModel(variant, inputs);
      const end = beginFastTraining(model);
      const losses: number[] = [];
      let kernels: string[] = [];
      const profile = await tf.profile(async () => { losses.push((await model.trainOnBatch(x, y) as number[])[0]!); });
      kernels = profile.kernelNames;
      for (let step = 1; step < 8; step++) losses.push((await model.trainOnBatch(x, y) as number[])[0]!);
      // An epoch's small last batch: A·Bᵀ of the second layer's gradient (8×16 · (16×16)ᵀ) is then
      // cheaper as (B·Aᵀ)ᵀ, the branch real training reaches with its last batch.
      for (const key of Object.keys(productBranches) as Array<keyof typeof productBranches>) productBranches[key] = 0;
      losses.push((await model.trainOnBatch(lastX, lastY) as number[])[0]!);
      const branches = { ...productBranches };
      end();
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.optimizer.dispose();
      model.dispose();
      return { losses, weights, kernels, branches };
    };
    const stock = await run('stock');
    const fast = await run('fast');
    // The fast run went through the one-pass Adam kernel, the stock run did not.
    expect(fast.kernels).toContain('CourseAdamUpdate');
    expect(stock.kernels).not.toContain('CourseAdamUpdate');
    // …and skipped one matrix product: the gradient with respect to the input images.
    const products = (kernels: string[]) => kernels.filter((name) => name === 'BatchMatMul' || name === '_FusedMatMul').length;
    expect(products(fast.kernels)).toBe(products(stock.kernels) - 1);
    // The small last batch took the (B·Aᵀ)ᵀ branch where products go through transposes + stock.
    if (productPath === 'transposes + stock') expect(fast.branches.transposedProduct).toBeGreaterThan(0);
    else expect(fast.branches.courseKernel).toBeGreaterThan(0);
    // Observed: losses within 1.45e-6, weights within 3.0e-6 after 8 steps of lr 0.01 and the last batch.
    expectClose(fast.losses, stock.losses, 2e-6);
    fast.weights.forEach((values, i) => expectClose(values, stock.weights[i]!, 4e-6));
    // The steps changed the weights: equal results are not two untouched models.
    expect(stock.losses[7]).toBeLessThan(stock.losses[0]!);
    tf.dispose([x, y, lastX, lastY]);
  });
});

describe('createBatcher on wasm', () => {
  it('writes each batch straight into its own tensor, pixels as byte / 255', () => {
    const pixels = Uint8Array.from({ length: 4 * 12 }, (_, i) => i * 5);
    const set = new ImageSet(2, pixels, Uint8Array.of(0, 1, 0, 1), ['a', 'b', 'c', 'd']);
    const batch = createBatcher(set, 2);
    const first = batch([0, 1]);
    const second = batch([3]);
    expect(Array.from(first.xs.dataSync().slice(0, 3))).toEqual([0, 5 / 255, 10 / 255].map(Math.fround));
    expect(second.xs.shape).toEqual([1, 12]);
    expect(second.xs.dataSync()[0]).toBeCloseTo((36 * 5) / 255, 6);
    expect(Array.from(second.ys.dataSync())).toEqual([1]);
    expect(() => batch([0, 1, 2])).toThrow(/larger than the batcher's 2/);
    tf.dispose([first.xs, first.ys, second.xs, second.ys]);
  });
});

describe('training runs on the fast path', () => {
  it('leave the tensor count flat across 10 consecutive runs', async () => {
    setTrainingPath('fast');
    const random = createRandom(5);
    const count = 64;
    const pixels = Uint8Array.from({ length: count * 4 * 4 * 3 }, () => Math.floor(random.next() * 256));
    const data = new ImageSet(4, pixels, Uint8Array.from({ length: count }, (_, i) => i % 2), Array.from({ length: count }, (_, i) => `${i}`));
    const counts: number[] = [];
    for (let run = 0; run < 10; run++) {
      const model = articleModel('mlp + batch norm + dropout', data.featureCount);
      await train(model, data, { epochs: 2, batchSize: 16, validation: data });
      model.optimizer.dispose();
      model.dispose();
      counts.push(tf.memory().numTensors);
    }
    expect(new Set(counts).size).toBe(1);
  });
});
