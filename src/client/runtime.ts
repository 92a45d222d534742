import { createNotebook, type CellSource } from '../notebook/notebook';
import { renderError } from '../notebook/display';
import { createCellOutput, type CellOutput } from '../notebook/cellOutput';
import { isDisplayable, DISPLAY, explainShapeMismatch, loadLessonLibrary, type CellContext } from '../lessonKit';
import { isOutOfMemory } from '../notebook/errors';
import type { NotebookText } from '../i18n/notebook';
import type { Lang } from '../i18n';
import { loadMessages } from '../i18n/load';
import { guardWasmAllocations, tensorflowForCells } from './allocationGuard';
import { readLessonReference } from '../lessons/pageData';

type TF = typeof import('@tensorflow/tfjs');

/** TF.js memory as the meter shows it. */
export interface MemoryReading {
  numTensors: number;
  numBytes: number;
}

export interface RuntimeOptions {
  datasetUrl: string;
  maxEpochs?: number;
  /** Reports the backend after runs: its full description, and the bar's short form (the memory meter shows memory). */
  onStatus?: (status: { text: string; summary: string }) => void;
  /** TF.js memory, read after every run and every {@link MEMORY_POLL_MS} while a cell runs. */
  onMemory?: (memory: MemoryReading) => void;
  /** The kernel's notices in the page's language. */
  text: NotebookText;
  /** The page's language: the lesson library prints in it (its words load with the first run). */
  lang: Lang;
  /** The lesson this page shows (its folder name): the lesson library records runs and checkpoints under it. */
  lessonId: string;
}

const MEMORY_POLL_MS = 500;

/** What a finished run changed and what it used: the page marks cells whose inputs changed since they ran. */
export interface CellNames {
  /** Names the cell declared or assigned. */
  changed: string[];
  /** Names of other cells it read. */
  used: string[];
}

export interface CellRun {
  /** Resolves with the cell's final state. */
  finished: Promise<'done' | 'error'>;
  /** What the run gave: the cell's value, or its error's message as shown under the cell (exercises grade it). */
  outcome: Promise<{ status: 'done'; value: unknown; names?: CellNames } | { status: 'error'; message: string }>;
  /** The reader pressed Stop. */
  stop(): void;
}

/** After Stop, code that does not watch the Stop signal is interrupted this much later at most. */
const STOP_GRACE_MS = 1000;

// Modules cells may import: the site's own bundles, loaded on first use.
let cellTensorflow: Promise<unknown> | undefined;
function tensorflowModule(): Promise<unknown> {
  if (!cellTensorflow) {
    cellTensorflow = import('./tfBackend').then((backend) => backend.tensorflow()).then(tensorflowForCells);
    cellTensorflow.catch(() => { cellTensorflow = undefined; });
  }
  return cellTensorflow;
}
const MODULES: Record<string, () => Promise<unknown>> = {
  '@tensorflow/tfjs': tensorflowModule,
  '@observablehq/plot': () => import('@observablehq/plot'),
};

/** The page's kernel: one notebook scope, cell runs that render into their output areas. */
export function createRuntime(options: RuntimeOptions) {
  // A value (optimizer) is still in use while a name holds it or a model that a name holds uses it.
  const inUse = (value: unknown): boolean =>
    notebook.values().some((held) => held === value || (isModel(held) && optimizerOf(held) === value));
  const notebook = createNotebook({
    onReplaced: (_name, value) => disposeTensorMemory(value, inUse),
    importModule: async (specifier) => {
      const load = MODULES[specifier];
      if (!load) throw new Error(`cannot import "${specifier}": cells can import ${Object.keys(MODULES).join(' and ')}`);
      return load();
    },
  });

  // The optimizer each model held by a name had after the last run.
  const optimizerSeen = new WeakMap<object, unknown>();
  /**
   * `model.compile({ optimizer: tf.train.adam(…) })` run again replaces the model's optimizer;
   * TF.js never frees the old one (its moment estimates: two tensors per weight). After each run
   * the kernel compares each held model's optimizer with the one it had, and frees the old one
   * when nothing else uses it — without patching TF.js's classes.
   */
  function freeReplacedOptimizers(): void {
    for (const value of notebook.values()) {
      if (!isModel(value)) continue;
      const current = optimizerOf(value);
      const before = optimizerSeen.get(value as object);
      if (before && before !== current && !inUse(before)) safeDispose(before);
      optimizerSeen.set(value as object, current);
    }
  }

  function show(output: CellOutput, value: unknown): void {
    output.append(isDisplayable(value) ? value[DISPLAY](document) : output.render(value));
  }

  // The cells as the page last gave them (edits included), and the lesson's reference results from the page's data.
  let pageCells: CellSource[] = [];
  const reference = readLessonReference(document);

  // The first run on a page with an unknown ?backend= says so; later runs keep the kernel line only.
  let backendNoticeShown = false;

  function run(cell: CellSource, output: HTMLElement): CellRun {
    const stopRequested = new AbortController();
    const interrupt = new AbortController();
    let cooperative = 0;
    const stop = () => {
      stopRequested.abort();
      // Code that does not watch the Stop signal itself is interrupted at once.
      if (cooperative === 0) interrupt.abort();
    };

    let outcome: Awaited<CellRun['outcome']> = { status: 'error', message: 'the cell did not run' };
    const finished = (async (): Promise<'done' | 'error'> => {
      output.replaceChildren();
      const area = createCellOutput(output, options.text);
      const t = await loadMessages(options.lang);
      const context: CellContext = {
        lang: options.lang,
        t,
        display: (value) => show(area, value),
        stopSignal: stopRequested.signal,
        handleStopCooperatively: () => {
          cooperative++;
          return () => {
            cooperative--;
            // The stopped operation returned normally; the rest of the cell gets a moment to finish (e.g. plot the history).
            if (stopRequested.signal.aborted && cooperative === 0) setTimeout(() => interrupt.abort(), STOP_GRACE_MS);
          };
        },
        datasetUrl: options.datasetUrl,
        maxEpochs: options.maxEpochs,
        document,
        storage: localStorage,
        lessonId: options.lessonId,
        cellId: cell.id,
        cells: () => pageCells,
        reference,
      };
      // The lesson library trains with TF.js, so the backend is chosen before any cell code runs.
      const [{ createLessonLibrary }, backend] = await Promise.all([loadLessonLibrary(), import('./tfBackend')]);
      const info = await backend.initBackend();
      const tf = await backend.tensorflow();
      if (info.unknownRequest && !backendNoticeShown) {
        backendNoticeShown = true;
        const { requested, available } = info.unknownRequest;
        area.append(notice(options.text.backendUnknown(requested, available, info.name), 'data-backend-unknown'));
      }
      // Hooked on every run: after an out-of-memory restart the engine has a new backend.
      if (tf.getBackend() === 'wasm') guardWasmAllocations(tf.backend() as unknown as Parameters<typeof guardWasmAllocations>[0]);
      const builtins = { ...createLessonLibrary(context), console: cellConsole(area) };
      const poll = options.onMemory ? setInterval(() => readMemory(tf), MEMORY_POLL_MS) : undefined;
      let result;
      try {
        result = await notebook.run(cell, { builtins, signal: interrupt.signal });
      } finally {
        clearInterval(poll);
        freeReplacedOptimizers();
      }
      if (result.status === 'error') {
        // A shape mismatch is said in the lesson's words first, TF.js's own message after.
        const shape = explainShapeMismatch(result.error.message, t.errors);
        const message = shape ? t.errors.withEngineMessage(shape, result.error.message) : result.error.message;
        outcome = { status: 'error', message: `${result.error.name}: ${message}` };
        area.append(renderError({ ...asObject(result.error.error), message, name: result.error.name, cellLine: result.error.cellLine, cellColumn: result.error.cellColumn, cellSourceLine: result.error.cellSourceLine }, document));
        if (isOutOfMemory(result.error.message) && !(await recoverBackend(tf, info.name))) {
          area.append(notice(t.errors.backendRestarted, 'data-backend-restarted'));
        }
        return 'error';
      }
      if (result.hasValue && result.value !== undefined) show(area, result.value);
      outcome = { status: 'done', value: result.hasValue ? result.value : undefined, names: { changed: [...result.defined, ...result.assigned], used: result.used } };
      return 'done';
    })();
    finished.finally(() => reportStatus()).catch(() => {});
    return { finished, stop, outcome: finished.then(() => outcome, (error) => ({ status: 'error' as const, message: String(error) })) };
  }

  function readMemory(tf: TF): void {
    try {
      const { numTensors, numBytes } = tf.memory();
      options.onMemory?.({ numTensors, numBytes });
    } catch {
      // a backend being restarted has no memory to report
    }
  }

  async function reportStatus(): Promise<void> {
    if (!options.onStatus && !options.onMemory) return;
    const backend = await import('./tfBackend');
    const info = await backend.initBackend();
    const tf = await backend.tensorflow();
    readMemory(tf);
    if (!options.onStatus) return;
    const threads = info.kernels && !info.kernels.unavailable ? info.kernels.threads : 1;
    options.onStatus({ text: backend.describeBackend(info), summary: options.text.kernelSummary(info.name, threads) });
  }

  return {
    run,
    setCells: (cells: CellSource[]) => {
      pageCells = cells;
      notebook.setCells(cells);
    },
    /** The page's TensorFlow.js (exercise checks call the reader's functions on small tensors with it). */
    tensorflow: async () => (await import('./tfBackend')).tensorflow(),
    /** The names cells have defined and their values, for the editor's completion. */
    live: { names: () => notebook.names(), has: (name: string) => notebook.has(name), get: (name: string) => notebook.get(name) },
  };
}

type Disposable = { dispose?: () => void; isDisposed?: boolean; dataSync?: unknown; layers?: unknown; predict?: unknown; applyGradients?: unknown };

const isModel = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Array.isArray((value as Disposable).layers) && typeof (value as Disposable).predict === 'function';
const isOptimizer = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as Disposable).applyGradients === 'function' && typeof (value as Disposable).dispose === 'function';
function optimizerOf(model: unknown): unknown {
  try {
    return (model as { optimizer?: unknown }).optimizer;
  } catch {
    return undefined; // a disposed Sequential has no inner model to ask
  }
}

function safeDispose(value: unknown): void {
  try {
    (value as Disposable).dispose?.();
  } catch {
    // already disposed through another path (e.g. a model's weights freed with it)
  }
}

/**
 * Frees the TF.js memory of a value a rerun replaced (a tensor, a model with the optimizer
 * it was compiled with, an optimizer), so rerunning a training cell does not pile up
 * weights and Adam's moment estimates. An optimizer still in use elsewhere is kept.
 * Duck-typed: the kernel does not import TF.js.
 */
function disposeTensorMemory(value: unknown, inUse: (value: unknown) => boolean): void {
  if (typeof value !== 'object' || value === null) return;
  const candidate = value as Disposable;
  if (candidate.isDisposed === true) return;
  if (isModel(value)) {
    const optimizer = optimizerOf(value);
    // TF.js disposes an optimizer it made from a name ('adam'); one the cell made is the cell's to free.
    const owned = (value as { isOptimizerOwned?: boolean }).isOptimizerOwned === true;
    safeDispose(value);
    if (optimizer && !owned && !inUse(optimizer)) safeDispose(optimizer);
  } else if (typeof candidate.dataSync === 'function') {
    safeDispose(value);
  } else if (isOptimizer(value) && !inUse(value)) {
    safeDispose(value);
  }
}

/**
 * After an out-of-memory error a backend may be left unusable (a wasm heap that aborted).
 * Checks with a tiny computation; if that fails, resets the engine and starts the backend
 * again. Returns whether the backend was healthy.
 */
async function recoverBackend(tf: TF, name: string): Promise<boolean> {
  const healthy = () => {
    try {
      return tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync()[0]) === 2;
    } catch {
      return false;
    }
  };
  if (healthy()) return true;
  tf.engine().reset();
  if (!(await tf.setBackend(name))) await tf.setBackend('cpu');
  await tf.ready();
  return false;
}

function notice(text: string, hook: string): HTMLElement {
  const element = document.createElement('p');
  element.className = 'notice';
  element.setAttribute(hook, '');
  element.textContent = text;
  // Cell output is marked English; the kernel's own notices are in the page's language.
  element.lang = document.documentElement.lang || 'en';
  return element;
}

function asObject(error: unknown): object {
  return typeof error === 'object' && error !== null ? error : {};
}

/** console.* inside a cell prints into its output; what is shown at once also reaches the developer console. */
function cellConsole(output: CellOutput): Console {
  const print = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    if (output.log(level, args)) globalThis.console[level](...args);
  };
  return { ...globalThis.console, log: print('log'), info: print('info'), warn: print('warn'), error: print('error') };
}
