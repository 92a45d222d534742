import { parentPort } from 'node:worker_threads';
import { serveKernelJobs, type KernelWorkerInit } from '../../src/ml/fast/kernelWorker';

// kernelWorker.ts in a Node worker thread, for the thread pool's unit tests.
parentPort!.once('message', (init: KernelWorkerInit) => {
  serveKernelJobs(init, () => parentPort!.postMessage({ ready: true }));
});
