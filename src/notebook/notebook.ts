import { transpileCell, type TranspiledCell } from './transpile';
import { evaluateCell, locateError } from './evaluate';
import { createEnvironment } from './environment';
import { CellInterrupted, CellSyntaxError, explainOutOfMemory, type LocatedError } from './errors';
import { createGuardState, GUARD_NAME, type GuardOptions } from './loopGuard';
import { guardedEvaluators } from './guardedEval';

/** One cell as the notebook knows it: an id and a label readers recognise ("cell 4"). */
export interface CellSource {
  id: string;
  label: string;
  source: string;
}

export type CellResult =
  | { status: 'done'; value: unknown; hasValue: boolean; defined: string[]; /** Names of other cells it read or assigned. */ used: string[]; assigned: string[] }
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
  /** Every name cells have defined (and not removed). */
  names(): string[];
  /** The cell whose last run defined `name`. */
  definedBy(name: string): string | undefined;
  /** Every value a name currently holds. */
  values(): unknown[];
}

/**
 * A kernel for one page: cells share one live environment (see environment.ts and the
 * scope table in the README); rerunning a cell redefines its names.
 */
export function createNotebook(options: NotebookOptions): Notebook {
  const environment = createEnvironment();
  let staticDefiners = new Map<string, CellSource>();
  // Labels of the cells seen, so messages name a cell as the reader knows it ("cell 4").
  const labels = new Map<string, string>();
  const guards = createGuardState(options.guard);

  const explainMissingName = (located: LocatedError, cell: CellSource): LocatedError => {
    const missing = /^(\S+) is not defined$/.exec(located.message)?.[1];
    const definer = missing ? staticDefiners.get(missing) : undefined;
    if (missing && definer && definer.id !== cell.id && !environment.has(missing)) {
      return { ...located, message: `\`${missing}\` is defined in ${definer.label}, which has not run yet: run it first (or use Run all)` };
    }
    return located;
  };
  const explainConstant = (located: LocatedError): LocatedError => {
    const name = /^Cannot assign to read only property '([^']+)' of object '\[object Object\]'$/.exec(located.message)?.[1];
    if (!name) return located;
    const owner = environment.binding(name)?.owner;
    const definer = owner ? labels.get(owner) ?? owner : undefined;
    const where = definer ? `${definer} declares it with const` : 'it is declared with const';
    return { ...located, name: 'TypeError', message: `\`${name}\` is a constant: ${where}, so only that declaration can give it a new value (change it there and rerun, or declare it with let)` };
  };

  // The values a run replaced that no name holds any more are handed to the page to free.
  const releaseReplaced = (before: Map<string, unknown>) => {
    const now = new Map(environment.entries());
    const current = new Set(now.values());
    for (const [name, old] of before) {
      if (now.has(name) && now.get(name) === old) continue;
      if (!current.has(old)) options.onReplaced?.(name, old);
    }
  };

  return {
    setCells(cells) {
      staticDefiners = new Map();
      for (const cell of cells) {
        labels.set(cell.id, cell.label);
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
      labels.set(cell.id, cell.label);
      const outer = new Map<string, unknown>(Object.entries(builtins));
      const guard = guards.forRun(signal);
      // Code the cell builds at run time (eval, new Function) is guarded with the same guard.
      outer.set(GUARD_NAME, Object.assign(guard, guardedEvaluators(guard)));
      // Builtins and the page's globals are used directly unless a cell binds the name (or, for a global, a cell of the page declares it).
      const isOuterName = (name: string) => !environment.has(name) && (outer.has(name) || (!staticDefiners.has(name) && name in globalThis));
      let transpiled: TranspiledCell;
      try {
        transpiled = transpileCell(cell.source, { isOuterName });
      } catch (error) {
        if (error instanceof CellSyntaxError) {
          return { status: 'error', error: { error, name: error.name, message: error.message, cellLine: error.cellLine, cellColumn: error.cellColumn, cellSourceLine: error.cellSourceLine } };
        }
        return { status: 'error', error: locateError(error, cell.id, cell.source) };
      }

      const before = new Map(environment.entries());
      environment.prepare(transpiled.kinds, transpiled.scopeNames);
      guards.setCurrent(signal);
      let result: CellResult;
      try {
        const value = await raceAbort(evaluateCell(transpiled, cell.id, { environment, outer, importModule: options.importModule }), signal);
        const settled = await raceAbort(Promise.resolve(value), signal);
        result = { status: 'done', value: settled, hasValue: transpiled.hasValue, defined: transpiled.defines, used: transpiled.reads, assigned: transpiled.assigns };
      } catch (error) {
        result = { status: 'error', error: explainOutOfMemory(explainStackOverflow(explainConstant(explainMissingName(locateError(error, cell.id, cell.source, transpiled.insertions), cell)))) };
      } finally {
        guards.setCurrent(undefined);
      }
      environment.settle(cell.id, transpiled.kinds);
      // A cell that ran to the end no longer defines what it stopped declaring (a failed run keeps it).
      if (result.status === 'done') {
        for (const name of before.keys()) if (environment.binding(name)?.owner === cell.id && !(name in transpiled.kinds)) environment.unbind(name);
      }
      releaseReplaced(before);
      return result;
    },

    get: (name) => environment.get(name),
    has: (name) => environment.has(name),
    names: () => environment.entries().map(([name]) => name),
    definedBy: (name) => environment.binding(name)?.owner,
    values: () => environment.entries().map(([, value]) => value),
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
