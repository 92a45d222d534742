/**
 * What the page asks the language worker (languageWorker.ts) and what it answers: plain data
 * only, so it crosses postMessage. Every request carries the page's cells as the reader has
 * edited them, so answers are always about the current text.
 */
import type { CellDiagnostic, ProgramCell } from './cellProgram';

export interface CellPosition {
  cells: ProgramCell[];
  cellId: string;
  /** Offset in the cell's source. */
  offset: number;
}

export interface CompletionItem {
  label: string;
  /** TypeScript's kind: 'function', 'method', 'property', 'var', 'let', 'const', 'class', 'keyword', … */
  kind: string;
  sortText: string;
  insertText?: string;
  /** Replaces this range of the cell instead of the word before the cursor. */
  replace?: [number, number];
  /** Passed back to ask for the item's details. */
  source?: string;
  data?: unknown;
}

export interface Completions {
  items: CompletionItem[];
  /** Member completion (after a dot): only these names are valid. */
  isMember: boolean;
}

export interface ItemDetails {
  /** The declaration as TypeScript prints it: `(property) DenseLayerArgs.units: number`. */
  signature: string;
  documentation: string;
}

export interface QuickInfo {
  start: number;
  end: number;
  signature: string;
  documentation: string;
}

export interface SignatureHelp {
  /** Each overload as text, with the active parameter's range in it. */
  signatures: Array<{ text: string; parameter?: [number, number]; documentation: string }>;
  active: number;
}

export interface LanguageRequests {
  diagnostics(request: { cells: ProgramCell[] }): CellDiagnostic[];
  completions(request: CellPosition): Completions | undefined;
  details(request: CellPosition & { name: string; source?: string; data?: unknown }): ItemDetails | undefined;
  quickInfo(request: CellPosition): QuickInfo | undefined;
  signatureHelp(request: CellPosition): SignatureHelp | undefined;
}

type Method = keyof LanguageRequests;
type Message = { id: number; method: Method; params: unknown };
type Reply = { id: number; result?: unknown; error?: string };

/** The worker's side: answers requests with `handlers` once `ready` has resolved. */
export function serveLanguageRequests(scope: { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown): void }, ready: Promise<{ [M in Method]: (params: Parameters<LanguageRequests[M]>[0]) => ReturnType<LanguageRequests[M]> }>): void {
  scope.onmessage = async (event: MessageEvent) => {
    const { id, method, params } = event.data as Message;
    try {
      const handlers = await ready;
      scope.postMessage({ id, result: (handlers[method] as (p: unknown) => unknown)(params) } satisfies Reply);
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? `${error.message}` : String(error) } satisfies Reply);
    }
  };
}

export type LanguageClient = { [M in Method]: (params: Parameters<LanguageRequests[M]>[0]) => Promise<ReturnType<LanguageRequests[M]>> };

/** The page's side: each method posts a request and resolves with the worker's answer. */
export function languageClient(worker: Pick<Worker, 'postMessage' | 'addEventListener'>): LanguageClient {
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  worker.addEventListener('message', (event: MessageEvent) => {
    const { id, result, error } = event.data as Reply;
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error !== undefined) waiting.reject(new Error(`language service: ${error}`));
    else waiting.resolve(result);
  });
  worker.addEventListener('error', (event: Event) => {
    const message = (event as ErrorEvent).message ?? 'the language worker failed to start';
    for (const waiting of pending.values()) waiting.reject(new Error(message));
    pending.clear();
  });
  const call = (method: Method) => (params: unknown) => new Promise<unknown>((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, method, params } satisfies Message);
  });
  return {
    diagnostics: call('diagnostics'),
    completions: call('completions'),
    details: call('details'),
    quickInfo: call('quickInfo'),
    signatureHelp: call('signatureHelp'),
  } as LanguageClient;
}
