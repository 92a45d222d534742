import { createNotebook, type CellSource } from '../notebook/notebook';
import { renderConsoleLine, renderError, renderValue } from '../notebook/display';
import { isDisplayable, DISPLAY } from '../lessonKit/displayProtocol';
import type { CellContext } from '../lessonKit/context';

export interface RuntimeOptions {
  datasetUrl: string;
  maxEpochs?: number;
  /** Reports kernel-wide status (backend, memory) after runs. */
  onStatus?: (text: string) => void;
}

export interface CellRun {
  /** Resolves with the cell's final state. */
  finished: Promise<'done' | 'error'>;
  /** The reader pressed Stop. */
  stop(): void;
}

/** After Stop, code that does not watch the Stop signal is interrupted this much later at most. */
const STOP_GRACE_MS = 1000;

// Modules cells may import: the site's own bundles, loaded on first use.
const MODULES: Record<string, () => Promise<unknown>> = {
  '@tensorflow/tfjs': () => import('./tfBackend').then((backend) => backend.tensorflow()),
  '@observablehq/plot': () => import('@observablehq/plot'),
};

/** The page's kernel: one notebook scope, cell runs that render into their output areas. */
export function createRuntime(options: RuntimeOptions) {
  const notebook = createNotebook({
    onReplaced: (_name, value) => disposeTensorMemory(value),
    importModule: async (specifier) => {
      const load = MODULES[specifier];
      if (!load) throw new Error(`cannot import "${specifier}": cells can import ${Object.keys(MODULES).join(' and ')}`);
      return load();
    },
  });

  function show(output: HTMLElement, value: unknown): void {
    output.append(isDisplayable(value) ? value[DISPLAY](document) : renderValue(value, document));
  }

  function run(cell: CellSource, output: HTMLElement): CellRun {
    const stopRequested = new AbortController();
    const interrupt = new AbortController();
    let cooperative = 0;
    const stop = () => {
      stopRequested.abort();
      // Code that does not watch the Stop signal itself is interrupted at once.
      if (cooperative === 0) interrupt.abort();
    };

    const finished = (async (): Promise<'done' | 'error'> => {
      output.replaceChildren();
      const context: CellContext = {
        display: (value) => show(output, value),
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
      };
      // The lesson library trains with TF.js, so the backend is chosen before any cell code runs.
      const [{ createLessonLibrary }, backend] = await Promise.all([import('../lessonKit/library'), import('./tfBackend')]);
      await backend.initBackend();
      const builtins = { ...createLessonLibrary(context), console: cellConsole(output) };
      const result = await notebook.run(cell, { builtins, signal: interrupt.signal });
      if (result.status === 'error') {
        output.append(renderError({ ...asObject(result.error.error), message: result.error.message, name: result.error.name, cellLine: result.error.cellLine, cellColumn: result.error.cellColumn, cellSourceLine: result.error.cellSourceLine }, document));
        return 'error';
      }
      if (result.hasValue && result.value !== undefined) show(output, result.value);
      return 'done';
    })();
    finished.finally(() => reportStatus()).catch(() => {});
    return { finished, stop };
  }

  async function reportStatus(): Promise<void> {
    if (!options.onStatus) return;
    const backend = await import('./tfBackend');
    const info = await backend.initBackend();
    const tf = await backend.tensorflow();
    const memory = tf.memory();
    options.onStatus(`${backend.describeBackend(info)} · ${memory.numTensors} tensors, ${(memory.numBytes / 1e6).toFixed(1)} MB`);
  }

  return { run, setCells: (cells: CellSource[]) => notebook.setCells(cells) };
}

/**
 * Frees the TF.js memory of a value a rerun replaced (a tensor or a model), so rerunning a
 * training cell does not pile up weights. Duck-typed: the kernel does not import TF.js.
 */
function disposeTensorMemory(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  const candidate = value as { dispose?: () => void; isDisposed?: boolean; dataSync?: unknown; layers?: unknown; predict?: unknown };
  const isTensor = typeof candidate.dataSync === 'function';
  const isModel = Array.isArray(candidate.layers) && typeof candidate.predict === 'function';
  if ((isTensor || isModel) && typeof candidate.dispose === 'function' && candidate.isDisposed !== true) {
    try {
      candidate.dispose();
    } catch {
      // already disposed through another path (e.g. a model's weights freed with it)
    }
  }
}

function asObject(error: unknown): object {
  return typeof error === 'object' && error !== null ? error : {};
}

/** console.* inside a cell prints into its output (and still reaches the developer console). */
function cellConsole(output: HTMLElement): Console {
  const print = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    output.append(renderConsoleLine(level, args, document));
    globalThis.console[level](...args);
  };
  return { ...globalThis.console, log: print('log'), info: print('info'), warn: print('warn'), error: print('error') };
}
