import { transpileCell, type TranspiledCell } from './transpile';
import { evaluateCell, locateError } from './evaluate';
import { CellInterrupted, CellSyntaxError, explainOutOfMemory, type LocatedError } from './errors';
import { createGuardState, GUARD_NAME, type GuardOptions } from './loopGuard';

/** One cell as the notebook knows it: an id and a label readers recognise ("cell 4"). */
export interface CellSource {
  id: string;
  label: string;
  source: string;
}

export type CellResult =
  | { status: 'done'; value: unknown; hasValue: boolean; defined: string[] }
  | { status: 'error'; error: LocatedError };

export interface RunOptions {
  /** Names provided for this run only (display, console, the lesson library bound to this cell's output). */
  builtins?: Record<string, unknown>;
  /** Aborting rejects the run with an "interrupted" error. */
  signal?: AbortSignal;
}

export interface NotebookOptions {
  importModule: (specifier: string) => Promise<unknown>;
  /** Called with a value a rerun replaced and no name refers to any more, so the page can free it (e.g. dispose tensors). */
  onReplaced?: (name: string, value: unknown) => void;
  /** Loop-guard timing (tests shorten the budget). */
  guard?: GuardOptions;
}

export interface Notebook {
  /** Tells the notebook every cell of the page, so errors can say which cell defines a missing name. */
  setCells(cells: CellSource[]): void;
  run(cell: CellSource, options?: RunOptions): Promise<CellResult>;
  /** Current value of a name defined by a cell that has run. */
  get(name: string): unknown;
  has(name: string): boolean;
  /** The cell whose last run defined `name`. */
  definedBy(name: string): string | undefined;
  /** Every value a name currently holds. */
  values(): unknown[];
}

/** A kernel for one page: cells share one scope; rerunning a cell redefines its names. */
export function createNotebook(options: NotebookOptions): Notebook {
  const values = new Map<string, unknown>();
  const owners = new Map<string, string>();
  let staticDefiners = new Map<string, CellSource>();
  const guards = createGuardState(options.guard);

  const explainMissingName = (located: LocatedError, cell: CellSource): LocatedError => {
    const missing = /^(\S+) is not defined$/.exec(located.message)?.[1];
    const definer = missing ? staticDefiners.get(missing) : undefined;
    if (missing && definer && definer.id !== cell.id && !values.has(missing)) {
      return { ...located, message: `\`${missing}\` is defined in ${definer.label}, which has not run yet: run it first (or use Run all)` };
    }
    return located;
  };

  return {
    setCells(cells) {
      staticDefiners = new Map();
      for (const cell of cells) {
        let transpiled: TranspiledCell;
        try {
          transpiled = transpileCell(cell.source);
        } catch {
          continue; // a cell with a syntax error defines nothing yet; it reports when run
        }
        for (const name of transpiled.defines) if (!staticDefiners.has(name)) staticDefiners.set(name, cell);
      }
    },

    async run(cell, { builtins = {}, signal } = {}) {
      let transpiled: TranspiledCell;
      try {
        transpiled = transpileCell(cell.source);
      } catch (error) {
        if (error instanceof CellSyntaxError) {
          return { status: 'error', error: { error, name: error.name, message: error.message, cellLine: error.cellLine, cellColumn: error.cellColumn, cellSourceLine: error.cellSourceLine } };
        }
        return { status: 'error', error: locateError(error, cell.id, cell.source) };
      }

      const visible = new Map<string, unknown>(Object.entries(builtins));
      for (const [name, value] of values) if (owners.get(name) !== cell.id) visible.set(name, value);
      visible.set(GUARD_NAME, guards.forRun(signal));
      guards.setCurrent(signal);

      try {
        const evaluation = evaluateCell(transpiled, cell.id, { names: visible, importModule: options.importModule });
        const { value, definitions } = await raceAbort(evaluation, signal);
        const settled = await raceAbort(Promise.resolve(value), signal);
        // The cell's previous definitions are replaced only once the new run succeeded.
        const replaced = new Map<string, unknown>();
        for (const [name, owner] of [...owners]) {
          if (owner === cell.id && !definitions.has(name)) {
            replaced.set(name, values.get(name));
            values.delete(name);
            owners.delete(name);
          }
        }
        for (const [name, newValue] of definitions) {
          if (values.has(name) && values.get(name) !== newValue) replaced.set(name, values.get(name));
          values.set(name, newValue);
          if (transpiled.defines.includes(name) || !owners.has(name)) owners.set(name, cell.id);
        }
        // A value still reachable under another name is not gone, so the page must not free it.
        const current = new Set(values.values());
        for (const [name, old] of replaced) if (!current.has(old)) options.onReplaced?.(name, old);
        return { status: 'done', value: settled, hasValue: transpiled.hasValue, defined: transpiled.defines };
      } catch (error) {
        return { status: 'error', error: explainOutOfMemory(explainStackOverflow(explainMissingName(locateError(error, cell.id, cell.source, transpiled.insertions), cell))) };
      } finally {
        guards.setCurrent(undefined);
      }
    },

    get: (name) => values.get(name),
    has: (name) => values.has(name),
    definedBy: (name) => owners.get(name),
    values: () => [...values.values()],
  };
}

/** A runaway recursion ends in V8's RangeError; say what it means. */
function explainStackOverflow(located: LocatedError): LocatedError {
  if (located.name !== 'RangeError' || !/call stack/i.test(located.message)) return located;
  return { ...located, message: `${located.message}: a function kept calling itself (runaway recursion?) — check that the recursion has a case where it stops` };
}

/** How long a stopped run may take to end by itself, so its error can say where it stopped. */
const INTERRUPT_SETTLE_MS = 150;

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new CellInterrupted());
  return new Promise<T>((resolve, reject) => {
    // The loop guards end a stopped cell at its next check with an error that has a line;
    // code that does not reach a guard (an awaited promise that never settles) is left behind.
    const onAbort = () => setTimeout(() => reject(new CellInterrupted()), INTERRUPT_SETTLE_MS);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}
