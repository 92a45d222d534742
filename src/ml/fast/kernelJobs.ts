/**
 * The jobs the course's wasm kernels run, cut into chunks that any thread can take: the page's
 * thread and the kernel workers all call `runChunks` on the same control block, so a worker
 * that wakes late (the machine is busy) just takes fewer chunks. Shared by threadPool.ts (the
 * page's side) and kernelWorker.ts.
 */

/** The exports of assembly/kernels.ts (pointers are byte offsets into TF.js's memory). */
export interface KernelExports {
  gemm(a: number, b: number, c: number, n: number, k: number, aRow: number, aCol: number, bRow: number, bCol: number, rowStart: number, rowEnd: number, scratch: number): void;
  gemmScratchBytes(): number;
  transpose(source: number, target: number, rows: number, cols: number, rowStart: number, rowEnd: number): void;
  adam(value: number, gradient: number, first: number, second: number, outValue: number, outFirst: number, outSecond: number, start: number, end: number,
    stepSize: number, rootCorrection: number, beta1: number, beta2: number, epsilon: number): void;
}

export const enum Op { Gemm = 1, Transpose = 2, Adam = 3, Stop = 99 }

// Layout of the control block (an Int32Array over a SharedArrayBuffer).
export const SEQ = 0; // job number (16 bits), what workers wait on
export const NEXT = 1; // (job number << 16) | next chunk to take; 0xffff closes the job
export const DONE = 2; // chunks finished
export const ERROR = 3; // 1 when a chunk threw
export const OP = 4;
export const CHUNKS = 5;
export const PARAMS = 8;
export const TAKEN = 24; // chunks each thread took (thread 0 = the page's), since the pool started
export const MAX_THREADS = 16;
export const CONTROL_INTS = TAKEN + MAX_THREADS;
export const CLOSED = 0xffff;

/** Takes and runs chunks of job `seq` until none is left (or the job is not `seq` any more). */
export function runChunks(control: Int32Array, kernels: KernelExports, seq: number, thread: number): void {
  for (;;) {
    const next = Atomics.load(control, NEXT);
    if (next >>> 16 !== seq) return;
    const chunk = next & 0xffff;
    if (chunk >= Atomics.load(control, CHUNKS)) return;
    if (Atomics.compareExchange(control, NEXT, next, next + 1) !== next) continue;
    // The job cannot change before this chunk is marked done, so its parameters are stable.
    try {
      runChunk(control, kernels, chunk, thread);
    } catch (error) {
      Atomics.store(control, ERROR, 1);
      console.error('course kernel chunk failed', error);
    }
    Atomics.add(control, TAKEN + thread, 1);
    Atomics.add(control, DONE, 1);
  }
}

function runChunk(control: Int32Array, kernels: KernelExports, chunk: number, thread: number): void {
  const p = (i: number) => control[PARAMS + i]!;
  switch (control[OP]) {
    case Op.Gemm: {
      // a, b, c, n, k, aRow, aCol, bRow, bCol, rows, chunkRows, scratchBase, scratchStride
      const start = chunk * p(10);
      kernels.gemm(p(0), p(1), p(2), p(3), p(4), p(5), p(6), p(7), p(8), start, Math.min(p(9), start + p(10)), p(11) + thread * p(12));
      break;
    }
    case Op.Transpose: {
      // source, target, rows, cols, chunkRows
      const start = chunk * p(4);
      kernels.transpose(p(0), p(1), p(2), p(3), start, Math.min(p(2), start + p(4)));
      break;
    }
    case Op.Adam: {
      // value, gradient, first, second, outValue, outFirst, outSecond, length, chunkLength; then as floats
      // (same slots read through a Float32Array) stepSize, rootCorrection, beta1, beta2, epsilon
      const floats = new Float32Array(control.buffer, (PARAMS + 9) * 4, 5);
      const start = chunk * p(8);
      kernels.adam(p(0), p(1), p(2), p(3), p(4), p(5), p(6), start, Math.min(p(7), start + p(8)), floats[0]!, floats[1]!, floats[2]!, floats[3]!, floats[4]!);
      break;
    }
    default:
      throw new Error(`unknown kernel job ${control[OP]}`);
  }
}
