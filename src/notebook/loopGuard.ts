import { base, recursive, type RecursiveVisitors } from 'acorn-walk';
import type { Node as AcornNode } from 'acorn';
import { CellInterrupted } from './errors';

/**
 * Loop guards: the notebook's defence against code that never gives the page back
 * (`while (true) {}`, `for (;;) {}`, a recursion without end).
 *
 * At transpile time every loop body and every function body of a cell gets one short
 * guard statement, inserted on the line where the body starts (never a new line, so error
 * lines stay the cell's own). What the guard does depends on where it sits:
 *
 * - In an async context (the cell's top level, which runs as an async function, and
 *   async functions): every ~50 ms of continuous running it `await`s a macrotask, so the
 *   page paints and a click on Stop is handled; after that pause it throws "interrupted"
 *   if the run was stopped. A long loop with awaits (a training loop) is never killed.
 * - In a sync function (where `await` is not allowed): it throws "interrupted" once the
 *   code has run for {@link SYNC_BUDGET_MS} without the event loop turning — a budget far
 *   above any legitimate synchronous loop of a lesson (those take a second or two).
 *
 * Checking the clock on every iteration would slow tight loops down, so each guard counts
 * down and reads the clock only every `stride` iterations, a stride adapted to keep the
 * checks about a millisecond apart.
 */

/** The name the guards use: unusual, and reserved (a cell cannot declare or read it). */
export const GUARD_NAME = '__nb$guard';

/** A synchronous stretch longer than this is ended as an endless loop. */
export const SYNC_BUDGET_MS = 5000;
/** Code in an async context gives the page a turn this often. */
const YIELD_EVERY_MS = 50;

const G = GUARD_NAME;
const SYNC_STATEMENT = `if(--${G}.n<0)${G}.s();`;
const ASYNC_STATEMENT = `if(--${G}.n<0&&${G}.a())await ${G}.y();`;
const SYNC_EXPRESSION = `(--${G}.n<0&&${G}.s(),`;
const ASYNC_EXPRESSION = `(--${G}.n<0&&${G}.a()&&await ${G}.y(),`;

/** A text insertion at an offset of the transpiled JavaScript. `depth` orders insertions at the same offset. */
export interface GuardInsertion {
  at: number;
  text: string;
  /** Nesting depth: at one offset, closing texts of deeper nodes come first, opening texts of shallower ones. */
  depth: number;
  closing: boolean;
}

type EsNode = { type: string; start: number; end: number; [key: string]: unknown };
/** Whether code at this point may await, and how deep it is nested (orders insertions at one offset). */
interface GuardWalk {
  isAsync: boolean;
  depth: number;
}

const LOOPS = new Set(['WhileStatement', 'DoWhileStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * The insertions that guard every loop and function of a program (an acorn AST of the
 * cell's JavaScript, whose top level runs in an async function; code built by eval or new Function at run
 * time is guarded with a synchronous top level, see guardedEval.ts).
 */
export function guardInsertions(program: unknown, { topLevelAsync = true } = {}): GuardInsertion[] {
  const insertions: GuardInsertion[] = [];
  const guardBody = (body: EsNode, isAsync: boolean, depth: number, expressionBody: boolean) => {
    if (body.type === 'BlockStatement') {
      insertions.push({ at: body.start + 1, text: isAsync ? ASYNC_STATEMENT : SYNC_STATEMENT, depth, closing: false });
    } else if (expressionBody) {
      insertions.push({ at: body.start, text: isAsync ? ASYNC_EXPRESSION : SYNC_EXPRESSION, depth, closing: false });
      insertions.push({ at: body.end, text: ')', depth, closing: true });
    } else {
      insertions.push({ at: body.start, text: `{${isAsync ? ASYNC_STATEMENT : SYNC_STATEMENT}`, depth, closing: false });
      insertions.push({ at: body.end, text: '}', depth, closing: true });
    }
  };
  // acorn-walk's walk of every node type, each visit one level deeper; a node is guarded when it
  // is visited as its own type (acorn-walk also visits some nodes again as "Function", "Statement", …).
  const visitors: RecursiveVisitors<GuardWalk> = {};
  for (const type of Object.keys(base) as (keyof typeof base)[]) {
    visitors[type] = (visited, state, c) => {
      const node = visited as unknown as EsNode;
      let isAsync = state.isAsync;
      if (node.type === type) {
        if (FUNCTIONS.has(node.type)) {
          isAsync = node.async === true;
          const body = node.body as EsNode;
          guardBody(body, isAsync, state.depth, node.type === 'ArrowFunctionExpression' && body.type !== 'BlockStatement');
        } else if (node.type === 'StaticBlock' || node.type === 'PropertyDefinition') {
          isAsync = false; // class static blocks and field initialisers cannot await
        } else if (LOOPS.has(node.type)) {
          guardBody(node.body as EsNode, state.isAsync, state.depth, false);
        }
      }
      (base[type] as (node: AcornNode, state: GuardWalk, c: unknown) => void)(visited, { isAsync, depth: state.depth + 1 }, c);
    };
  }
  recursive(program as AcornNode, { isAsync: topLevelAsync, depth: 0 }, visitors);
  return insertions;
}

export interface GuardClock {
  now(): number;
  /** Runs `callback` in a later task of the event loop (a macrotask, not a microtask). */
  schedule(callback: () => void): void;
}

export interface GuardOptions {
  syncBudgetMs?: number;
  yieldEveryMs?: number;
  clock?: GuardClock;
}

/** What the injected code calls; one per cell run. */
export interface CellGuard {
  /** Countdown to the next clock check. */
  n: number;
  /** Sync check: throws when the run was stopped or the budget is spent. */
  s(): void;
  /** Async check: whether to pause now. */
  a(): boolean;
  /** The pause: one macrotask, then "interrupted" if the run was stopped meanwhile. */
  y(): Promise<void>;
}

/** The guards of one page: they share the clock and know which run is current. */
export interface GuardState {
  /** A guard for one run; it also stops when the run that is current at the time is stopped. */
  forRun(signal?: AbortSignal): CellGuard;
  /** The run now executing (a function defined by an earlier cell obeys this run's Stop). */
  setCurrent(signal: AbortSignal | undefined): void;
}

function budgetMessage(budgetMs: number): string {
  return `interrupted: the cell ran for ${formatSeconds(budgetMs)} s without yielding to the page (an endless loop?), so it was stopped to keep the page responsive`;
}

export function createGuardState({ syncBudgetMs = SYNC_BUDGET_MS, yieldEveryMs = YIELD_EVERY_MS, clock = defaultClock() }: GuardOptions = {}): GuardState {
  let current: AbortSignal | undefined;
  // Start of the current stretch of synchronous running, and whether a macrotask is
  // queued to notice the event loop turning (when it runs, the stretch is over).
  let stretchStart = 0;
  let turnPending = false;
  let stride = 1;
  let lastCheck = clock.now();

  const running = (now: number): number => {
    if (!turnPending) {
      turnPending = true;
      stretchStart = now;
      clock.schedule(() => { turnPending = false; });
    }
    return now - stretchStart;
  };
  // Read the clock about every millisecond, whatever a loop iteration costs.
  const nextStride = (now: number): number => {
    const gap = now - lastCheck;
    lastCheck = now;
    if (gap < 0.5) stride = Math.min(stride * 2, 1 << 16);
    else if (gap > 4) stride = Math.max(1, stride >> 2);
    return stride;
  };

  return {
    setCurrent(signal) {
      current = signal;
    },
    forRun(signal) {
      const stopped = () => signal?.aborted === true || current?.aborted === true;
      const guard: CellGuard = {
        n: 0,
        s() {
          const now = clock.now();
          guard.n = nextStride(now);
          if (stopped()) throw new CellInterrupted();
          if (running(now) > syncBudgetMs) {
            guard.n = 0; // every later check throws too, until the page has had its turn
            throw new CellInterrupted(budgetMessage(syncBudgetMs));
          }
        },
        a() {
          const now = clock.now();
          guard.n = nextStride(now);
          return stopped() || running(now) >= yieldEveryMs;
        },
        async y() {
          await new Promise<void>((resolve) => clock.schedule(resolve));
          if (stopped()) throw new CellInterrupted();
        },
      };
      return guard;
    },
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}

/**
 * performance.now and, in a browser, a MessageChannel task (not clamped or throttled like
 * setTimeout); in Node (unit tests) setImmediate, since Node drains a port's messages in
 * one go and would starve timers.
 */
function defaultClock(): GuardClock {
  const now = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') return { now, schedule: (callback) => void immediate(callback) };
  if (typeof MessageChannel !== 'function') return { now, schedule: (callback) => void setTimeout(callback, 0) };
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return {
    now,
    schedule(callback) {
      queue.push(callback);
      channel.port2.postMessage(null);
    },
  };
}
