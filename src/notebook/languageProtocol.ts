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
  /** Errors of every cell, or of the cells from `from` on (an edit cannot change what earlier cells see). */
  diagnostics(request: { cells: ProgramCell[]; from?: string; only?: string }): CellDiagnostic[];
  completions(request: CellPosition): Completions | undefined;
  details(request: CellPosition & { name: string; source?: string; data?: unknown }): ItemDetails | undefined;
  quickInfo(request: CellPosition): QuickInfo | undefined;
  signatureHelp(request: CellPosition): SignatureHelp | undefined;
}

type Method = keyof LanguageRequests;
type Handlers = { [M in Method]: (params: Parameters<LanguageRequests[M]>[0]) => ReturnType<LanguageRequests[M]> };
/** The page sends the type pack (JSON, as bytes) once, fetched while the worker starts; then requests. */
type Message = { id: number; method: Method; params: unknown } | { pack: ArrayBuffer };
type Reply = { id: number; result?: unknown; error?: string };

/** The worker's side: makes the handlers from the pack the page sends, and answers requests with them. */
export function serveLanguageRequests(scope: { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown): void }, start: (packJson: string) => Handlers): void {
  let receive!: (pack: ArrayBuffer) => void;
  const ready = new Promise<ArrayBuffer>((resolve) => { receive = resolve; }).then((bytes) => start(new TextDecoder().decode(bytes)));
  scope.onmessage = async (event: MessageEvent) => {
    const message = event.data as Message;
    if ('pack' in message) return receive(message.pack);
    const { id, method, params } = message;
    try {
      const handlers = await ready;
      scope.postMessage({ id, result: (handlers[method] as (p: unknown) => unknown)(params) } satisfies Reply);
    } catch (error) {
      scope.postMessage({ id, error: error instanceof Error ? `${error.message}` : String(error) } satisfies Reply);
    }
  };
}

export type LanguageClient = { [M in Method]: (params: Parameters<LanguageRequests[M]>[0]) => Promise<ReturnType<LanguageRequests[M]>> };

/** The page's side: sends the pack when it has arrived; each method posts a request and resolves with the worker's answer. */
export function languageClient(worker: Pick<Worker, 'postMessage' | 'addEventListener'>, pack: Promise<ArrayBuffer>): LanguageClient {
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
  worker.addEventListener('error', (event: Event) => failed(new Error((event as ErrorEvent).message ?? 'the language worker failed to start')));
  const failed = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  let packError: Error | undefined;
  pack.then((bytes) => worker.postMessage({ pack: bytes } satisfies Message, [bytes]), (error: Error) => {
    packError = new Error(`the type declarations could not be loaded: ${error.message}`);
    failed(packError);
  });
  const call = (method: Method) => (params: unknown) => new Promise<unknown>((resolve, reject) => {
    if (packError) return reject(packError);
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
