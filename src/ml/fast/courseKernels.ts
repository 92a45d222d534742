import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { Op, type KernelExports } from './kernelJobs';
import { KernelPool, type WorkerLike } from './threadPool';

/**
 * The course's wasm kernels (assembly/), instantiated on TF.js's own wasm memory so they work on
 * tensors where they lie, and their threads. TF.js's threaded build (cross-origin isolated pages)
 * has a shared memory: kernel workers instantiate the same module on it and take chunks of each
 * product. Otherwise the kernels run on the page's thread alone.
 */
export interface KernelBinaries {
  /** The build importing a plain memory (kernels.wasm). */
  plain: WebAssembly.Module;
  /** The build importing a shared memory (kernels-shared.wasm). */
  shared: WebAssembly.Module;
}

export interface ThreadingOptions {
  /** Threads wanted in all, the page's own included (navigator.hardwareConcurrency by default). */
  threads?: number;
  createWorker?: () => WorkerLike;
}

interface WasmModule {
  wasmMemory?: WebAssembly.Memory;
  asm?: { memory?: WebAssembly.Memory };
  _malloc(bytes: number): number;
  _free(pointer: number): void;
}

export interface KernelStatus {
  /** Threads that take part in a product. */
  threads: number;
  /** Why there is only one, when there is. */
  singleThreadedBecause?: string;
  /** The kernels did not start: products go through transposes and the stock kernel. */
  unavailable?: boolean;
}

// Products below this many multiply-adds run on the page's thread alone: waking workers costs more.
const THREADED_MIN_MACS = 4_000_000;
// Rows per chunk: enough that packing B again per chunk stays a small part of the work.
const MIN_CHUNK_ROWS = 32;

export class CourseKernels {
  private failed: string | undefined;

  private constructor(
    readonly memory: WebAssembly.Memory,
    private readonly kernels: KernelExports,
    private readonly pool: KernelPool,
    private readonly scratch: number,
    private readonly scratchStride: number,
    private readonly reason: string | undefined,
    private readonly wasm: WasmModule,
  ) {}

  /** Instantiates the kernels on the TF.js wasm backend's memory and, when it is shared, starts the workers. */
  static async create(backend: BackendWasm, binaries: KernelBinaries, { threads, createWorker }: ThreadingOptions = {}): Promise<CourseKernels> {
    const wasm = backend.wasm as unknown as WasmModule;
    const memory = wasm.wasmMemory ?? wasm.asm?.memory;
    if (!memory) throw new Error('the TF.js wasm backend exposes no memory to run the course kernels on');
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const module = shared ? binaries.shared : binaries.plain;
    const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
    const wanted = Math.max(1, Math.min(16, Math.floor(threads ?? globalThis.navigator?.hardwareConcurrency ?? 1)));
    let reason: string | undefined;
    if (!shared) reason = globalThis.crossOriginIsolated === false ? 'page not cross-origin isolated' : 'TF.js runs its single-threaded build';
    else if (wanted === 1) reason = 'one core';
    else if (!createWorker) reason = 'no workers';
    const workerCount = reason ? 0 : wanted - 1;
    const stride = kernels.gemmScratchBytes();
    // Scratch for every thread, from TF.js's own allocator, kept for the life of the backend.
    const scratch = wasm._malloc(stride * (workerCount + 1));
    const pool = new KernelPool(kernels);
    const result = new CourseKernels(memory, kernels, pool, scratch, stride, reason, wasm);
    if (workerCount > 0) {
      try {
        await pool.start(workerCount, module, memory, createWorker!);
      } catch (error) {
        pool.stop();
        result.failed = error instanceof Error ? error.message : String(error);
      }
    }
    return result;
  }

  status(): KernelStatus {
    const threads = this.pool.threads;
    return threads > 1 ? { threads } : { threads, singleThreadedBecause: this.failed ?? this.reason ?? 'no worker started' };
  }

  /** Chunks of products each thread has taken (the page's thread first). */
  chunksTakenByThread(): number[] {
    return this.pool.chunksTaken();
  }

  /**
   * C = op(A)·op(B) for float32 matrices already in the wasm memory (byte offsets), C row-major
   * m×n. A is m×k (or k×m when transposed), B is k×n (or n×k).
   */
  matMul(a: number, b: number, c: number, m: number, n: number, k: number, transposeA: boolean, transposeB: boolean): void {
    const [aRow, aCol] = transposeA ? [1, m] : [k, 1];
    const [bRow, bCol] = transposeB ? [1, k] : [n, 1];
    const threads = this.pool.threads;
    const macs = m * n * k;
    const chunkRows = threads === 1 || macs < THREADED_MIN_MACS
      ? m
      : Math.max(MIN_CHUNK_ROWS, Math.ceil(m / (3 * threads) / 4) * 4);
    this.pool.run(Op.Gemm, [a, b, c, n, k, aRow, aCol, bRow, bCol, m, chunkRows, this.scratch, this.scratchStride], Math.ceil(m / chunkRows));
  }

  /** One Adam step over `length` floats (see assembly/adam.ts): value, gradient and moments in, three outputs. */
  adam(pointers: readonly [number, number, number, number, number, number, number], length: number, { stepSize, rootCorrection, beta1, beta2, epsilon }: { stepSize: number; rootCorrection: number; beta1: number; beta2: number; epsilon: number }): void {
    const threads = this.pool.threads;
    // Memory-bound: split only large variables, in chunks of whole cache lines.
    const chunkLength = threads === 1 || length < 65_536 ? length : Math.ceil(length / (2 * threads) / 16) * 16;
    this.pool.run(Op.Adam, [...pointers, length, chunkLength], Math.ceil(length / chunkLength), [stepSize, rootCorrection, beta1, beta2, epsilon]);
  }

  /** Writes the transpose of the rows×cols matrix at `source` to `target`. */
  transpose(source: number, target: number, rows: number, cols: number): void {
    const threads = this.pool.threads;
    const chunkRows = threads === 1 || rows * cols < THREADED_MIN_MACS / 16 ? rows : Math.max(16, Math.ceil(rows / (2 * threads) / 16) * 16);
    this.pool.run(Op.Transpose, [source, target, rows, cols, chunkRows], Math.ceil(rows / chunkRows));
  }

  /** Ends the workers and gives the scratch memory back to TF.js. */
  stop(): void {
    this.pool.stop();
    this.wasm._free(this.scratch);
  }
}

/** Byte offset of a tensor's values in the wasm memory. */
export function heapOffset(backend: BackendWasm, info: tf.TensorInfo): number {
  return backend.typedArrayFromHeap(info).byteOffset;
}
