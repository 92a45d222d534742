/** Small values shown as one styled span, and the short names a console gives values. */
import { formatNumber, formatShape, quoteString } from '../format';
import { element, safely, viewFor, type ImageDataLike, type Indexable, type Kind } from './kinds';
import { asCollection, objectKeys, renderPreview } from './collections';

/** A value that is not expanded further: a styled span with its text form. */
export function renderAtom(value: unknown, kind: Kind, doc: Document): HTMLElement {
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

export function errorSummary(error: Indexable): string {
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
export function className(value: Indexable): string {
  const fromTfjs = typeof value.getClassName === 'function' ? safely(() => (value.getClassName as () => unknown)()) : undefined;
  if (typeof fromTfjs === 'string' && fromTfjs !== '') return fromTfjs;
  const tag = safely(() => value[Symbol.toStringTag]);
  if (typeof tag === 'string' && tag !== '') return tag;
  const constructorName = safely(() => (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name);
  return typeof constructorName === 'string' && constructorName !== '' ? constructorName : 'Object';
}

/** The one-word form of a value, used where no room is left (inside another preview). */
export function shortLabel(value: unknown, kind: Kind): string {
  switch (kind) {
    case 'array': return `Array(${(value as unknown[]).length})`;
    case 'typedArray': return `${className(value as Indexable)}(${(value as ArrayLike<unknown>).length})`;
    case 'map': case 'set': return `${className(value as Indexable)}(${(value as Map<unknown, unknown>).size})`;
    case 'buffer': return `${className(value as Indexable)}(${(value as ArrayBuffer).byteLength})`;
    case 'weak': return className(value as Indexable);
    case 'view': return viewFor(value)?.label(value) ?? className(value as Indexable);
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
