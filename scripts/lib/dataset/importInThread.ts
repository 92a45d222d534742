/**
 * Runs importDataset in a worker thread, so that the command's main thread does nothing but wait: it then
 * answers Ctrl-C at once, even on a loaded machine. (Started with "npx tsx", a command that does not answer
 * a signal within 30 ms is killed outright by tsx's relay, before it can clean up.)
 */
import 'sharp'; // loaded by the main thread first, as sharp asks of programs that use it in worker threads
import { Worker } from 'node:worker_threads';
import type { ImportOptions, ImportProgress, ImportResult } from './importDataset';

type ThreadOptions = Omit<ImportOptions, 'signal' | 'onProgress' | 'payloadFileSystem' | 'now'>;

export type ThreadMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; name: string; message: string; activeDatasetChanged?: boolean };

export function importInThread(options: ThreadOptions, { signal, onProgress }: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void }): Promise<ImportResult> {
  const worker = new Worker(new URL('./importThread.mjs', import.meta.url), { workerData: options });
  const onAbort = () => worker.postMessage('abort');
  signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise<ImportResult>((resolve, reject) => {
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') resolve(message.result);
      else reject(Object.assign(new Error(message.message), { name: message.name, activeDatasetChanged: message.activeDatasetChanged }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the import thread ended (exit code ${code}) without a result`)));
  }).finally(() => signal?.removeEventListener('abort', onAbort));
}
