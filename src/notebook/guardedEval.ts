import { parse } from 'acorn';
import { GUARD_NAME, guardInsertions, type CellGuard } from './loopGuard';

/**
 * `eval` and `Function` for cell code: the code they build at run time gets the same loop guards as the
 * cell's own code (the transpiler sends a cell's `eval(…)`, `new Function(…)` and `Function(…)` here), so
 * `eval("while (true) {}")` is ended like `while (true) {}`.
 *
 * Differences from the real ones, on purpose: the code runs like an indirect eval (it sees globals, not
 * the calling function's locals, which a cell's direct eval could not see usefully anyway: the cell's
 * names live in the notebook's environment), and a `var` it declares stays inside that call.
 */
const realFunction = Function;
const realEval = globalThis.eval;

/** The code with a guard in every loop and function; its top level is synchronous (eval's is). */
function guardCodeString(code: string): string | undefined {
  let program: unknown;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  } catch {
    return undefined; // the real eval says what is wrong with it
  }
  const insertions = guardInsertions(program, { topLevelAsync: false })
    .map((insertion) => ({ ...insertion, rank: (insertion.closing ? 1 : -1) * (1 - 1 / (2 + insertion.depth)) }))
    .sort((a, b) => a.at - b.at || a.rank - b.rank);
  let guarded = '';
  let last = 0;
  for (const insertion of insertions) {
    guarded += code.slice(last, insertion.at) + insertion.text;
    last = insertion.at;
  }
  return guarded + code.slice(last);
}

export interface GuardedEvaluators {
  eval(code: unknown): unknown;
  Function: (...args: string[]) => unknown;
}

export function guardedEvaluators(guard: CellGuard): GuardedEvaluators {
  // Direct eval inside a function whose parameter is the guard: the guarded code reaches it by name.
  const runWithGuard = realFunction(GUARD_NAME, `return eval(arguments[1]);`) as (guard: CellGuard, code: string) => unknown;
  function guardedFunction(...args: string[]): unknown {
    const body = args.length > 0 ? String(args.at(-1)) : '';
    const params = args.slice(0, -1).map(String).join(',');
    const source = `(function anonymous(${params}\n) {\n${body}\n})`;
    const guarded = guardCodeString(source);
    if (guarded === undefined) return realFunction(...args); // throws the browser's own SyntaxError
    return runWithGuard(guard, guarded);
  }
  guardedFunction.prototype = realFunction.prototype;
  return {
    eval(code: unknown): unknown {
      if (typeof code !== 'string') return code;
      const guarded = guardCodeString(code);
      return guarded === undefined ? realEval(code) : runWithGuard(guard, guarded);
    },
    Function: guardedFunction,
  };
}
