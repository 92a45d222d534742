import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import plainUrl from '../ml/fast/kernels/kernels.wasm?url';
import sharedUrl from '../ml/fast/kernels/kernels-shared.wasm?url';
import { CourseKernels, type KernelStatus } from '../ml/fast/courseKernels';
import type { WorkerLike } from '../ml/fast/threadPool';
import { activeCourseKernels, setCourseKernels } from '../ml/fast/wasmKernels';

let binaries: Promise<{ plain: WebAssembly.Module; shared: WebAssembly.Module }> | undefined;

/**
 * Starts the course's wasm kernels on the current wasm backend (once per backend instance: a
 * backend restarted after running out of memory gets new ones): fetches and compiles the two
 * builds, instantiates the one matching TF.js's memory, and starts one kernel worker per extra
 * core when that memory is shared. `threads` overrides the count (the benchmark's scaling runs).
 * Resolves to what the backend line reports; never rejects (training then uses transposes + stock).
 */
export async function startCourseKernels({ threads }: { threads?: number } = {}): Promise<KernelStatus> {
  try {
    const backend = tf.backend() as BackendWasm;
    const current = activeCourseKernels();
    const memory = (backend.wasm as unknown as { wasmMemory?: WebAssembly.Memory; asm?: { memory?: WebAssembly.Memory } });
    if (current && current.memory === (memory.wasmMemory ?? memory.asm?.memory) && (threads === undefined || current.status().threads === threads)) return current.status();
    binaries ??= Promise.all([plainUrl, sharedUrl].map(async (url) => WebAssembly.compile(await (await fetch(url)).arrayBuffer())))
      .then(([plain, shared]) => ({ plain: plain!, shared: shared! }));
    const kernels = await CourseKernels.create(backend, await binaries, {
      threads,
      createWorker: () => new Worker(new URL('../ml/fast/kernelWorker.ts', import.meta.url), { type: 'module', name: 'course kernels' }) as unknown as WorkerLike,
    });
    current?.stop();
    setCourseKernels(kernels);
    return kernels.status();
  } catch (error) {
    binaries = undefined;
    setCourseKernels(undefined);
    return { threads: 1, singleThreadedBecause: `course kernels unavailable (${error instanceof Error ? error.message : String(error)})`, unavailable: true };
  }
}
