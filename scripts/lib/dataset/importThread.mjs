// The import thread's entry (see importInThread.ts): Node 20 does not carry tsx's loader into worker threads,
// so the TypeScript entry is loaded through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./importThreadEntry.ts', import.meta.url);
