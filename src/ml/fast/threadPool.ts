import { CHUNKS, CLOSED, CONTROL_INTS, DONE, ERROR, MAX_THREADS, NEXT, OP, Op, PARAMS, SEQ, TAKEN, runChunks, type KernelExports } from './kernelJobs';
import type { KernelWorkerInit } from './kernelWorker';

/** What the pool needs of a worker: the browser's Worker, or an adapter around Node's worker_threads in tests. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** A job that waits longer than this for a worker's chunk means the worker is gone. */
const STALL_MS = 60_000;

/**
 * The page's side of the kernel threads. `run` publishes a job on the control block, wakes the
 * workers, takes chunks itself and then spins until every chunk is done (the page's thread may
 * not block on Atomics.wait). Without workers, or for one chunk, it just runs the chunks.
 */
export class KernelPool {
  readonly control: Int32Array;
  private seq = 0;
  private workers: WorkerLike[] = [];
  private readyCount = 0;
  private failure: string | undefined;

  constructor(private readonly kernels: KernelExports) {
    // A page that is not cross-origin isolated has no SharedArrayBuffer, and no workers to share with.
    this.control = new Int32Array(typeof SharedArrayBuffer === 'undefined' ? new ArrayBuffer(CONTROL_INTS * 4) : new SharedArrayBuffer(CONTROL_INTS * 4));
  }

  /** Starts `count` workers on `memory` (a shared WebAssembly.Memory); resolves when all are waiting for jobs. */
  start(count: number, module: WebAssembly.Module, memory: WebAssembly.Memory, createWorker: () => WorkerLike): Promise<void> {
    if (count + 1 > MAX_THREADS) throw new Error(`${count} kernel workers asked for, at most ${MAX_THREADS - 1} supported`);
    const started = Array.from({ length: count }, (_, i) => new Promise<void>((resolve, reject) => {
      const worker = createWorker();
      worker.onmessage = ({ data }) => {
        const message = data as { ready?: boolean; error?: string };
        if (message.ready) {
          this.readyCount++;
          resolve();
        } else {
          this.failure = message.error ?? 'unknown error';
          reject(new Error(`kernel worker ${i + 1} failed to start: ${this.failure}`));
        }
      };
      const init: KernelWorkerInit = { module, memory, control: this.control.buffer as SharedArrayBuffer, thread: i + 1 };
      worker.postMessage(init);
      this.workers.push(worker);
    }));
    return Promise.all(started).then(() => {});
  }

  /** Threads that take part in each job: the page's own plus every worker that started. */
  get threads(): number {
    return 1 + this.readyCount;
  }

  /** Chunks each thread has taken since the pool started (the page's thread first). */
  chunksTaken(): number[] {
    return Array.from({ length: this.threads }, (_, i) => Atomics.load(this.control, TAKEN + i));
  }

  /** Why a worker did not start, if one did not. */
  get startError(): string | undefined {
    return this.failure;
  }

  /** Runs `chunks` chunks of a job (params as in kernelJobs.ts), using every thread; throws when a chunk failed. */
  run(op: Op, params: readonly number[], chunks: number, floatParams: readonly number[] = []): void {
    const control = this.control;
    if (chunks > CLOSED - 1) throw new Error(`too many chunks (${chunks}) for one kernel job`);
    control[OP] = op;
    control[CHUNKS] = chunks;
    params.forEach((value, i) => { control[PARAMS + i] = value; });
    // Float parameters follow the integer ones, as float32 bits in the same slots.
    new Float32Array(control.buffer, (PARAMS + params.length) * 4, floatParams.length).set(floatParams);
    Atomics.store(control, DONE, 0);
    Atomics.store(control, ERROR, 0);
    this.seq = (this.seq + 1) & 0xffff;
    Atomics.store(control, NEXT, this.seq << 16);
    if (this.readyCount > 0 && chunks > 1) {
      Atomics.store(control, SEQ, this.seq);
      Atomics.notify(control, SEQ);
    }
    runChunks(control, this.kernels, this.seq, 0);
    const started = performance.now();
    while (Atomics.load(control, DONE) < chunks) {
      if (performance.now() - started > STALL_MS) throw new Error(`a kernel worker did not finish its part of a job in ${STALL_MS / 1000} s`);
    }
    Atomics.store(control, NEXT, (this.seq << 16) | CLOSED);
    if (Atomics.load(control, ERROR)) throw new Error('a course kernel failed (see the console)');
  }

  /** Ends the workers. */
  stop(): void {
    Atomics.store(this.control, OP, Op.Stop);
    Atomics.add(this.control, SEQ, 1);
    Atomics.notify(this.control, SEQ);
    this.workers.forEach((worker) => worker.terminate());
    this.workers = [];
    this.readyCount = 0;
  }
}
