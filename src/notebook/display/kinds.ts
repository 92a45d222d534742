/**
 * What kind of value the inspector is looking at, recognised by shape (duck typing) so the
 * notebook needs neither TF.js nor a DOM library. Library-specific values (TF.js tensors and
 * models) are not known here: an extension registers a view for them (`registerDisplayView`).
 */

export interface ImageDataLike {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export type Indexable = Record<PropertyKey, unknown>;

export function isObjectLike(value: unknown): value is Indexable {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function isDomNode(value: unknown): value is Node {
  return isObjectLike(value) && typeof value.nodeType === 'number' && typeof value.nodeName === 'string';
}

function isImageData(value: unknown): value is ImageDataLike {
  if (!isObjectLike(value) || typeof value.width !== 'number' || typeof value.height !== 'number') return false;
  return Object.prototype.toString.call(value.data) === '[object Uint8ClampedArray]' &&
    (value.data as Uint8ClampedArray).length === value.width * value.height * 4;
}

/** Reads something a value computes (a getter, a method) without letting it break the display. */
export function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * A view for a kind of value this module does not know (a TF.js tensor, a model): recognised by
 * `matches`, drawn in full by `render` (under a cell, or when the reader opens it), named by
 * `headline` on its collapsed line and by `label` inside another value's preview.
 */
export interface DisplayView {
  matches(value: unknown): boolean;
  render(value: unknown, doc: Document): HTMLElement;
  headline(value: unknown): string;
  label(value: unknown): string;
}

const views: DisplayView[] = [];

/** Adds a view (once: registering the same view again does nothing). Views registered first win. */
export function registerDisplayView(view: DisplayView): void {
  if (!views.includes(view)) views.push(view);
}

/** The registered view that shows `value`, if any. */
export function viewFor(value: unknown): DisplayView | undefined {
  if (!isObjectLike(value)) return undefined;
  return views.find((view) => safely(() => view.matches(value)) === true);
}

export type Kind =
  | 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'bigint' | 'symbol' | 'function'
  | 'node' | 'view' | 'imageData' | 'date' | 'regexp' | 'error' | 'promise'
  | 'array' | 'typedArray' | 'map' | 'set' | 'weak' | 'buffer' | 'object';

export function kindOf(value: unknown): Kind {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': case 'number': case 'boolean': case 'undefined': case 'bigint': case 'symbol': case 'function':
      return typeof value as Kind;
  }
  if (isDomNode(value)) return 'node';
  if (viewFor(value)) return 'view';
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

/** A new element with an optional class and text: every node is built with `doc`, never from HTML text. */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
