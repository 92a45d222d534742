/** The worker thread of importInThread.ts: one importDataset, aborted when the main thread says so. */
import { parentPort, workerData } from 'node:worker_threads';
import { importDataset, type ImportOptions } from './importDataset';
import type { ThreadMessage } from './importInThread';

const abort = new AbortController();
parentPort!.on('message', (message) => {
  if (message === 'abort') abort.abort();
});
const send = (message: ThreadMessage) => parentPort!.postMessage(message);

importDataset({ ...(workerData as ImportOptions), signal: abort.signal, onProgress: (progress) => send({ type: 'progress', progress }) }).then(
  (result) => send({ type: 'done', result }),
  (error: Error & { activeDatasetChanged?: boolean }) => send({ type: 'failed', name: error.name, message: error.message, activeDatasetChanged: error.activeDatasetChanged }),
).finally(() => parentPort!.close());
