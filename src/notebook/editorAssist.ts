/**
 * What the editor offers while the reader types: completion from the live values of cells that
 * have run (at once, no service needed), then TypeScript's type-aware completion with signatures
 * and docs, hover with the type and doc of a name, and type errors as squiggles (set from outside:
 * the page checks all cells together). TypeScript answers come from the language worker through
 * `language()`, which is undefined until the page has started it (on the first focus of an editor).
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import { hoverTooltip, type EditorView, type Tooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import type { Diagnostic } from '@codemirror/lint';
import type { CellDiagnostic, ProgramCell } from './cellProgram';
import type { CompletionItem, LanguageClient } from './languageProtocol';
import { signatureHint } from './signatureHint';

export interface LiveScope {
  names(): string[];
  has(name: string): boolean;
  get(name: string): unknown;
}

export interface EditorAssist {
  cellId: string;
  /** Names defined by cells that have run, with their values (undefined before the kernel has loaded). */
  live(): LiveScope | undefined;
  language(): LanguageClient | undefined;
  /** The page's cells as the reader has edited them, with `source` as this cell's text. */
  cells(source: string): ProgramCell[];
}

/** How long completion waits for TypeScript before showing what live values offer. */
const LANGUAGE_WAIT_MS = 400;
const IDENTIFIER = /^[\w$]*$/;

export function assistExtensions(assist: EditorAssist): Extension[] {
  return [
    autocompletion({ override: [(context) => complete(assist, context)], icons: true, activateOnTypingDelay: 60 }),
    hoverTooltip((view, pos) => hover(assist, view, pos), { hoverTime: 350 }),
    signatureHint(assist),
  ];
}

async function complete(assist: EditorAssist, context: CompletionContext): Promise<CompletionResult | null> {
  const word = context.matchBefore(/[\w$]*/)!;
  const member = context.state.sliceDoc(Math.max(0, word.from - 1), word.from) === '.';
  const node = syntaxTree(context.state).resolveInner(context.pos, -1);
  const inString = /String|Template/.test(node.name);
  if (/Comment/.test(node.name)) return null;
  if (!context.explicit && word.from === word.to && !member && !inString) return null;

  const live = inString ? [] : liveOptions(assist.live(), context, word.from, member);
  const language = assist.language();
  const cells = assist.cells(context.state.doc.toString());
  const typed = language
    ? await Promise.race([
      language.completions({ cells, cellId: assist.cellId, offset: context.pos }).catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(resolve, LANGUAGE_WAIT_MS)),
    ])
    : undefined;
  if (context.aborted) return null;
  const options = typed ? [...typed.items.map((item) => typedOption(assist, cells, context.pos, item)), ...live.filter((option) => !typed.items.some((item) => item.label === option.label))] : live;
  if (options.length === 0) return null;
  return { from: inString ? stringContentStart(context, node.from) : word.from, options, validFor: inString ? /^[^'"`]*$/ : IDENTIFIER };
}

function stringContentStart(context: CompletionContext, nodeFrom: number): number {
  return Math.min(context.pos, nodeFrom + 1);
}

/** Names of the live scope, or the properties of the live value before the dot (`model.`, `data.train.`). */
function liveOptions(scope: LiveScope | undefined, context: CompletionContext, from: number, member: boolean): Completion[] {
  if (!scope) return [];
  if (!member) return scope.names().map((name) => ({ label: name, type: typeOfValue(scope.get(name)), detail: describe(scope.get(name)), boost: 1 }));
  const path = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\.$/.exec(context.state.sliceDoc(Math.max(0, from - 200), from))?.[1]?.split(/\s*\.\s*/);
  if (!path || !scope.has(path[0]!)) return [];
  let value = scope.get(path[0]!);
  for (const key of path.slice(1)) {
    try {
      value = value == null ? undefined : (value as Record<string, unknown>)[key];
    } catch {
      return [];
    }
  }
  return propertyNames(value).map((name) => {
    let property: unknown;
    try {
      property = (value as Record<string, unknown>)[name];
    } catch {
      property = undefined;
    }
    return { label: name, type: typeof property === 'function' ? 'method' : 'property', detail: describe(property) };
  });
}

/** Own and inherited property names, without Object.prototype's and private-looking ones. */
function propertyNames(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const names = new Set<string>();
  for (let object: object | null = Object(value); object && object !== Object.prototype && object !== Function.prototype; object = Object.getPrototypeOf(object)) {
    for (const name of Object.getOwnPropertyNames(object)) if (name !== 'constructor' && !name.startsWith('_') && IDENTIFIER.test(name)) names.add(name);
  }
  return [...names];
}

function typeOfValue(value: unknown): string {
  if (typeof value === 'function') return /^class\b/.test(Function.prototype.toString.call(value)) ? 'class' : 'function';
  return 'variable';
}

/** A short description of a live value: its constructor or type, a number's value. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.length > 24 ? `"${value.slice(0, 24)}…"` : JSON.stringify(value);
  if (typeof value === 'function') return 'function';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

const KIND_TYPES: Record<string, string> = {
  function: 'function', 'local function': 'function', method: 'method', property: 'property', getter: 'property', setter: 'property',
  var: 'variable', let: 'variable', const: 'constant', 'local var': 'variable', parameter: 'variable', alias: 'variable',
  class: 'class', interface: 'interface', type: 'type', enum: 'enum', 'enum member': 'enum', module: 'namespace', keyword: 'keyword', string: 'text',
};

function typedOption(assist: EditorAssist, cells: ProgramCell[], offset: number, item: CompletionItem): Completion {
  // TypeScript's sortText ranks locals first, then globals, then keywords: a small boost keeps that order among equal matches.
  const rank = Number.parseInt(item.sortText, 10);
  const option: Completion = {
    label: item.label,
    type: KIND_TYPES[item.kind] ?? 'variable',
    boost: Number.isFinite(rank) ? Math.max(-50, 15 - rank) : 0,
    info: () => completionInfo(assist, cells, offset, item),
  };
  if (item.replace || item.insertText !== undefined) {
    const text = item.insertText ?? item.label;
    option.apply = (view, _completion, from, to) => {
      const [start, end] = item.replace ?? [from, to];
      view.dispatch({ changes: { from: start, to: Math.max(end, to), insert: text }, selection: { anchor: start + text.length }, userEvent: 'input.complete' });
    };
  }
  return option;
}

async function completionInfo(assist: EditorAssist, cells: ProgramCell[], offset: number, item: CompletionItem): Promise<Node | null> {
  const language = assist.language();
  if (!language) return null;
  const details = await language.details({ cells, cellId: assist.cellId, offset, name: item.label, source: item.source, data: item.data }).catch(() => undefined);
  return details ? typeCard(details.signature, details.documentation) : null;
}

async function hover(assist: EditorAssist, view: EditorView, pos: number): Promise<Tooltip | null> {
  const language = assist.language();
  if (!language) return null;
  const source = view.state.doc.toString();
  const info = await language.quickInfo({ cells: assist.cells(source), cellId: assist.cellId, offset: pos }).catch(() => undefined);
  if (!info || view.state.doc.toString() !== source) return null;
  return { pos: info.start, end: info.end, above: true, create: () => ({ dom: typeCard(info.signature, info.documentation, 'cm-type-hover') }) };
}

/** A declaration in code type, and its documentation as paragraphs. */
function typeCard(signature: string, documentation: string, className = 'cm-type-info'): HTMLElement {
  const card = document.createElement('div');
  card.className = className;
  const code = document.createElement('code');
  code.className = 'cm-type-signature';
  code.textContent = signature;
  card.append(code);
  for (const paragraph of documentation.split(/\n{2,}|\n(?=@)/).filter((p) => p.trim())) {
    const p = document.createElement('p');
    p.textContent = paragraph.trim();
    card.append(p);
  }
  return card;
}

/** The squiggles of one cell: TypeScript's diagnostics in CodeMirror's terms. */
export function editorDiagnostics(diagnostics: CellDiagnostic[], length: number): Diagnostic[] {
  return diagnostics.map((d) => {
    const from = Math.min(d.start, length);
    const to = Math.min(Math.max(d.end, from + 1), length);
    return { from: to > from ? from : Math.max(0, from - 1), to, severity: d.category, message: d.message, source: `TypeScript ${d.code}` };
  });
}
