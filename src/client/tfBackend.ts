import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export interface BackendInfo {
  name: string;
  reason: string;
  crossOriginIsolated: boolean;
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
    const requested = new URLSearchParams(location.search).get('backend');
    const [preferred, reason] = requested ? [requested, 'chosen in the page address'] : chooseBackend();
    let name = preferred;
    if (!(await tf.setBackend(preferred))) {
      name = 'cpu';
      await tf.setBackend('cpu');
    }
    await tf.ready();
    return { name, reason: name === preferred ? reason : `${preferred} failed to start`, crossOriginIsolated: globalThis.crossOriginIsolated === true };
  })();
  return ready;
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
