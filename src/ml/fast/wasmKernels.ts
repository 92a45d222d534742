import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { transposeInto } from './transpose';
import { adamUpdate, type AdamHyperparameters } from './adamUpdate';
import { heapOffset, type CourseKernels } from './courseKernels';

/** The kernel the fast Adam step runs: one pass over value, gradient and both moments. */
export const ADAM_UPDATE_KERNEL = 'CourseAdamUpdate';

type KernelArgs = { inputs: Record<string, tf.TensorInfo>; backend: BackendWasm; attrs: Record<string, unknown> };
type KernelFunc = (args: KernelArgs) => tf.TensorInfo | tf.TensorInfo[];

let stockBatchMatMul: tf.KernelConfig | undefined;
let courseKernels: CourseKernels | undefined;

/** Which way each product went, counted since the last reset (the benchmark's profile reports it). */
export const productBranches = { courseKernel: 0, stock: 0, transposedThenStock: 0, transposedProduct: 0 };

/** Makes BatchMatMul use the course's SIMD (and threaded) kernels; `undefined` goes back to transposes + stock. */
export function setCourseKernels(kernels: CourseKernels | undefined): void {
  courseKernels = kernels;
}

export function activeCourseKernels(): CourseKernels | undefined {
  return courseKernels;
}

/**
 * Registers the course's kernels on the wasm backend:
 *
 * - BatchMatMul. Stock TF.js hands `transposeA`/`transposeB` to a plain C++ loop instead of
 *   XNNPACK; the backward pass of every Dense layer asks for exactly those products (xᵀ·dy for
 *   the weights, dy·Wᵀ for the layer below), so they cost ~25× the forward product. With the
 *   course kernels (courseKernels.ts) every single-matrix product goes to a SIMD kernel that
 *   reads either operand transposed and splits the rows of C across threads. Without them (or
 *   for batches of matrices) the operand is transposed first (a tiled copy on the wasm heap)
 *   and the product goes to the stock kernel's fast path: same numbers, other order.
 * - CourseAdamUpdate: the Adam step of one variable in a single pass (see fastAdam.ts).
 *
 * Idempotent; `unregisterWasmKernels` puts the stock BatchMatMul back.
 */
export function registerWasmKernels(): void {
  if (stockBatchMatMul) return;
  const stock = tf.getKernel(tf.BatchMatMul, 'wasm');
  if (!stock) throw new Error('the wasm backend is not registered: import @tensorflow/tfjs-backend-wasm first');
  stockBatchMatMul = stock;
  const stockKernel = stock.kernelFunc as unknown as KernelFunc;
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel({
    kernelName: tf.BatchMatMul,
    backendName: 'wasm',
    // The stock setup binds the C++ function the stock kernel calls; keep it for backend restarts.
    setupFunc: stock.setupFunc,
    kernelFunc: ((args: KernelArgs) => batchMatMul(args, stockKernel)) as unknown as tf.KernelFunc,
  });
  if (!tf.getKernel(ADAM_UPDATE_KERNEL, 'wasm')) {
    tf.registerKernel({ kernelName: ADAM_UPDATE_KERNEL, backendName: 'wasm', kernelFunc: adamUpdateKernel as unknown as tf.KernelFunc });
  }
}

export function unregisterWasmKernels(): void {
  if (!stockBatchMatMul) return;
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel(stockBatchMatMul);
  stockBatchMatMul = undefined;
}

function batchMatMul(args: KernelArgs, stockKernel: KernelFunc): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const transposeA = attrs.transposeA === true;
  const transposeB = attrs.transposeB === true;
  const a = inputs.a!;
  const b = inputs.b!;
  if (courseKernels && canUseCourseKernel(backend, a, b)) {
    productBranches.courseKernel++;
    return courseKernelProduct(courseKernels, backend, a, b, transposeA, transposeB);
  }
  if (!transposeA && !transposeB) {
    productBranches.stock++;
    return stockKernel(args) as tf.TensorInfo;
  }
  const temporaries: tf.TensorInfo[] = [];
  const plain = (left: tf.TensorInfo, right: tf.TensorInfo) =>
    stockKernel({ inputs: { a: left, b: right }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } }) as tf.TensorInfo;
  try {
    if (!transposeA && preferTransposedProduct(a, b)) {
      // A·Bᵀ with a large B (dy·Wᵀ of a wide first layer): (B·Aᵀ)ᵀ moves only A and the output;
      // the stock kernel would otherwise repack all of B as it copies it.
      productBranches.transposedProduct++;
      const product = plain(b, transposed(backend, a, temporaries));
      temporaries.push(product);
      const result = transposed(backend, product, []);
      return result;
    }
    productBranches.transposedThenStock++;
    return plain(transposeA ? transposed(backend, a, temporaries) : a, transposeB ? transposed(backend, b, temporaries) : b);
  } finally {
    temporaries.forEach((info) => backend.disposeData(info.dataId));
  }
}

const batchOf = (info: tf.TensorInfo) => info.shape.slice(0, -2).reduce((product, n) => product * n, 1);

function canUseCourseKernel(backend: BackendWasm, a: tf.TensorInfo, b: tf.TensorInfo): boolean {
  return courseKernels!.memory === memoryOf(backend) &&
    a.dtype === 'float32' && b.dtype === 'float32' && batchOf(a) === 1 && batchOf(b) === 1 &&
    a.shape.every((n) => n > 0) && b.shape.every((n) => n > 0);
}

/** op(A)·op(B) of single matrices by the course kernel, into a new output. */
function courseKernelProduct(kernels: CourseKernels, backend: BackendWasm, a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): tf.TensorInfo {
  const [aRows, aCols] = a.shape.slice(-2) as [number, number];
  const [bRows, bCols] = b.shape.slice(-2) as [number, number];
  const [m, k] = transposeA ? [aCols, aRows] : [aRows, aCols];
  const [kb, n] = transposeB ? [bCols, bRows] : [bRows, bCols];
  if (k !== kb) throw new Error(`matMul: inner dimensions differ (${k} and ${kb}) for shapes [${a.shape}] and [${b.shape}]`);
  const leading = (a.shape.length >= b.shape.length ? a.shape : b.shape).slice(0, -2);
  const output = backend.makeOutput([...leading, m, n], 'float32');
  // Offsets are read after the allocation: the heap may have grown (the offsets stay valid).
  kernels.matMul(heapOffset(backend, a), heapOffset(backend, b), heapOffset(backend, output), m, n, k, transposeA, transposeB);
  return output;
}

/** For A·Bᵀ of single matrices: whether computing (B·Aᵀ)ᵀ copies fewer floats (the stock path copies B twice). */
function preferTransposedProduct(a: tf.TensorInfo, b: tf.TensorInfo): boolean {
  if (batchOf(a) !== 1 || batchOf(b) !== 1) return false;
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = b.shape.at(-2)!;
  return 2 * n * k > 2 * m * k + m * n;
}

/** A copy of `input` with its last two axes swapped, written straight into wasm memory. */
function transposed(backend: BackendWasm, input: tf.TensorInfo, temporaries: tf.TensorInfo[]): tf.TensorInfo {
  const shape = input.shape;
  const rows = shape.at(-2)!;
  const cols = shape.at(-1)!;
  const batch = shape.slice(0, -2).reduce((product, n) => product * n, 1);
  const output = backend.makeOutput([...shape.slice(0, -2), cols, rows], 'float32');
  temporaries.push(output);
  // Views are taken after the allocation: a growing heap replaces the underlying buffer.
  transposeInto(backend.typedArrayFromHeap(input) as Float32Array, backend.typedArrayFromHeap(output) as Float32Array, batch, rows, cols);
  return output;
}

function adamUpdateKernel({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const { value, gradient, firstMoment, secondMoment } = inputs as Record<'value' | 'gradient' | 'firstMoment' | 'secondMoment', tf.TensorInfo>;
  const outputs = [value, firstMoment, secondMoment].map((input) => backend.makeOutput(input.shape, 'float32'));
  const hyper = attrs as unknown as AdamHyperparameters;
  if (courseKernels && courseKernels.memory === memoryOf(backend)) {
    // float32 SIMD on every thread, as stock TF.js computes it (in float32); the JavaScript pass below uses doubles.
    const pointer = (info: tf.TensorInfo) => heapOffset(backend, info);
    courseKernels.adam([pointer(value), pointer(gradient), pointer(firstMoment), pointer(secondMoment), pointer(outputs[0]!), pointer(outputs[1]!), pointer(outputs[2]!)], tf.util.sizeFromShape(value.shape), {
      stepSize: hyper.learningRate / hyper.biasCorrection1, rootCorrection: 1 / Math.sqrt(hyper.biasCorrection2), beta1: hyper.beta1, beta2: hyper.beta2, epsilon: hyper.epsilon,
    });
    return outputs;
  }
  const view = (info: tf.TensorInfo) => backend.typedArrayFromHeap(info) as Float32Array;
  adamUpdate(view(value), view(gradient), view(firstMoment), view(secondMoment), { value: view(outputs[0]!), firstMoment: view(outputs[1]!), secondMoment: view(outputs[2]!) }, hyper);
  return outputs;
}

function memoryOf(backend: BackendWasm): WebAssembly.Memory | undefined {
  const wasm = backend.wasm as unknown as { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } };
  return wasm.wasmMemory ?? wasm.asm?.memory;
}
