import { describe, expect, it } from 'vitest';
import { guardWasmAllocations, tensorflowForCells, WASM_HEAP_MAX_BYTES } from '../../src/client/allocationGuard';
import { explainOutOfMemory, TensorTooLarge } from '../../src/notebook/errors';
import { formatBytes } from '../../src/notebook/format';
import { locateError } from '../../src/notebook/evaluate';

// Issue 14, item 7: tf.zeros([50000, 50000]) said "offset is out of bounds"; the reader should read
// that the tensor needs 10 GB and the browser gave less.

describe('formatBytes', () => {
  it('writes sizes as a reader reads them', () => {
    expect(formatBytes(1e10)).toBe('10 GB');
    expect(formatBytes(6.4e9)).toBe('6.4 GB');
    expect(formatBytes(4294901760)).toBe('4.3 GB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});

describe('tensorflowForCells', () => {
  const failing = (message: string) => (..._args: unknown[]): never => { throw new RangeError(message); };
  class Tensor {}
  const tf = { zeros: failing('Array buffer allocation failed'), randomNormal: failing('Invalid typed array length: 900000000'), ones: (shape: number[]) => ({ shape }), Tensor, tensor: failing('Array buffer allocation failed') };

  it('says how much a creation function asked for when the allocation fails', () => {
    const cells = tensorflowForCells(tf);
    let caught: unknown;
    try { cells.zeros([50000, 50000]); } catch (error) { caught = error; }
    expect(caught).toBeInstanceOf(TensorTooLarge);
    expect((caught as TensorTooLarge).bytes).toBe(1e10);
    expect((caught as Error).message).toBe('tf.zeros([50000, 50000]) needs 10 GB (2,500,000,000 float32 values), and the browser gave less (Array buffer allocation failed)');
    expect(() => cells.randomNormal([30000, 30000], 0, 1, 'int32')).toThrow('tf.randomNormal([30000, 30000]) needs 3.6 GB (900,000,000 int32 values), and the browser gave less (Invalid typed array length: 900000000)');
  });

  it('leaves everything else as it is', () => {
    const cells = tensorflowForCells(tf);
    expect(cells.ones([2, 3])).toEqual({ shape: [2, 3] });
    expect(cells.Tensor).toBe(Tensor);
    // No shape to read: the original error, unchanged.
    expect(() => cells.tensor([1, 2])).toThrow(RangeError);
  });
});

describe('guardWasmAllocations', () => {
  function fakeWasmBackend({ heapCanGrow = true } = {}) {
    const calls: number[] = [];
    const backend = {
      wasm: { _malloc: (bytes: number) => { calls.push(bytes); return heapCanGrow ? 1024 : 0; } },
      stored: [] as unknown[],
      move(dataId: object, values: unknown, shape: number[], dtype: string) {
        const bytes = shape.reduce((a, b) => a * b, 1) * (dtype === 'bool' ? 1 : 4);
        const offset = this.wasm._malloc(bytes) >>> 0;
        this.stored.push({ dataId, offset });
      },
    };
    return { backend, calls };
  }

  it('refuses a tensor larger than the wasm heap can ever hold, before malloc (whose size would wrap around)', () => {
    const { backend, calls } = fakeWasmBackend();
    guardWasmAllocations(backend);
    let caught: unknown;
    try { backend.move({}, null, [50000, 50000], 'float32'); } catch (error) { caught = error; }
    expect(caught).toBeInstanceOf(TensorTooLarge);
    expect((caught as Error).message).toBe(`a tensor of shape [50000, 50000] needs 10 GB (2,500,000,000 float32 values), and the browser gave less (TensorFlow.js's wasm backend holds at most ${formatBytes(WASM_HEAP_MAX_BYTES)})`);
    expect(calls).toEqual([]);
    expect(backend.stored).toEqual([]);
  });

  it('turns a malloc that returned no memory into the same error instead of writing at address 0', () => {
    const { backend } = fakeWasmBackend({ heapCanGrow: false });
    guardWasmAllocations(backend);
    expect(() => backend.move({}, null, [20000, 20000], 'float32')).toThrow('a tensor of shape [20000, 20000] needs 1.6 GB (400,000,000 float32 values), and the browser gave less (the wasm heap could not grow)');
    expect(backend.stored).toEqual([]);
  });

  it('lets allocations that fit through, once hooked however often it is called', () => {
    const { backend, calls } = fakeWasmBackend();
    guardWasmAllocations(backend);
    guardWasmAllocations(backend);
    backend.move({}, null, [128, 12288], 'float32');
    expect(calls).toEqual([128 * 12288 * 4]);
    expect(backend.stored).toHaveLength(1);
  });
});

describe('the reader reads the size', () => {
  it('explains a TensorTooLarge error as out of memory with its size', () => {
    const error = new TensorTooLarge('tf.zeros([50000, 50000])', [50000, 50000], 'float32', 'Array buffer allocation failed');
    const explained = explainOutOfMemory(locateError(error, '1', 'tf.zeros([50000, 50000])'));
    expect(explained.name).toBe('Out of memory');
    expect(explained.message).toBe('Out of memory: tf.zeros([50000, 50000]) needs 10 GB (2,500,000,000 float32 values), and the browser gave less (Array buffer allocation failed). Try a smaller tensor, batch or image size.');
  });
});
