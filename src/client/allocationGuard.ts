import { tensorBytes, TensorTooLarge } from '../notebook/errors';
import { formatBytes, formatShape } from '../notebook/format';

/**
 * Makes a tensor too large for the browser fail with its size ("tf.zeros([50000, 50000]) needs
 * 10 GB …") instead of "offset is out of bounds" or, on the wasm backend, a heap written at
 * address 0 that breaks every later cell. Duck-typed, so it is tested without TF.js.
 */

/** The wasm backend's heap limit (emscripten's getHeapMax for TF.js 4.22's builds: 4 GiB less one page). */
export const WASM_HEAP_MAX_BYTES = 4294901760;

// Creation functions whose first argument is the shape, with the position of their dtype argument.
const CREATORS: Record<string, number> = {
  zeros: 1, ones: 1, fill: 2, buffer: 1,
  randomNormal: 3, randomUniform: 3, truncatedNormal: 3, randomGamma: 3, randomStandardNormal: 1,
};

const isShape = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((size) => Number.isInteger(size) && size >= 0);

/**
 * The TF.js module as cells import it: the same module, with the creation functions saying how
 * much memory a shape they could not allocate needed.
 */
export function tensorflowForCells<T extends object>(tf: T): T {
  const cells: Record<string, unknown> = { ...(tf as Record<string, unknown>) };
  for (const [name, dtypeIndex] of Object.entries(CREATORS)) {
    const create = cells[name];
    if (typeof create !== 'function') continue;
    cells[name] = function (this: unknown, ...args: unknown[]) {
      try {
        return create.apply(this, args);
      } catch (error) {
        const shape = args[0];
        if (!isShape(shape) || !(error instanceof RangeError || error instanceof TensorTooLarge)) throw error;
        const dtype = typeof args[dtypeIndex] === 'string' ? (args[dtypeIndex] as string) : 'float32';
        const reason = error instanceof TensorTooLarge ? error.reason : error.message;
        throw new TensorTooLarge(`tf.${name}(${formatShape(shape)})`, shape, dtype, reason);
      }
    };
  }
  return cells as T;
}

interface WasmBackendLike {
  wasm: { _malloc(bytes: number): number };
  move(dataId: object, values: unknown, shape: number[], dtype: string, refCount?: number): void;
}

const guarded = new WeakSet<object>();

/**
 * The wasm backend allocates every tensor in `move`, with a malloc whose 32-bit size wraps
 * around above 4 GB and which returns 0 when the heap cannot grow; TF.js then writes at that
 * offset. Both are refused here before anything is written.
 */
export function guardWasmAllocations(backend: WasmBackendLike): void {
  if (guarded.has(backend)) return;
  guarded.add(backend);
  let request: { what: string; shape: number[]; dtype: string } | undefined;
  const malloc = backend.wasm._malloc.bind(backend.wasm);
  backend.wasm._malloc = (bytes: number) => {
    const offset = malloc(bytes);
    if (offset === 0 && bytes > 0 && request) throw new TensorTooLarge(request.what, request.shape, request.dtype, 'the wasm heap could not grow');
    return offset;
  };
  const move = backend.move.bind(backend);
  backend.move = (dataId, values, shape, dtype, refCount) => {
    if (dtype === 'string') return move(dataId, values, shape, dtype, refCount);
    const what = `a tensor of shape ${formatShape(shape)}`;
    if (tensorBytes(shape, dtype) > WASM_HEAP_MAX_BYTES) throw new TensorTooLarge(what, shape, dtype, `TensorFlow.js's wasm backend holds at most ${formatBytes(WASM_HEAP_MAX_BYTES)}`);
    request = { what, shape, dtype };
    try {
      return move(dataId, values, shape, dtype, refCount);
    } finally {
      request = undefined;
    }
  };
}
