import { ENVIRONMENT, IMPORT_FUNCTION, MAKE_CONSTANT, TYPEOF_NAME, VALUE_VARIABLE, type TranspiledCell } from './transpile';
import type { Environment } from './environment';
import type { LocatedError } from './errors';

/** Everything a cell can see, passed in explicitly so each notebook (and test) has its own. */
export interface EvaluationScope {
  /** The notebook's environment: every cell's top-level names. */
  environment: Environment;
  /** Names given to this run only (display and console bound to the cell's output, the lesson library, the loop guard). */
  outer: ReadonlyMap<string, unknown>;
  /** Resolves `import … from 'specifier'` inside cells. */
  importModule: (specifier: string) => Promise<unknown>;
}

const WRAPPER_HEADER_LINES = 1;

/**
 * Runs a transpiled cell as an async function over the environment, and returns the value
 * of its last expression. The function's source carries a sourceURL so stack traces name
 * the cell, and the body starts on line 2 so error lines map back by a constant offset.
 */
export async function evaluateCell(cell: TranspiledCell, cellId: string, scope: EvaluationScope): Promise<unknown> {
  const outer = [...scope.outer.keys()].filter(isIdentifier);
  const source =
    `(async function (${[IMPORT_FUNCTION, ENVIRONMENT, MAKE_CONSTANT, TYPEOF_NAME, ...outer].join(', ')}) { 'use strict'; let ${VALUE_VARIABLE};\n` +
    `${cell.body}\n` +
    `;return ${VALUE_VARIABLE};\n})\n` +
    `//# sourceURL=${sourceUrl(cellId)}`;
  const compiled = (0, eval)(source) as (...args: unknown[]) => Promise<unknown>;
  const { environment } = scope;
  return compiled(scope.importModule, environment.scope, environment.makeConstant, environment.valueForTypeof, ...outer.map((name) => scope.outer.get(name)));
}

function sourceUrl(cellId: string): string {
  return `cell-${cellId.replace(/[^\w-]/g, '_')}.js`;
}

/** Finds where in the cell a runtime error was thrown, from its stack trace. */
export function locateError(error: unknown, cellId: string, source: string, insertions: ReadonlyArray<readonly [number, number, number]> = []): LocatedError {
  const located: LocatedError = {
    error,
    message: withoutEnvironment(error instanceof Error ? error.message : String(error)),
    name: error instanceof Error ? error.name : 'Error',
  };
  const stack = error instanceof Error ? error.stack ?? '' : '';
  const url = sourceUrl(cellId).replace(/[.]/g, '\\.');
  const match = new RegExp(`${url}:(\\d+):(\\d+)`).exec(stack);
  if (match) {
    const line = Number(match[1]) - WRAPPER_HEADER_LINES;
    const lines = source.split('\n');
    if (line >= 1 && line <= lines.length) {
      located.cellLine = line;
      located.cellColumn = sourceColumn(line, Number(match[2]), insertions);
      located.cellSourceLine = lines[line - 1];
    }
  }
  return located;
}

/**
 * A column of the transpiled body mapped back to the cell's source: text the transform
 * inserted earlier on the line is subtracted; a position inside an inserted text (a loop
 * guard that threw) maps to where the insertion was made.
 */
export function sourceColumn(line: number, column: number, insertions: ReadonlyArray<readonly [number, number, number]>): number {
  let shift = 0;
  for (const [insertLine, insertColumn, length] of insertions) {
    if (insertLine !== line || insertColumn > column) continue;
    if (column < insertColumn + length) return insertColumn - shift;
    shift += length;
  }
  return column - shift;
}

function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}

/** V8 quotes code in some messages (`x.fitt is not a function`): the environment's prefix is the notebook's, not the reader's. */
function withoutEnvironment(message: string): string {
  return message.split(`${ENVIRONMENT}.`).join('');
}
