/// <reference lib="webworker" />
import { Op, OP, SEQ, runChunks, type KernelExports } from './kernelJobs';

/**
 * A kernel worker: instantiates the kernels on the shared TF.js memory it is sent, then waits
 * for jobs on the control block and takes chunks of each (see kernelJobs.ts). It never returns
 * to its event loop; the pool ends it with terminate().
 */
export interface KernelWorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
  thread: number;
}

export function serveKernelJobs({ module, memory, control: buffer, thread }: KernelWorkerInit, ready: () => void): void {
  const kernels = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  const control = new Int32Array(buffer);
  let seen = Atomics.load(control, SEQ);
  ready();
  runChunks(control, kernels, seen, thread); // a job may already be running
  for (;;) {
    Atomics.wait(control, SEQ, seen);
    seen = Atomics.load(control, SEQ);
    if (Atomics.load(control, OP) === Op.Stop) return;
    runChunks(control, kernels, seen, thread);
  }
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = (event: MessageEvent<KernelWorkerInit>) => {
    try {
      serveKernelJobs(event.data, () => self.postMessage({ ready: true }));
    } catch (error) {
      self.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  };
}
