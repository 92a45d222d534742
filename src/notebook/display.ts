/**
 * The notebook's inspector: turns any value a cell produces into DOM nodes, like a
 * devtools console. Collections are collapsible and render their children only when
 * opened, so huge arrays and circular structures stay cheap. TF.js tensors and models,
 * ImageData and DOM nodes are recognised by shape (duck typing), so this module needs
 * neither TF.js nor a DOM library: every node is built with `doc`, never from HTML text.
 */
import { formatCount, formatNumber, formatPropertyKey, formatShape, quoteString } from './format';

/** Children shown per page of an opened collection; the rest are behind "… N more". */
const PAGE_SIZE = 100;
/** A one-line preview stops after this many entries or characters. */
const PREVIEW_ENTRIES = 10;
const PREVIEW_CHARACTERS = 60;
/** Nested strings longer than this (or with line breaks) open to show their full text. */
const INLINE_STRING_LENGTH = 120;
/** Tensor previews show at most this many columns and rows; other axes keep first and last. */
const TENSOR_COLUMNS = 8;
const TENSOR_ROWS = 6;
const TENSOR_OUTER = 2;

// ---------------------------------------------------------------------------------------
// Duck types: the shapes of TF.js and DOM values this module recognises without importing them.

interface TensorLike {
  shape: readonly number[];
  dtype: string;
  size: number;
  dataSync(): ArrayLike<unknown>;
  isDisposed?: boolean;
  name?: unknown;
  trainable?: unknown;
}

interface WeightLike {
  shape: readonly (number | null)[];
}

interface LayerLike {
  name: string;
  getClassName(): string;
  outputShape: unknown;
  countParams(): number;
  trainableWeights?: WeightLike[];
  nonTrainableWeights?: WeightLike[];
}

interface ModelLike {
  name?: unknown;
  layers: LayerLike[];
  summary: unknown;
  getClassName?: () => string;
  trainableWeights?: WeightLike[];
  nonTrainableWeights?: WeightLike[];
}

interface ImageDataLike {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

type Indexable = Record<PropertyKey, unknown>;

function isObjectLike(value: unknown): value is Indexable {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function isDomNode(value: unknown): value is Node {
  return isObjectLike(value) && typeof value.nodeType === 'number' && typeof value.nodeName === 'string';
}

function isTensor(value: unknown): value is TensorLike {
  return isObjectLike(value) && Array.isArray(value.shape) && typeof value.dtype === 'string' &&
    typeof value.dataSync === 'function' && typeof value.size === 'number';
}

function isLayer(value: unknown): value is LayerLike {
  return isObjectLike(value) && typeof value.name === 'string' && typeof value.getClassName === 'function' &&
    typeof value.countParams === 'function' && 'outputShape' in value;
}

function isModel(value: unknown): value is ModelLike {
  if (!isObjectLike(value) || typeof value.summary !== 'function') return false;
  const layers = safely(() => value.layers);
  return Array.isArray(layers) && layers.every(isLayer);
}

function isImageData(value: unknown): value is ImageDataLike {
  if (!isObjectLike(value) || typeof value.width !== 'number' || typeof value.height !== 'number') return false;
  return Object.prototype.toString.call(value.data) === '[object Uint8ClampedArray]' &&
    (value.data as Uint8ClampedArray).length === value.width * value.height * 4;
}

/** Reads something a value computes (a getter, a method) without letting it break the display. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// Kinds of values.

type Kind =
  | 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'bigint' | 'symbol' | 'function'
  | 'node' | 'tensor' | 'model' | 'imageData' | 'date' | 'regexp' | 'error' | 'promise'
  | 'array' | 'typedArray' | 'map' | 'set' | 'weak' | 'buffer' | 'object';

function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': case 'number': case 'boolean': case 'undefined': case 'bigint': case 'symbol': case 'function':
      return typeof value as Kind;
  }
  if (isDomNode(value)) return 'node';
  if (isTensor(value)) return 'tensor';
  if (isModel(value)) return 'model';
  if (isImageData(value)) return 'imageData';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regexp';
  if (value instanceof Error || Object.prototype.toString.call(value) === '[object Error]') return 'error';
  if (value instanceof Promise) return 'promise';
  if (Array.isArray(value)) return 'array';
  if (ArrayBuffer.isView(value)) return value instanceof DataView ? 'buffer' : 'typedArray';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  if (value instanceof WeakMap || value instanceof WeakSet || (typeof WeakRef === 'function' && value instanceof WeakRef)) return 'weak';
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) return 'buffer';
  return 'object';
}

// ---------------------------------------------------------------------------------------
// Public API.

/** A cell's value as the reader sees it under the cell. DOM nodes are returned as they are. */
export function renderValue(value: unknown, doc: Document = document): Node {
  const kind = kindOf(value);
  switch (kind) {
    case 'node':
      return value as Node;
    case 'string':
      return element(doc, 'div', 'nb-value nb-text', value as string);
    case 'tensor':
      return renderTensor(value as TensorLike, doc);
    case 'model':
      return renderModelSummary(value as ModelLike, doc);
    case 'imageData':
      return renderImageData(value as ImageDataLike, doc);
    case 'error':
      return renderError(value, doc);
  }
  if (isExpandable(value, kind, false)) {
    const details = renderInline(value, doc, []);
    (details as HTMLElement).classList.add('nb-value');
    return details;
  }
  const block = element(doc, 'div', 'nb-value');
  block.append(renderAtom(value, kind, doc));
  return block;
}

/**
 * A cell error: name and message, and when the error carries `cellLine` / `cellColumn` /
 * `cellSourceLine`, where it happened with the offending line and a caret under the column.
 */
export function renderError(error: unknown, doc: Document = document): Node {
  const box = element(doc, 'div', 'nb-error');
  const heading = element(doc, 'div', 'nb-error-message');
  box.append(heading);
  if (!isObjectLike(error)) {
    // `throw "text"` and friends: show the thrown value itself.
    heading.append(element(doc, 'span', 'nb-error-name', 'Thrown value'), ': ', renderInline(error, doc, []));
    return box;
  }
  const name = typeof error.name === 'string' && error.name !== '' ? error.name : 'Error';
  const message = typeof error.message === 'string' ? error.message : '';
  // Some messages already start with their name ("interrupted: …"); do not say it twice.
  if (message !== '' && message.toLowerCase().startsWith(`${name.toLowerCase()}:`)) {
    heading.append(message);
  } else {
    heading.append(element(doc, 'span', 'nb-error-name', name));
    if (message !== '') heading.append(': ', message);
  }

  const line = typeof error.cellLine === 'number' ? error.cellLine : undefined;
  const column = typeof error.cellColumn === 'number' ? error.cellColumn : undefined;
  if (line !== undefined) {
    box.append(element(doc, 'div', 'nb-error-location', column !== undefined ? `line ${line}, column ${column}` : `line ${line}`));
  }
  if (typeof error.cellSourceLine === 'string') box.append(renderSourceExcerpt(error.cellSourceLine, line, column, doc));

  if ('cause' in error && error.cause !== undefined) {
    const cause = element(doc, 'div', 'nb-error-cause', 'Caused by: ');
    cause.append(isObjectLike(error.cause) && kindOf(error.cause) === 'error' ? errorSummary(error.cause) : renderInline(error.cause, doc, []));
    box.append(cause);
  }
  return box;
}

/**
 * One console.log / info / warn / error call from a cell, on one line like a browser console.
 * `renderText` renders the line's text parts (the cell output cuts very long ones).
 */
export function renderConsoleLine(level: 'log' | 'info' | 'warn' | 'error', args: unknown[], doc: Document = document, renderText: (text: string) => Node = (text) => doc.createTextNode(text)): Node {
  const line = element(doc, 'div', `nb-console nb-console-${level}`);
  line.dataset.level = level;
  applyFormatSpecifiers(args).forEach((group, index) => {
    if (index > 0) line.append(' ');
    for (const part of group) line.append(typeof part === 'string' ? renderText(part) : renderInline(part.value, doc, []));
  });
  return line;
}

// ---------------------------------------------------------------------------------------
// Small values shown as a single styled span.

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A value that is not expanded further: a styled span with its text form. */
function renderAtom(value: unknown, kind: Kind, doc: Document): HTMLElement {
  switch (kind) {
    case 'number': {
      const span = element(doc, 'span', 'nb-number', formatNumber(value as number));
      // Rounded floats keep their exact value one hover away.
      if (span.textContent !== String(value)) span.title = String(value);
      return span;
    }
    case 'string':
      return element(doc, 'span', 'nb-string', quoteString(value as string));
    case 'boolean':
      return element(doc, 'span', 'nb-boolean', String(value));
    case 'null':
    case 'undefined':
      return element(doc, 'span', `nb-${kind}`, kind);
    case 'bigint':
      return element(doc, 'span', 'nb-bigint', `${value}n`);
    case 'symbol':
      return element(doc, 'span', 'nb-symbol', (value as symbol).toString());
    case 'function':
      return element(doc, 'span', 'nb-function', describeFunction(value as (...args: unknown[]) => unknown));
    case 'date': {
      const date = value as Date;
      const valid = !Number.isNaN(date.getTime());
      const span = element(doc, 'span', 'nb-date', valid ? date.toISOString() : 'Invalid Date');
      if (valid) span.title = date.toString();
      return span;
    }
    case 'regexp':
      return element(doc, 'span', 'nb-regexp', String(value));
    case 'error':
      return element(doc, 'span', 'nb-error-inline', errorSummary(value as Indexable));
    case 'promise':
      return element(doc, 'span', 'nb-promise', 'Promise');
    default:
      // Empty collections still show their brackets: `Array(0) []`, `Object {}`.
      return asCollection(value, kind) ? renderPreview(value, kind, doc) : element(doc, 'span', 'nb-label', shortLabel(value, kind));
  }
}

function errorSummary(error: Indexable): string {
  const name = typeof error.name === 'string' && error.name !== '' ? error.name : 'Error';
  const message = typeof error.message === 'string' ? error.message : '';
  return message === '' ? name : `${name}: ${message}`;
}

/** `ƒ name(a, b)` from the function's own source; classes read `class Name`. */
function describeFunction(fn: (...args: unknown[]) => unknown): string {
  const name = safely(() => fn.name) || '';
  const source = safely(() => Function.prototype.toString.call(fn)) ?? '';
  if (/^class\b/.test(source)) return `class ${name || '(anonymous)'}`;
  const prefix = /^async\b/.test(source) ? 'async ƒ' : 'ƒ';
  const star = /^(?:async\s*)?function\s*\*/.test(source) ? '*' : '';
  return `${prefix}${star} ${name}(${parameterList(source)})`;
}

function parameterList(source: string): string {
  const bareArrow = /^(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
  if (bareArrow) return bareArrow[1];
  const open = source.indexOf('(');
  if (open < 0) return '';
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    const char = source[index];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) {
      const parameters = source.slice(open + 1, index).replace(/\s+/g, ' ').trim();
      return parameters.length > 60 ? `${parameters.slice(0, 60)}…` : parameters;
    }
  }
  return '…';
}

function describeNode(node: Node): string {
  if (node.nodeType === 1) {
    const el = node as Element;
    const id = el.id ? `#${el.id}` : '';
    const classes = typeof el.className === 'string' && el.className.trim() !== '' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `<${el.localName}${id}${classes}>`;
  }
  if (node.nodeType === 3) return `#text ${quoteString(node.textContent ?? '', 30)}`;
  return node.nodeName;
}

/** The name a devtools console gives an object: its class, its toStringTag, or "Object". */
function className(value: Indexable): string {
  const fromTfjs = typeof value.getClassName === 'function' ? safely(() => (value.getClassName as () => unknown)()) : undefined;
  if (typeof fromTfjs === 'string' && fromTfjs !== '') return fromTfjs;
  const tag = safely(() => value[Symbol.toStringTag]);
  if (typeof tag === 'string' && tag !== '') return tag;
  const constructorName = safely(() => (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name);
  return typeof constructorName === 'string' && constructorName !== '' ? constructorName : 'Object';
}

function tensorLabel(tensor: TensorLike): string {
  const variable = typeof tensor.trainable === 'boolean' && typeof tensor.name === 'string';
  return `${variable ? `Variable ${tensor.name}` : 'Tensor'} ${tensor.dtype} ${formatShape(tensor.shape)}`;
}

/** The one-word form of a value, used where no room is left (inside another preview). */
function shortLabel(value: unknown, kind: Kind): string {
  switch (kind) {
    case 'array': return `Array(${(value as unknown[]).length})`;
    case 'typedArray': return `${className(value as Indexable)}(${(value as ArrayLike<unknown>).length})`;
    case 'map': case 'set': return `${className(value as Indexable)}(${(value as Map<unknown, unknown>).size})`;
    case 'buffer': return `${className(value as Indexable)}(${(value as ArrayBuffer).byteLength})`;
    case 'weak': return className(value as Indexable);
    case 'tensor': return safely(() => (value as TensorLike).isDisposed) ? 'disposed tensor' : `Tensor ${formatShape((value as TensorLike).shape)}`;
    case 'model': return className(value as Indexable);
    case 'imageData': return `ImageData ${(value as ImageDataLike).width}×${(value as ImageDataLike).height}`;
    case 'node': return describeNode(value as Node);
    case 'object': {
      const name = className(value as Indexable);
      if (name !== 'Object') return name;
      return objectKeys(value as object).length === 0 ? '{}' : '{…}';
    }
    default: return String(value);
  }
}

// ---------------------------------------------------------------------------------------
// Collections: their entries, previews and lazily rendered children.

interface Entry {
  /** Property key or index; absent for Set members. */
  key?: string;
  /** Present for Map entries, whose keys can be any value. */
  mapKey?: { value: unknown };
  value?: unknown;
  /** An array hole: `[1, , 3]`. */
  hole?: boolean;
  /** Reading the property threw (a getter or a proxy). */
  failure?: unknown;
}

interface Collection {
  /** Label before the preview: `Array(5)`, `Object`, `Map(2)`. */
  label: string;
  open: string;
  close: string;
  total: number;
  entries(): Iterator<Entry>;
}

function objectKeys(value: object): (string | symbol)[] {
  const symbols = Object.getOwnPropertySymbols(value).filter((symbol) => Object.prototype.propertyIsEnumerable.call(value, symbol));
  return [...Object.keys(value), ...symbols];
}

function* arrayEntries(array: ArrayLike<unknown>, checkHoles: boolean): Generator<Entry> {
  for (let index = 0; index < array.length; index++) {
    yield checkHoles && !(index in array) ? { key: String(index), hole: true } : { key: String(index), value: array[index] };
  }
}

function* propertyEntries(value: Indexable, keys: (string | symbol)[]): Generator<Entry> {
  for (const key of keys) {
    const shown = formatPropertyKey(key);
    try {
      yield { key: shown, value: value[key] };
    } catch (failure) {
      yield { key: shown, failure };
    }
  }
}

function* mapEntries(map: Map<unknown, unknown>): Generator<Entry> {
  for (const [key, value] of map) yield { mapKey: { value: key }, value };
}

function* setEntries(set: Set<unknown>): Generator<Entry> {
  for (const value of set) yield { value };
}

function asCollection(value: unknown, kind: Kind): Collection | undefined {
  switch (kind) {
    case 'array': {
      const array = value as unknown[];
      return { label: shortLabel(value, kind), open: '[', close: ']', total: array.length, entries: () => arrayEntries(array, true) };
    }
    case 'typedArray': {
      const array = value as ArrayLike<unknown>;
      return { label: shortLabel(value, kind), open: '[', close: ']', total: array.length, entries: () => arrayEntries(array, false) };
    }
    case 'map': {
      const map = value as Map<unknown, unknown>;
      return { label: shortLabel(value, kind), open: '{', close: '}', total: map.size, entries: () => mapEntries(map) };
    }
    case 'set': {
      const set = value as Set<unknown>;
      return { label: shortLabel(value, kind), open: '{', close: '}', total: set.size, entries: () => setEntries(set) };
    }
    case 'object': case 'model': {
      const object = value as Indexable;
      const keys = objectKeys(object);
      return { label: className(object), open: '{', close: '}', total: keys.length, entries: () => propertyEntries(object, keys) };
    }
    default:
      return undefined;
  }
}

/** Whether a value opens to show more than its one-line form. */
function isExpandable(value: unknown, kind: Kind, nested: boolean): boolean {
  switch (kind) {
    case 'tensor': case 'model': case 'imageData':
      return true;
    case 'string':
      return nested && ((value as string).length > INLINE_STRING_LENGTH || (value as string).includes('\n'));
    case 'node':
      // A node already on the page would be moved by showing it here, so only detached ones open.
      return nested && (value as Node).parentNode === null;
    case 'array': case 'typedArray': case 'map': case 'set': case 'object':
      return asCollection(value, kind)!.total > 0;
    default:
      return false;
  }
}

/** One line: `Array(5) [1, 2, 3, …]`, `Object {a: 1, b: "x"}`, `Map(1) {"k" => 1}`. */
function renderPreview(value: unknown, kind: Kind, doc: Document): HTMLElement {
  const preview = element(doc, 'span', 'nb-preview');
  const collection = asCollection(value, kind);
  if (kind === 'model' || !collection) {
    preview.append(renderHeadline(value, kind, doc));
    return preview;
  }
  preview.append(element(doc, 'span', 'nb-label', collection.label), ` ${collection.open}`);
  const entries = collection.entries();
  let shown = 0;
  let characters = 0;
  while (shown < collection.total) {
    if (shown >= PREVIEW_ENTRIES || (shown > 0 && characters >= PREVIEW_CHARACTERS)) break;
    const next = entries.next();
    if (next.done) break;
    const part = renderPreviewEntry(next.value, doc);
    characters += (part.textContent ?? '').length + 2;
    preview.append(shown > 0 ? ', ' : '', part);
    shown++;
  }
  if (shown < collection.total) preview.append(shown > 0 ? ', …' : '…');
  preview.append(collection.close);
  return preview;
}

/** The headline of a value that is not a collection: a tensor's type and shape, a long string's start. */
function renderHeadline(value: unknown, kind: Kind, doc: Document): Node {
  switch (kind) {
    case 'tensor': {
      const tensor = value as TensorLike;
      return element(doc, 'span', 'nb-label', safely(() => tensor.isDisposed) ? `disposed tensor ${formatShape(tensor.shape)}` : tensorLabel(tensor));
    }
    case 'model': {
      const name = (value as ModelLike).name;
      return element(doc, 'span', 'nb-label', `${className(value as Indexable)}${typeof name === 'string' ? ` "${name}"` : ''}`);
    }
    case 'string':
      return element(doc, 'span', 'nb-string', quoteString(value as string, 60));
    case 'imageData': case 'node':
      return element(doc, 'span', 'nb-label', shortLabel(value, kind));
    default:
      return renderAtom(value, kind, doc);
  }
}

/** An entry inside a preview: nested collections shrink to their label (`Array(3)`, `{…}`). */
function renderPreviewEntry(entry: Entry, doc: Document): Node {
  const part = doc.createDocumentFragment();
  if (entry.key !== undefined && !/^\d+$/.test(entry.key)) part.append(element(doc, 'span', 'nb-key', entry.key), ': ');
  if (entry.mapKey) part.append(renderShort(entry.mapKey.value, doc), ' => ');
  if (entry.hole) part.append(element(doc, 'span', 'nb-empty', 'empty'));
  else if (entry.failure !== undefined) part.append(element(doc, 'span', 'nb-error-inline', '[Exception]'));
  else part.append(renderShort(entry.value, doc));
  return part;
}

function renderShort(value: unknown, doc: Document): Node {
  const kind = kindOf(value);
  switch (kind) {
    case 'string': return element(doc, 'span', 'nb-string', quoteString(value as string, 30));
    case 'error': return element(doc, 'span', 'nb-error-inline', className(value as Indexable));
    case 'function': return element(doc, 'span', 'nb-function', `ƒ ${safely(() => (value as () => void).name) ?? ''}`.trimEnd());
    case 'array': case 'typedArray': case 'map': case 'set': case 'buffer': case 'weak':
    case 'tensor': case 'model': case 'imageData': case 'node': case 'object':
      return element(doc, 'span', 'nb-label', shortLabel(value, kind));
    default: return renderAtom(value, kind, doc);
  }
}

/**
 * A value inside another (or on a console line): a collapsed `<details>` whose children are
 * built on first open, or a plain span. `ancestors` are the containers above it, for cycles.
 */
function renderInline(value: unknown, doc: Document, ancestors: readonly object[], key?: (Node | string)[]): Node {
  const kind = kindOf(value);
  if (!isExpandable(value, kind, true)) {
    const row = doc.createDocumentFragment();
    if (key) row.append(...key);
    row.append(kind === 'string' ? element(doc, 'span', 'nb-string', quoteString(value as string)) : renderAtom(value, kind, doc));
    return row;
  }
  const summary: (Node | string)[] = [...(key ?? []), renderPreview(value, kind, doc)];
  if (isObjectLike(value) && ancestors.includes(value)) summary.push(' ', element(doc, 'span', 'nb-circular', 'circular'));
  return lazyDetails(doc, summary, (body) => renderContents(value, kind, body, doc, [...ancestors, value as object]));
}

function lazyDetails(doc: Document, summaryContent: (Node | string)[], fill: (body: HTMLElement) => void): HTMLDetailsElement {
  const details = element(doc, 'details', 'nb-inspect');
  const summary = element(doc, 'summary');
  summary.append(...summaryContent);
  details.append(summary);
  let filled = false;
  details.addEventListener('toggle', () => {
    if (!details.open || filled) return;
    filled = true;
    const body = element(doc, 'div', 'nb-children');
    details.append(body);
    try {
      fill(body);
    } catch (error) {
      body.append(element(doc, 'div', 'nb-error-inline', `cannot show this value: ${errorSummary(isObjectLike(error) ? error : { message: String(error) })}`));
    }
  });
  return details;
}

/** What an opened value shows: its entries, page by page, or its full view (tensor, model, …). */
function renderContents(value: unknown, kind: Kind, body: HTMLElement, doc: Document, ancestors: readonly object[]): void {
  switch (kind) {
    case 'tensor': body.append(renderTensor(value as TensorLike, doc)); return;
    case 'model': body.append(renderModelSummary(value as ModelLike, doc)); return;
    case 'imageData': body.append(renderImageData(value as ImageDataLike, doc)); return;
    case 'string': body.append(element(doc, 'div', 'nb-text', value as string)); return;
    case 'node': body.append(value as Node); return;
  }
  const collection = asCollection(value, kind)!;
  const entries = collection.entries();
  const more = element(doc, 'button', 'nb-more');
  more.type = 'button';
  let shown = 0;
  const showPage = () => {
    for (let count = 0; count < PAGE_SIZE; count++) {
      const next = entries.next();
      if (next.done) {
        more.remove();
        return;
      }
      body.insertBefore(renderEntry(next.value, doc, ancestors), more.parentNode ? more : null);
      shown++;
    }
    const remaining = collection.total - shown;
    if (remaining <= 0) {
      more.remove();
    } else {
      more.textContent = `… ${formatCount(remaining)} more`;
      if (!more.parentNode) body.append(more);
    }
  };
  more.addEventListener('click', showPage);
  showPage();
}

function renderEntry(entry: Entry, doc: Document, ancestors: readonly object[]): Node {
  const key: (Node | string)[] = entry.key !== undefined ? [element(doc, 'span', 'nb-key', entry.key), ': '] : [];
  if (entry.mapKey) {
    const row = element(doc, 'div', 'nb-entry nb-map-entry');
    row.append(renderInline(entry.mapKey.value, doc, ancestors), ' => ', renderInline(entry.value, doc, ancestors));
    return row;
  }
  if (entry.hole || entry.failure !== undefined) {
    const row = element(doc, 'div', 'nb-entry');
    const text = entry.hole ? element(doc, 'span', 'nb-empty', 'empty') : element(doc, 'span', 'nb-error-inline', `[Exception: ${errorSummary(isObjectLike(entry.failure) ? entry.failure : { message: String(entry.failure) })}]`);
    row.append(...key, text);
    return row;
  }
  const inline = renderInline(entry.value, doc, ancestors, key);
  if (inline.nodeType === 1) return inline;
  const row = element(doc, 'div', 'nb-entry');
  row.append(inline);
  return row;
}

// ---------------------------------------------------------------------------------------
// Tensors: header, nested rows of values (head and tail of long axes), summary statistics.

const GAP = Symbol('gap');
type Cells = (string | typeof GAP)[];
type Block = Cells | (Block | typeof GAP)[];

function renderTensor(tensor: TensorLike, doc: Document): HTMLElement {
  const box = element(doc, 'div', 'nb-tensor');
  box.append(element(doc, 'div', 'nb-tensor-header', tensorLabel(tensor)));
  if (safely(() => tensor.isDisposed)) {
    box.append(element(doc, 'div', 'nb-tensor-disposed', 'disposed tensor: its memory was freed, so its values are gone'));
    return box;
  }
  let data: ArrayLike<unknown>;
  try {
    data = tensor.dataSync();
  } catch (error) {
    box.append(element(doc, 'div', 'nb-error-inline', `values unavailable: ${errorSummary(isObjectLike(error) ? error : { message: String(error) })}`));
    return box;
  }
  box.append(element(doc, 'pre', 'nb-tensor-values', formatTensorValues(data, tensor.shape, tensor.dtype, tensor.size)));
  if (tensor.dtype.startsWith('float') && tensor.size > 1) {
    const stats = tensorStatistics(data, tensor.size);
    if (stats) box.append(element(doc, 'div', 'nb-tensor-stats', stats));
  }
  return box;
}

/** Indices shown along one axis: all of them, or the first and last few around a gap. */
function pickIndices(length: number, limit: number): (number | typeof GAP)[] {
  const all = Array.from({ length: Math.min(length, limit + 1) }, (_, index) => index);
  if (length <= limit) return all.slice(0, length);
  const head = Math.ceil(limit / 2);
  const tail = limit - head;
  return [...all.slice(0, head), GAP, ...Array.from({ length: tail }, (_, index) => length - tail + index)];
}

function formatTensorValues(data: ArrayLike<unknown>, shape: readonly number[], dtype: string, size: number): string {
  const complex = dtype === 'complex64' && data.length === 2 * size;
  const formatElement = (offset: number): string => {
    if (complex) return `${formatNumber(Number(data[2 * offset]))}+${formatNumber(Number(data[2 * offset + 1]))}j`;
    const item = data[offset];
    if (dtype === 'bool') return item ? 'true' : 'false';
    if (typeof item === 'string') return quoteString(item, 30);
    return typeof item === 'number' ? formatNumber(item) : String(item);
  };
  if (shape.length === 0) return size > 0 ? formatElement(0) : '[]';
  if (size === 0) return `${'['.repeat(shape.length)}${']'.repeat(shape.length)}`;

  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((product, dim) => product * dim, 1));
  const limitFor = (axis: number) => (axis === shape.length - 1 ? TENSOR_COLUMNS : axis === shape.length - 2 ? TENSOR_ROWS : TENSOR_OUTER);
  const build = (axis: number, offset: number): Block => {
    const picks = pickIndices(shape[axis], limitFor(axis));
    if (axis === shape.length - 1) return picks.map((index) => (index === GAP ? GAP : formatElement(offset + index)));
    return picks.map((index) => (index === GAP ? GAP : build(axis + 1, offset + index * strides[axis])));
  };
  const block = build(0, 0);
  const width = Math.max(...collectCells(block).map((cell) => cell.length));
  return layoutBlock(block, shape.length, width).join('\n');
}

function collectCells(block: Block): string[] {
  return (block as (Block | string | typeof GAP)[]).flatMap((item) =>
    item === GAP ? [] : typeof item === 'string' ? [item] : collectCells(item));
}

/** Lines like numpy prints: `[[1, 2],` / ` [3, 4]]`, with a blank line between matrices. */
function layoutBlock(block: Block, rank: number, width: number): string[] {
  if (rank === 1) {
    return [`[${(block as Cells).map((cell) => (cell === GAP ? '…' : cell.padStart(width))).join(', ')}]`];
  }
  const lines: string[] = [];
  const children = block as (Block | typeof GAP)[];
  children.forEach((child, index) => {
    const childLines = child === GAP ? ['…'] : layoutBlock(child, rank - 1, width);
    const last = index === children.length - 1;
    childLines.forEach((line, lineIndex) => {
      let text = (index === 0 && lineIndex === 0 ? '[' : ' ') + line;
      if (lineIndex === childLines.length - 1) text += last ? ']' : ',';
      lines.push(text);
    });
    if (!last && rank >= 3) lines.push('');
  });
  return lines;
}

/** min / max / mean of a float tensor; NaNs are counted rather than poisoning the figures. */
function tensorStatistics(data: ArrayLike<unknown>, size: number): string | undefined {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let counted = 0;
  let nans = 0;
  const length = Math.min(size, data.length);
  for (let index = 0; index < length; index++) {
    const item = data[index] as number;
    if (typeof item !== 'number') return undefined;
    if (Number.isNaN(item)) {
      nans++;
      continue;
    }
    if (item < min) min = item;
    if (item > max) max = item;
    sum += item;
    counted++;
  }
  const parts = counted > 0 ? [`min ${formatNumber(min)}`, `max ${formatNumber(max)}`, `mean ${formatNumber(sum / counted)}`] : [];
  if (nans > 0) parts.push(`${formatCount(nans)} NaN`);
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------------------
// Models: a table like Keras' model.summary().

function weightCount(weights: readonly WeightLike[]): number {
  return weights.reduce((total, weight) => total + weight.shape.reduce<number>((product, dim) => product * (dim ?? 0), 1), 0);
}

/** The model's own weight lists when it has them (shared layers counted once), else its layers'. */
function modelWeights(model: ModelLike, which: 'trainableWeights' | 'nonTrainableWeights'): WeightLike[] | undefined {
  const own = safely(() => model[which]);
  if (Array.isArray(own)) return own;
  const perLayer = safely(() => model.layers.map((layer) => layer[which]));
  return perLayer?.every(Array.isArray) ? (perLayer as WeightLike[][]).flat() : undefined;
}

function renderModelSummary(model: ModelLike, doc: Document): HTMLElement {
  const table = element(doc, 'table', 'nb-model-summary');
  const name = safely(() => model.name);
  table.append(element(doc, 'caption', undefined, `Model: ${typeof name === 'string' ? `"${name}"` : className(model as unknown as Indexable)}`));

  const head = element(doc, 'thead');
  const headRow = element(doc, 'tr');
  for (const title of ['Layer (type)', 'Output shape', 'Param #']) {
    const cell = element(doc, 'th', undefined, title);
    cell.scope = 'col';
    headRow.append(cell);
  }
  head.append(headRow);

  const body = element(doc, 'tbody');
  let layerTotal = 0;
  for (const layer of model.layers) {
    const row = element(doc, 'tr');
    const layerName = element(doc, 'th', undefined, `${layer.name} (${safely(() => layer.getClassName()) ?? '?'})`);
    layerName.scope = 'row';
    const outputShape = safely(() => layer.outputShape);
    // TF.js prints shapes as JSON ([null,100]); a layer used several times has "multiple".
    const shapeText = outputShape === undefined ? 'multiple' : JSON.stringify(outputShape);
    const params = safely(() => layer.countParams());
    if (typeof params === 'number') layerTotal += params;
    row.append(layerName, element(doc, 'td', 'nb-shape', shapeText), element(doc, 'td', 'nb-count', typeof params === 'number' ? formatCount(params) : 'not built'));
    body.append(row);
  }

  const trainableWeights = modelWeights(model, 'trainableWeights');
  const frozenWeights = modelWeights(model, 'nonTrainableWeights');
  const trainable = trainableWeights ? weightCount(trainableWeights) : undefined;
  const frozen = frozenWeights ? weightCount(frozenWeights) : undefined;
  const total = trainable !== undefined && frozen !== undefined ? trainable + frozen : layerTotal;
  const foot = element(doc, 'tfoot', 'nb-model-totals');
  const totals: [string, number | undefined][] = [['Total params', total], ['Trainable params', trainable], ['Non-trainable params', frozen]];
  for (const [label, count] of totals) {
    const row = element(doc, 'tr');
    const title = element(doc, 'th', undefined, label);
    title.scope = 'row';
    title.colSpan = 2;
    row.append(title, element(doc, 'td', 'nb-count', count === undefined ? '?' : formatCount(count)));
    foot.append(row);
  }
  table.append(head, body, foot);
  return table;
}

// ---------------------------------------------------------------------------------------
// ImageData: drawn on a canvas, scaled up when small so pixels stay visible.

function renderImageData(image: ImageDataLike, doc: Document): HTMLElement {
  const figure = element(doc, 'div', 'nb-image');
  const description = `ImageData ${image.width}×${image.height}`;
  const canvas = element(doc, 'canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = safely(() => canvas.getContext('2d'));
  const drawn = context ? safely(() => {
    const pixels = context.createImageData(image.width, image.height);
    pixels.data.set(image.data);
    context.putImageData(pixels, 0, 0);
    return true;
  }) : undefined;
  if (!drawn) {
    // No canvas here (e.g. a test DOM): describe the image instead of drawing it.
    figure.append(element(doc, 'span', 'nb-image-caption', `${description} (cannot be drawn here)`));
    return figure;
  }
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description);
  const scale = Math.max(1, Math.min(8, Math.floor(128 / Math.max(image.width, image.height, 1))));
  if (scale > 1) canvas.style.width = `${image.width * scale}px`;
  figure.append(canvas, element(doc, 'span', 'nb-image-caption', description));
  return figure;
}

// ---------------------------------------------------------------------------------------
// Errors and console lines.

function renderSourceExcerpt(sourceLine: string, line: number | undefined, column: number | undefined, doc: Document): HTMLElement {
  const gutter = line !== undefined ? `${line} | ` : '';
  const excerpt = element(doc, 'pre', 'nb-error-source');
  excerpt.append(element(doc, 'span', 'nb-error-gutter', gutter), sourceLine);
  if (column !== undefined && column >= 1) {
    // Keep tabs so the caret lines up under the same character however tabs render.
    const indent = sourceLine.slice(0, column - 1).replace(/[^\t]/g, ' ');
    excerpt.append('\n', element(doc, 'span', 'nb-error-gutter', ' '.repeat(gutter.length)), indent, element(doc, 'span', 'nb-error-caret', '^'));
  }
  return excerpt;
}

type ConsolePart = string | { value: unknown };

/**
 * Applies console format directives (%s %d %i %f %o %O %c %%) the way browsers do. Returns
 * one group per printed argument: groups are separated by spaces, parts of a group are not.
 */
function applyFormatSpecifiers(args: unknown[]): ConsolePart[][] {
  const asPart = (arg: unknown): ConsolePart => (typeof arg === 'string' ? arg : { value: arg });
  const [first, ...rest] = args;
  if (typeof first !== 'string' || rest.length === 0 || !/%[sdifoOc%]/.test(first)) return args.map((arg) => [asPart(arg)]);

  const template: ConsolePart[] = [];
  let text = '';
  let next = 0;
  let last = 0;
  const pattern = /%([sdifoOc%])/g;
  for (let match = pattern.exec(first); match; match = pattern.exec(first)) {
    text += first.slice(last, match.index);
    last = pattern.lastIndex;
    const directive = match[1];
    if (directive === '%') {
      text += '%';
      continue;
    }
    if (next >= rest.length) {
      text += match[0];
      continue;
    }
    const arg = rest[next++];
    if (directive === 'c') continue; // CSS styling: not applied in cell output.
    if (directive === 'd' || directive === 'i') text += typeof arg === 'bigint' ? `${arg}n` : formatNumber(Math.trunc(Number(arg)));
    else if (directive === 'f') text += formatNumber(Number(arg));
    else if (directive === 's' && !isObjectLike(arg)) text += typeof arg === 'symbol' ? arg.toString() : String(arg);
    else {
      if (text !== '') template.push(text);
      template.push({ value: arg });
      text = '';
    }
  }
  text += first.slice(last);
  if (text !== '') template.push(text);
  return [template, ...rest.slice(next).map((arg) => [asPart(arg)])];
}
