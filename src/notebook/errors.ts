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
  if (!isOutOfMemory(located.message)) return located;
  return { ...located, name: 'Out of memory', message: `Out of memory: ${located.message.replace(/\.?\s*$/, '')}. The tensors are too large for this browser; try a smaller batch or image size.` };
}
