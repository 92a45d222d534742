import { describe, expect, it } from 'vitest';
import { explainOutOfMemory, isOutOfMemory } from '../../src/notebook/errors';
import { createNotebook } from '../../src/notebook/notebook';

describe('out-of-memory errors', () => {
  it('recognises how the backends say it', () => {
    for (const message of [
      'Invalid typed array length: 15052800000', // cpu / upload of a huge tf.zeros (seen in Chromium)
      'Array buffer allocation failed',
      'Aborted(OOM)',
      'Cannot enlarge memory arrays to size 4294967296 bytes',
      'RuntimeError: memory access out of bounds',
      'Requested texture size [50000x50000] greater than WebGL maximum on this browser / GPU [16384x16384].',
      'Failed to allocate memory for the tensor',
    ]) expect(isOutOfMemory(message), message).toBe(true);
    for (const message of ['x is not defined', 'Error when checking input: expected dense_Dense1_input to have shape [null,12288]']) {
      expect(isOutOfMemory(message), message).toBe(false);
    }
  });

  it('says "Out of memory" and what to try, keeping the location', () => {
    const explained = explainOutOfMemory({ error: null, name: 'RangeError', message: 'Invalid typed array length: 15052800000', cellLine: 2 });
    expect(explained).toMatchObject({ name: 'Out of memory', cellLine: 2 });
    expect(explained.message).toBe('Out of memory: Invalid typed array length: 15052800000. The tensors are too large for this browser; try a smaller batch or image size.');
  });

  it('reports a failed huge allocation in a cell as out of memory', async () => {
    const notebook = createNotebook({ importModule: async () => ({}) });
    const result = await notebook.run({ id: '1', label: 'cell 1', source: 'const pixels = new Float32Array(100000 * 224 * 224 * 3);' });
    expect(result).toMatchObject({ status: 'error', error: { name: 'Out of memory', cellLine: 1 } });
    if (result.status === 'error') expect(result.error.message).toMatch(/^Out of memory: .*try a smaller batch or image size\.$/);
  });
});
