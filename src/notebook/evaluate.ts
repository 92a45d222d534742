import { IMPORT_FUNCTION, VALUE_VARIABLE, type TranspiledCell } from './transpile';
import type { LocatedError } from './errors';

/** What a cell's body produced: its last expression and the names it (re)defined. */
export interface Evaluation {
  value: unknown;
  definitions: Map<string, unknown>;
}

/** Everything a cell can see, passed in explicitly so each notebook (and test) has its own. */
export interface EvaluationScope {
  /** Names visible to the cell, by name (earlier cells' definitions and the lesson library). */
  names: ReadonlyMap<string, unknown>;
  /** Resolves `import … from 'specifier'` inside cells. */
  importModule: (specifier: string) => Promise<unknown>;
}

const WRAPPER_HEADER_LINES = 1;

/**
 * Runs a transpiled cell as an async function whose parameters are the visible names.
 * The function's source carries a sourceURL so stack traces name the cell, and the body
 * starts on line 2 so error lines map back by a constant offset.
 */
export async function evaluateCell(cell: TranspiledCell, cellId: string, scope: EvaluationScope): Promise<Evaluation> {
  const declared = new Set(cell.defines);
  const parameters = [...scope.names.keys()].filter((name) => !declared.has(name) && isIdentifier(name));
  const exported = [...cell.defines, ...cell.assigns.filter((name) => scope.names.has(name))];
  const source =
    `(async function (${[IMPORT_FUNCTION, ...parameters].join(', ')}) { 'use strict'; let ${VALUE_VARIABLE};\n` +
    `${cell.body}\n` +
    `;return [${VALUE_VARIABLE}, { ${exported.join(', ')} }];\n})\n` +
    `//# sourceURL=${sourceUrl(cellId)}`;
  const compiled = (0, eval)(source) as (...args: unknown[]) => Promise<[unknown, Record<string, unknown>]>;
  const [value, definitions] = await compiled(scope.importModule, ...parameters.map((name) => scope.names.get(name)));
  return { value, definitions: new Map(Object.entries(definitions)) };
}

export function sourceUrl(cellId: string): string {
  return `cell-${cellId.replace(/[^\w-]/g, '_')}.js`;
}

/** Finds where in the cell a runtime error was thrown, from its stack trace. */
export function locateError(error: unknown, cellId: string, source: string, insertions: ReadonlyArray<readonly [number, number, number]> = []): LocatedError {
  const located: LocatedError = {
    error,
    message: error instanceof Error ? error.message : String(error),
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
