import { formatBytes, formatCount } from './format';

/**
 * Errors located in a cell's own source: line and column are 1-based positions in the
 * text the reader sees, never in generated code.
 */
export class CellSyntaxError extends Error {
  override name = 'SyntaxError';
  constructor(message: string, readonly cellLine: number, readonly cellColumn: number, readonly cellSourceLine: string) {
    super(message);
  }
}

/** A runtime error, annotated with where in the cell it happened (when the stack says). */
export interface LocatedError {
  error: unknown;
  message: string;
  name: string;
  cellLine?: number;
  cellColumn?: number;
  cellSourceLine?: string;
}

/** Raised when the reader stops a running cell. */
export class CellInterrupted extends Error {
  override name = 'Interrupted';
  constructor(message = 'interrupted: the cell was stopped') {
    super(message);
  }
}

/** Bytes per value of each TF.js dtype (bool tensors are stored as bytes, complex64 as two float32). */
const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8 };

/** The memory a tensor of this shape and dtype takes. */
export function tensorBytes(shape: readonly number[], dtype: string): number {
  return shape.reduce((product, size) => product * size, 1) * (DTYPE_BYTES[dtype] ?? 4);
}

/**
 * A tensor the browser could not make, with how much it needed: `what` names it as the cell
 * wrote it (tf.zeros([50000, 50000])), `reason` says how the allocation failed.
 */
export class TensorTooLarge extends Error {
  override name = 'TensorTooLarge';
  readonly values: number;
  readonly bytes: number;
  constructor(readonly what: string, readonly shape: readonly number[], readonly dtype: string, readonly reason: string) {
    const values = shape.reduce((product, size) => product * size, 1);
    const bytes = tensorBytes(shape, dtype);
    super(`${what} needs ${formatBytes(bytes)} (${formatCount(values)} ${dtype} values), and the browser gave less (${reason})`);
    this.values = values;
    this.bytes = bytes;
  }
}

// What running out of memory looks like in the browser's TF.js backends: a typed array the
// engine cannot make (cpu, wasm uploads), the wasm heap unable to grow or aborting, a
// WebGL texture or buffer past the GPU's limit.
const OUT_OF_MEMORY = [
  /invalid typed array length/i,
  /array buffer allocation failed/i,
  /out of memory/i,
  /\bOOM\b/,
  /cannot enlarge memory/i,
  /failed to allocate/i,
  /memory access out of bounds/i,
  /requested texture size .*greater than .*maximum/i,
  /exceeds? (the )?max(imum)? (texture|buffer) size/i,
];

/** Whether an error is the page running out of memory (for TF.js tensors, usually). */
export function isOutOfMemory(message: string): boolean {
  return OUT_OF_MEMORY.some((pattern) => pattern.test(message));
}

/** An out-of-memory error said as such, with what to try; other errors unchanged. */
export function explainOutOfMemory(located: LocatedError): LocatedError {
  if (located.error instanceof TensorTooLarge) {
    return { ...located, name: 'Out of memory', message: `Out of memory: ${located.message}. Try a smaller tensor, batch or image size.` };
  }
  if (!isOutOfMemory(located.message)) return located;
  return { ...located, name: 'Out of memory', message: `Out of memory: ${located.message.replace(/\.?\s*$/, '')}. The tensors are too large for this browser; try a smaller batch or image size.` };
}
