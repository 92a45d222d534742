/**
 * The browser's importer: the same core as the command line (src/importer/runImport.ts) over a File or a
 * picked folder, with the canvas codec, writing into the dataset store. Runs in a Web Worker, so the page
 * stays responsive; one import per worker.
 */
import { formatReport } from '../formatReport';
import { DatasetImportError, runImport } from '../runImport';
import type { DatasetSource } from '../source';
import { openZipFile, pickedFilesSource } from './browserSources';
import { canvasCodec } from './canvasCodec';
import { availableBytes, datasetId, datasetWriter, StorageQuotaError } from './datasetStore';
import type { FromImportWorker, ImportInput, ToImportWorker } from './importProtocol';

const abort = new AbortController();
const post = (message: FromImportWorker) => postMessage(message);

// The payload is about the size of the images (originals kept, small sheets added): what the store must offer.
const inputBytes = (input: ImportInput) => (input.kind === 'zip' ? input.file.size : input.files.reduce((sum, { file }) => sum + file.size, 0));
const neededBytes = (input: ImportInput) => Math.round(inputBytes(input) * 1.15 + 1e6);

async function open(input: ImportInput): Promise<DatasetSource> {
  return input.kind === 'zip' ? openZipFile(input.file, input.file.name) : pickedFilesSource(input.files, input.label);
}

async function start(input: ImportInput, title: string): Promise<void> {
  const started = performance.now();
  const inputName = input.kind === 'zip' ? input.file.name : input.label;
  const id = datasetId(title || inputName);
  const needed = neededBytes(input);
  const writer = datasetWriter(id, () => Math.max(0, needed - writer.bytes));
  try {
    const free = await availableBytes();
    if (free !== undefined && free < needed) throw new StorageQuotaError(needed, free);
    const source = await open(input);
    const outcome = await runImport({
      source,
      codec: canvasCodec(),
      target: writer,
      dataset: { id, title: title || inputName, source: 'imported', origin: `imported in the browser from ${inputName}` },
      inputName,
      signal: abort.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    abort.signal.throwIfAborted();
    await writer.commit({ id, title: outcome.report.dataset.title, count: outcome.manifest.count, createdAt: outcome.report.createdAt });
    post({ type: 'done', id, report: outcome.report, lines: formatReport(outcome.report), bytes: writer.bytes, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    await writer.discard();
    const cancelled = abort.signal.aborted;
    const report = error instanceof DatasetImportError ? error.report : undefined;
    post({ type: 'failed', cancelled, message: cancelled ? 'Import cancelled: nothing was stored.' : (error as Error).message ?? String(error), lines: report ? formatReport(report) : undefined });
  }
}

addEventListener('message', (event: MessageEvent<ToImportWorker>) => {
  if (event.data.type === 'cancel') abort.abort(new DOMException('the import was cancelled', 'AbortError'));
  else void start(event.data.input, event.data.title);
});
