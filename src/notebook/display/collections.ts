/**
 * Collections: their entries, one-line previews and lazily rendered children, so huge arrays
 * and circular structures stay cheap (children are built when the reader opens a value).
 */
import { formatCount, formatPropertyKey, quoteString } from '../format';
import { element, isObjectLike, kindOf, safely, viewFor, type ImageDataLike, type Indexable, type Kind } from './kinds';
import { className, errorSummary, renderAtom, shortLabel } from './values';
import { renderImageData } from './images';

/** Children shown per page of an opened collection; the rest are behind "… N more". */
const PAGE_SIZE = 100;
/** A one-line preview stops after this many entries or characters. */
const PREVIEW_ENTRIES = 10;
const PREVIEW_CHARACTERS = 60;
/** Nested strings longer than this (or with line breaks) open to show their full text. */
const INLINE_STRING_LENGTH = 120;

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

export function objectKeys(value: object): (string | symbol)[] {
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

export function asCollection(value: unknown, kind: Kind): Collection | undefined {
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
    case 'object': {
      const object = value as Indexable;
      const keys = objectKeys(object);
      return { label: className(object), open: '{', close: '}', total: keys.length, entries: () => propertyEntries(object, keys) };
    }
    default:
      return undefined;
  }
}

/** Whether a value opens to show more than its one-line form. */
export function isExpandable(value: unknown, kind: Kind, nested: boolean): boolean {
  switch (kind) {
    case 'view': case 'imageData':
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
export function renderPreview(value: unknown, kind: Kind, doc: Document): HTMLElement {
  const preview = element(doc, 'span', 'nb-preview');
  const collection = asCollection(value, kind);
  if (!collection) {
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
    case 'view':
      return element(doc, 'span', 'nb-label', viewFor(value)?.headline(value) ?? shortLabel(value, kind));
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
    case 'view': case 'imageData': case 'node': case 'object':
      return element(doc, 'span', 'nb-label', shortLabel(value, kind));
    default: return renderAtom(value, kind, doc);
  }
}

/**
 * A value inside another (or on a console line): a collapsed `<details>` whose children are
 * built on first open, or a plain span. `ancestors` are the containers above it, for cycles.
 */
export function renderInline(value: unknown, doc: Document, ancestors: readonly object[], key?: (Node | string)[]): Node {
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
    case 'view': body.append(viewFor(value)!.render(value, doc)); return;
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
