import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readBackendRequest } from './backendRequest';
import { setTrainingPath, trainingSetup, type TrainingPath } from '../ml/fast';
import type { KernelStatus } from '../ml/fast/courseKernels';
import { startCourseKernels } from './courseKernelsLoader';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export interface BackendInfo {
  name: string;
  reason: string;
  crossOriginIsolated: boolean;
  /** "fast": the course's kernels (wasm only); "stock": plain TF.js. `?training=stock` in the address forces stock. */
  trainingPath: TrainingPath;
  /** `?backend=` named no backend of this page: what it asked for and what there is. */
  unknownRequest?: { requested: string; available: string[] };
  /** The course kernels' threads on wasm (see courseKernelsLoader.ts); absent on other backends. */
  kernels?: KernelStatus;
}

let ready: Promise<BackendInfo> | undefined;

/**
 * TF.js with the backend that trains fastest on this device: WebGL on a real GPU,
 * wasm (SIMD, threads when the page is cross-origin isolated) otherwise. `?backend=`
 * in the page address overrides the choice. The wasm files are the site's own.
 */
export function tensorflow(): Promise<typeof tf> {
  return initBackend().then(() => tf);
}

export function initBackend(): Promise<BackendInfo> {
  ready ??= (async () => {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
    });
    const params = new URLSearchParams(location.search);
    const training = params.get('training');
    if (training === 'stock' || training === 'fast') setTrainingPath(training);
    const request = readBackendRequest(params.get('backend'), Object.keys(tf.engine().registryFactory));
    const [preferred, reason] = request.kind === 'known' ? [request.name, 'chosen in the page address'] : chooseBackend();
    const unknownRequest = request.kind === 'unknown' ? { requested: request.requested, available: request.available } : undefined;
    let name = preferred;
    if (!(await tf.setBackend(preferred))) {
      name = 'cpu';
      await tf.setBackend('cpu');
    }
    await tf.ready();
    const why = name === preferred ? reason : `${preferred} failed to start`;
    const kernels = name === 'wasm' ? await startCourseKernels() : undefined;
    return {
      name,
      reason: unknownRequest ? `?backend=${unknownRequest.requested} is not a backend here; ${why}` : why,
      unknownRequest,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
      trainingPath: trainingSetup().path,
      kernels,
    };
  })();
  // A start that failed (its code could not be fetched) is tried again by the next run.
  ready.catch(() => { ready = undefined; });
  return ready;
}

/** One line for the reader: which backend trains, why, with what, and which training path. */
export function describeBackend(info: BackendInfo): string {
  let details = info.reason;
  if (info.name === 'wasm') {
    const threads = getThreadsCount();
    // TF.js 4.22 starts half as many threads as cores (one on two cores) and ignores setThreadsCount (tfjs#8513).
    details += info.crossOriginIsolated ? `, threads available, TF.js uses ${threads}` : ', single-threaded: page not cross-origin isolated';
  }
  let path = 'stock TF.js';
  if (info.trainingPath === 'fast') {
    const kernels = info.kernels;
    path = !kernels || kernels.unavailable
      ? `course kernels (transposes only: ${kernels?.singleThreadedBecause ?? 'not started'})`
      : kernels.threads > 1 ? `course kernels on ${kernels.threads} threads` : `course kernels, single-threaded: ${kernels.singleThreadedBecause}`;
  }
  return `TensorFlow.js backend: ${info.name} (${details}) · training path: ${path}`;
}

function chooseBackend(): [string, string] {
  const renderer = webglRenderer();
  if (renderer && !/swiftshader|llvmpipe|software|basic render/i.test(renderer)) return ['webgl', `GPU: ${renderer}`];
  return ['wasm', renderer ? `no GPU (WebGL is software: ${renderer})` : 'no WebGL'];
}

/** The WebGL renderer's name (e.g. a GPU, or SwiftShader when there is none). */
export function webglRenderer(): string | undefined {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return undefined;
  }
}
