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
