import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { KernelPool, type WorkerLike } from '../../src/ml/fast/threadPool';
import { Op, type KernelExports } from '../../src/ml/fast/kernelJobs';
import { createRandom } from '../../src/lib/random';
import { kernelBinaries } from './kernelBinaries';

// The kernel threads on a shared memory of their own (TF.js runs single-threaded in Node):
// the page's thread and Node worker threads running kernelWorker.ts take chunks of one product.

function nodeWorker(): WorkerLike {
  // Node runs no TypeScript by itself: the worker registers tsx, then loads the TypeScript entry.
  const entry = JSON.stringify(new URL('./nodeKernelWorker.ts', import.meta.url).href);
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`, { eval: true });
  const adapter: WorkerLike = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => { void worker.terminate(); },
    onmessage: null,
  };
  worker.on('message', (data) => adapter.onmessage?.({ data }));
  worker.on('error', (error: Error) => adapter.onmessage?.({ data: { error: error.message } }));
  return adapter;
}

const memory = new WebAssembly.Memory({ initial: 256, maximum: 65536, shared: true });
const kernels = new WebAssembly.Instance(kernelBinaries().shared, { env: { memory } }).exports as unknown as KernelExports;
const pools: KernelPool[] = [];
afterEach(() => pools.splice(0).forEach((pool) => pool.stop()));

/** Random m×k and k×n matrices at fixed offsets, C after them, scratch for 4 threads last. */
function layout(m: number, n: number, k: number, seed: number) {
  const random = createRandom(seed);
  const a = 64;
  const b = a + m * k * 4;
  const c = b + k * n * 4;
  const scratch = c + m * n * 4;
  const view = new Float32Array(memory.buffer);
  for (let i = 0; i < m * k; i++) view[a / 4 + i] = random.normal(0, 1);
  for (let i = 0; i < k * n; i++) view[b / 4 + i] = random.normal(0, 1);
  return { a, b, c, scratch };
}

function reference(m: number, n: number, k: number, a: number, b: number): Float64Array {
  const view = new Float32Array(memory.buffer);
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let q = 0; q < k; q++) sum += view[a / 4 + i * k + q]! * view[b / 4 + q * n + j]!;
    out[i * n + j] = sum;
  }
  return out;
}

function worstError(m: number, n: number, c: number, expected: Float64Array): number {
  const view = new Float32Array(memory.buffer, c, m * n);
  return expected.reduce((worst, value, i) => Math.max(worst, Math.abs(view[i]! - value) / Math.max(1, Math.abs(value))), 0);
}

describe('KernelPool', () => {
  it('splits a product across the page thread and two workers, with the result of one thread', async () => {
    const [m, n, k] = [203, 100, 2000];
    const { a, b, c, scratch } = layout(m, n, k, 1);
    const pool = new KernelPool(kernels);
    pools.push(pool);
    await pool.start(2, kernelBinaries().shared, memory, nodeWorker);
    expect(pool.threads).toBe(3);
    const expected = reference(m, n, k, a, b);
    const params = (chunkRows: number) => [a, b, c, n, k, k, 1, n, 1, m, chunkRows, scratch, kernels.gemmScratchBytes()];
    pool.run(Op.Gemm, params(m), 1);
    const single = Float32Array.from(new Float32Array(memory.buffer, c, m * n));
    new Float32Array(memory.buffer, c, m * n).fill(Number.NaN);
    // Many small chunks, repeated: every chunk must be taken exactly once by some thread.
    for (let run = 0; run < 20; run++) pool.run(Op.Gemm, params(8), Math.ceil(m / 8));
    expect(worstError(m, n, c, expected)).toBeLessThan(1e-4);
    // Every thread took part (the page's thread also took the single-chunk run).
    const taken = pool.chunksTaken();
    expect(taken.reduce((sum, count) => sum + count, 0)).toBe(1 + 20 * Math.ceil(m / 8));
    expect(taken.every((count) => count > 0)).toBe(true);
    // Rows are independent and each is summed in the same order whichever thread computes it.
    expect(Array.from(new Float32Array(memory.buffer, c, m * n))).toEqual(Array.from(single));
  });

  it('finishes a job alone when no worker has started', () => {
    const [m, n, k] = [40, 24, 33];
    const { a, b, c, scratch } = layout(m, n, k, 2);
    const pool = new KernelPool(kernels);
    pool.run(Op.Gemm, [a, b, c, n, k, k, 1, n, 1, m, 8, scratch, kernels.gemmScratchBytes()], 5);
    expect(pool.threads).toBe(1);
    expect(worstError(m, n, c, reference(m, n, k, a, b))).toBeLessThan(1e-5);
  });

  it('transposes across threads', async () => {
    const pool = new KernelPool(kernels);
    pools.push(pool);
    await pool.start(1, kernelBinaries().shared, memory, nodeWorker);
    const [rows, cols] = [77, 45];
    const source = 64;
    const target = source + rows * cols * 4;
    const view = new Float32Array(memory.buffer);
    for (let i = 0; i < rows * cols; i++) view[source / 4 + i] = i;
    pool.run(Op.Transpose, [source, target, rows, cols, 16], Math.ceil(rows / 16));
    for (const [r, col] of [[0, 0], [76, 44], [13, 7], [40, 0]] as const) expect(view[target / 4 + col * rows + r]).toBe(r * cols + col);
  });

  it('reports a chunk that fails instead of hanging', async () => {
    const pool = new KernelPool(kernels);
    pools.push(pool);
    await pool.start(1, kernelBinaries().shared, memory, nodeWorker);
    // A pointer past the end of the memory makes the kernel trap in whichever thread runs it.
    expect(() => pool.run(Op.Gemm, [2 ** 31 - 64, 64, 64, 8, 8, 8, 1, 8, 1, 64, 8, 64, kernels.gemmScratchBytes()], 8)).toThrow(/course kernel failed/);
  });
});
