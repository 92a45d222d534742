import type { BenchOptions } from './runBench';
import { ratioTable, resultTable, type BenchResults } from './results';
import { siteBase } from '../lib/siteBase';

declare global {
  interface Window {
    /** Used by `npm run bench` (scripts/bench.ts) to run the benchmark with its own options. */
    courseBench?: {
      run(options?: Partial<BenchOptions>): Promise<BenchResults>;
      /** Checks the course kernels as started on this page against stock TF.js (end-to-end tests). */
      checkKernels(): Promise<import('./kernelCheck').KernelCheck>;
    };
  }
}

/** Wires the benchmark page: the button runs it here; the command line calls window.courseBench.run. */
export function startBenchPage(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-bench-run]')!;
  const logArea = document.querySelector<HTMLElement>('[data-bench-log]')!;
  const tables = document.querySelector<HTMLElement>('[data-bench-tables]')!;
  const base = siteBase();

  async function run(options: Partial<BenchOptions> = {}): Promise<BenchResults> {
    button.disabled = true;
    logArea.textContent = '';
    tables.replaceChildren();
    const log = (line: string) => {
      logArea.textContent += `${line}\n`;
      console.info(`[bench] ${line}`);
    };
    try {
      const { runBench } = await import('./runBench');
      const results = await runBench({ datasetUrl: `${base}data/`, ...options, onLog: log });
      tables.append(htmlTable('Samples per second', resultTable(results)), htmlTable('The project’s path against stock TF.js', ratioTable(results)));
      return results;
    } catch (error) {
      log(`failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      button.disabled = false;
    }
  }

  button.addEventListener('click', () => { run().catch(() => {}); });
  async function checkKernels() {
    const [{ initBackend }, { checkCourseKernels }] = await Promise.all([import('../client/tfBackend'), import('./kernelCheck')]);
    await initBackend();
    return checkCourseKernels();
  }

  window.courseBench = { run, checkKernels };
}

function htmlTable(caption: string, rows: string[][]): HTMLTableElement {
  const table = document.createElement('table');
  table.createCaption().textContent = caption;
  const [header, ...body] = rows;
  const headRow = table.createTHead().insertRow();
  for (const cell of header!) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = cell;
    headRow.append(th);
  }
  const tbody = table.createTBody();
  for (const row of body) {
    const tr = tbody.insertRow();
    for (const cell of row) tr.insertCell().textContent = cell;
  }
  return table;
}
