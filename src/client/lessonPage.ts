/**
 * Brings a lesson page's cells to life. Kept small on purpose: the notebook engine, the
 * editor and TF.js are loaded only when the reader acts (hovers or focuses a cell, presses Run).
 */
import type { CellSource } from '../notebook/notebook';
import type { CellEditor } from '../notebook/editor';
import type { CellRun } from './runtime';

type CellState = 'idle' | 'running' | 'done' | 'error';

interface PageCell extends CellSource {
  root: HTMLElement;
  output: HTMLElement;
  status: HTMLElement;
  runButton: HTMLButtonElement;
  stopButton: HTMLButtonElement;
  codeArea: HTMLElement;
  original: string;
  editor?: CellEditor;
  current?: CellRun;
}

const params = new URLSearchParams(location.search);
const maxEpochsParam = Number(params.get('maxEpochs'));
const kernelStatus = document.querySelector<HTMLElement>('[data-kernel-status]');
const runAllButton = document.querySelector<HTMLButtonElement>('[data-run-all]');
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

const cells: PageCell[] = [...document.querySelectorAll<HTMLElement>('[data-cell]')].map((root) => {
  const codeArea = root.querySelector<HTMLElement>('[data-cell-code]')!;
  const original = codeArea.querySelector('pre')?.textContent ?? '';
  const number = root.dataset.cellNumber ?? root.dataset.cell!;
  return {
    id: root.dataset.cell!,
    label: `cell ${number}`,
    source: original,
    original,
    root,
    codeArea,
    output: root.querySelector<HTMLElement>('[data-cell-output]')!,
    status: root.querySelector<HTMLElement>('.cell-status')!,
    runButton: root.querySelector<HTMLButtonElement>('[data-cell-run]')!,
    stopButton: root.querySelector<HTMLButtonElement>('[data-cell-stop]')!,
  };
});

let runtimePromise: Promise<ReturnType<typeof import('./runtime').createRuntime>> | undefined;
function runtime() {
  runtimePromise ??= import('./runtime').then(({ createRuntime }) =>
    createRuntime({
      datasetUrl: `${base}data/`,
      maxEpochs: Number.isInteger(maxEpochsParam) && maxEpochsParam > 0 ? maxEpochsParam : undefined,
      onStatus: (text) => { if (kernelStatus) kernelStatus.textContent = text; },
    }));
  return runtimePromise;
}

function currentSource(cell: PageCell): string {
  return cell.editor?.getSource() ?? cell.source;
}

function setState(cell: PageCell, state: CellState, message = ''): void {
  cell.root.dataset.cellState = state;
  cell.status.textContent = message;
  const running = state === 'running';
  cell.runButton.hidden = running;
  cell.stopButton.hidden = !running;
}

// Cells run one at a time, in the order they were asked for, like a notebook kernel.
let queue: Promise<unknown> = Promise.resolve();

function runCell(cell: PageCell): Promise<'done' | 'error'> {
  if (cell.root.dataset.cellState === 'running') return Promise.resolve('error');
  cell.status.textContent = 'waiting…';
  const result = queue.then(async () => {
    const started = performance.now();
    setState(cell, 'running', 'running…');
    const kernel = await runtime();
    kernel.setCells(cells.map((c) => ({ id: c.id, label: c.label, source: currentSource(c) })));
    cell.current = kernel.run({ id: cell.id, label: cell.label, source: currentSource(cell) }, cell.output);
    const state = await cell.current.finished;
    cell.current = undefined;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    setState(cell, state, state === 'done' ? `done in ${seconds} s` : 'error');
    return state;
  });
  queue = result.catch(() => undefined);
  return result;
}

async function runAll(): Promise<void> {
  if (!runAllButton || runAllButton.disabled) return;
  runAllButton.disabled = true;
  runAllButton.textContent = 'Running all…';
  try {
    for (const cell of cells) {
      if ((await runCell(cell)) === 'error') {
        if (kernelStatus) kernelStatus.textContent = `Run all stopped at ${cell.label}, which ended with an error.`;
        cell.root.scrollIntoView({ block: 'center' });
        break;
      }
    }
  } finally {
    runAllButton.disabled = false;
    runAllButton.textContent = 'Run all';
  }
}

let editorModule: Promise<typeof import('../notebook/editor')> | undefined;
async function upgradeToEditor(cell: PageCell, focus: boolean): Promise<void> {
  if (cell.editor) return;
  editorModule ??= import('../notebook/editor');
  const { createCellEditor } = await editorModule;
  if (cell.editor) return;
  const pre = cell.codeArea.querySelector('pre');
  const host = document.createElement('div');
  host.className = 'cell-editor';
  cell.editor = createCellEditor(host, {
    source: cell.source,
    label: `Code of ${cell.label}`,
    onRun: () => void runCell(cell),
    onChange: (source) => { cell.source = source; cell.root.dataset.edited = String(source !== cell.original); },
  });
  pre?.replaceWith(host);
  if (focus) cell.editor.focus();
}

for (const cell of cells) {
  cell.runButton.addEventListener('click', () => void runCell(cell));
  cell.stopButton.addEventListener('click', () => {
    cell.status.textContent = 'stopping…';
    cell.current?.stop();
  });
  cell.codeArea.addEventListener('pointerenter', () => void upgradeToEditor(cell, false), { once: true });
  cell.codeArea.addEventListener('focusin', (event) => {
    if ((event.target as HTMLElement).tagName === 'PRE') void upgradeToEditor(cell, true);
  });
  cell.codeArea.addEventListener('pointerdown', () => void upgradeToEditor(cell, true));
  cell.codeArea.addEventListener('keydown', (event) => {
    // Before the editor has loaded, Shift+Enter on the highlighted code still runs the cell.
    if (!cell.editor && event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void runCell(cell);
    }
  });
}
runAllButton?.addEventListener('click', () => void runAll());
document.documentElement.dataset.notebookReady = 'true';
