/**
 * The import panel (the data page, and chooseDataset() in a cell): pick or drop a zip, a folder or two
 * folders of photos; a progress bar with Cancel while the worker imports (src/importer/browser/importWorker.ts);
 * then the command line's report, or its error message. Below, the datasets stored in this browser with their
 * sizes, to use or delete, and the built-in one.
 */
import type { Messages } from '../i18n';
import { fromRelativePaths, filesOfDirectoryHandle, filesOfEntry, type PickedFile } from '../importer/browser/browserSources';
import { deleteStoredDataset, listStoredDatasets, type StoredDataset } from '../importer/browser/datasetStore';
import type { FromImportWorker, ImportInput, ToImportWorker } from '../importer/browser/importProtocol';
import { chooseStoredDataset, chosenDataset } from '../lib/chosenDataset';

export interface ImportPanelOptions {
  t: Messages['dataImport'];
  /** After an import, a Use or a Delete: the dataset now active (undefined: the built-in one). */
  onChange?(active: StoredDataset | undefined): void;
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props) as HTMLElementTagNameMap[K];
  node.append(...children);
  return node;
};

/** Runs one import in a fresh worker; resolves with the worker's last message. */
function importInWorker(input: ImportInput, title: string, onProgress: (message: Extract<FromImportWorker, { type: 'progress' }>) => void, signal: AbortSignal): Promise<Exclude<FromImportWorker, { type: 'progress' }>> {
  const worker = new Worker(new URL('../importer/browser/importWorker.ts', import.meta.url), { type: 'module', name: 'dataset import' });
  const send = (message: ToImportWorker) => worker.postMessage(message);
  return new Promise((resolve) => {
    const cancel = () => send({ type: 'cancel' });
    signal.addEventListener('abort', cancel, { once: true });
    worker.addEventListener('message', (event: MessageEvent<FromImportWorker>) => {
      if (event.data.type === 'progress') return onProgress(event.data);
      signal.removeEventListener('abort', cancel);
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ type: 'failed', cancelled: false, message: `the import worker failed: ${event.message}` });
    });
    send({ type: 'start', input, title });
  });
}

/** What was dropped: one zip, or folders (one dataset folder, or emergency/ + other/ side by side). */
async function droppedInput(items: DataTransferItemList): Promise<ImportInput | undefined> {
  const entries = [...items].map((item) => item.webkitGetAsEntry()).filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 1 && entries[0]!.isFile) {
    const [file] = await filesOfEntry(entries[0]!, entries[0]!.name);
    return { kind: 'zip', file: file!.file as File };
  }
  if (entries.length === 0) return undefined;
  const folders = entries.filter((entry) => entry.isDirectory);
  if (folders.length === 1) return { kind: 'files', label: folders[0]!.name, files: await filesOfEntry(folders[0]!, '') };
  const files: PickedFile[] = (await Promise.all(folders.map((folder) => filesOfEntry(folder, folder.name)))).flat();
  return { kind: 'files', label: folders.map((folder) => folder.name).sort().join(' + '), files };
}

export function importPanel({ t, onChange }: ImportPanelOptions): HTMLElement {
  const name = element('input', { type: 'text', placeholder: t.namePlaceholder });
  name.dataset.importName = '';
  const zipInput = element('input', { type: 'file', accept: '.zip,application/zip' });
  zipInput.dataset.importZip = '';
  const folderInput = element('input', { type: 'file', multiple: true });
  folderInput.setAttribute('webkitdirectory', '');
  folderInput.dataset.importFolder = '';
  const zipLabel = element('label', { className: 'button' }, t.pickZip, zipInput);
  const folderLabel = element('label', { className: 'button' }, t.pickFolder, folderInput);
  const drop = element('div', { className: 'drop-zone' }, element('p', {}, t.intro), element('label', {}, `${t.nameLabel} `, name), ' ', zipLabel, ' ', folderLabel, element('p', { className: 'muted' }, t.dropHere));
  drop.dataset.importDrop = '';
  const bar = element('progress', { max: 1, value: 0 });
  bar.dataset.importProgress = '';
  const status = element('span', { role: 'status' });
  status.dataset.importStatus = '';
  const cancel = element('button', { type: 'button', textContent: t.cancel });
  const progressRow = element('div', { className: 'import-progress', hidden: true }, bar, ' ', status, ' ', cancel);
  const outcome = element('div');
  outcome.dataset.importOutcome = '';
  const stored = element('div');
  stored.dataset.storedDatasets = '';
  const panel = element('section', { className: 'import-panel' }, element('h2', {}, t.heading), drop, progressRow, outcome, element('h3', {}, t.storedHeading), stored);
  panel.dataset.importPanel = '';

  let running: AbortController | undefined;
  cancel.addEventListener('click', () => running?.abort());

  async function refresh(): Promise<void> {
    const list = await listStoredDatasets().catch(() => []);
    const active = chosenDataset()?.id;
    const items: HTMLElement[] = [];
    const useButton = (dataset: StoredDataset | undefined) => {
      const button = element('button', { type: 'button', textContent: t.use, disabled: (dataset?.id ?? undefined) === active });
      button.dataset.useDataset = dataset?.id ?? '';
      button.addEventListener('click', () => {
        chooseStoredDataset(dataset);
        onChange?.(dataset);
        void refresh();
      });
      return button;
    };
    items.push(element('li', {}, t.builtIn, ' ', active === undefined ? element('strong', {}, t.active) : useButton(undefined)));
    for (const dataset of list) {
      const remove = element('button', { type: 'button', textContent: t.remove });
      remove.dataset.deleteDataset = dataset.id;
      remove.addEventListener('click', async () => {
        await deleteStoredDataset(dataset.id);
        if (dataset.id === active) {
          chooseStoredDataset(undefined);
          onChange?.(undefined);
        }
        void refresh();
      });
      const item = element('li', {}, `${dataset.title} — ${t.images(dataset.count)}, ${(dataset.bytes / 1e6).toFixed(1)} MB, ${dataset.createdAt.slice(0, 10)} `, dataset.id === active ? element('strong', {}, t.active) : useButton(dataset), ' ', remove);
      item.dataset.storedDataset = dataset.id;
      item.dataset.bytes = String(dataset.bytes);
      items.push(item);
    }
    stored.replaceChildren(element('ul', {}, ...items));
  }

  async function run(input: ImportInput): Promise<void> {
    if (running) return;
    running = new AbortController();
    progressRow.hidden = false;
    outcome.replaceChildren();
    panel.dataset.importState = 'running';
    const title = name.value.trim() || (input.kind === 'zip' ? input.file.name.replace(/\.zip$/i, '') : input.label);
    const result = await importInWorker(input, title, ({ progress }) => {
      bar.max = progress.total;
      bar.value = progress.done;
      status.textContent = t.progress(t.phase[progress.phase] ?? progress.phase, progress.done, progress.total);
    }, running.signal);
    running = undefined;
    progressRow.hidden = true;
    const report = element('pre', { className: 'import-report' });
    report.dataset.importReport = '';
    if (result.type === 'done') {
      report.textContent = result.lines.join('\n');
      const done = element('p', { textContent: t.imported(result.report.dataset.title, (result.bytes / 1e6).toFixed(1), result.seconds.toFixed(1)) });
      done.dataset.importDone = result.id;
      outcome.replaceChildren(done, report);
      const dataset = { id: result.id, title: result.report.dataset.title, count: result.report.counts.images, bytes: result.bytes, createdAt: result.report.createdAt };
      chooseStoredDataset(dataset);
      panel.dataset.importState = 'done';
      onChange?.(dataset);
    } else {
      const error = element('p', { className: 'notice', role: 'alert' }, t.failed, ' ', element('span', { className: 'import-error', textContent: result.message }));
      error.dataset.importError = result.cancelled ? 'cancelled' : 'failed';
      outcome.replaceChildren(error, ...(result.lines ? [Object.assign(report, { textContent: result.lines.join('\n') })] : []));
      panel.dataset.importState = result.cancelled ? 'cancelled' : 'failed';
    }
    await refresh();
  }

  zipInput.addEventListener('change', () => {
    const file = zipInput.files?.[0];
    zipInput.value = '';
    if (file) void run({ kind: 'zip', file });
  });
  folderInput.addEventListener('change', () => {
    const files = [...(folderInput.files ?? [])];
    folderInput.value = '';
    if (files.length > 0) void run({ kind: 'files', ...fromRelativePaths(files) });
  });
  // Where the browser has a directory picker, the folder button opens it (the <input webkitdirectory> elsewhere).
  const showDirectoryPicker = (window as unknown as { showDirectoryPicker?: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker;
  if (showDirectoryPicker) {
    folderLabel.addEventListener('click', async (event) => {
      if (event.target === folderInput) return;
      event.preventDefault();
      let handle: FileSystemDirectoryHandle;
      try {
        handle = await showDirectoryPicker.call(window);
      } catch {
        return; // the reader closed the picker
      }
      void run({ kind: 'files', label: handle.name, files: await filesOfDirectoryHandle(handle) });
    });
  }
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', async (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const input = event.dataTransfer ? await droppedInput(event.dataTransfer.items) : undefined;
    if (input) void run(input);
  });
  void refresh();
  return panel;
}
