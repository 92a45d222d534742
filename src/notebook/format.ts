/**
 * Plain-text formatting shared by the notebook's inspector: numbers, counts, shapes and
 * the short quoted forms used on one-line previews.
 */

// Numbers are formatted by the course's one number module; the inspector uses the same forms.
export { formatCount, formatNumber } from '../lib/numbers';

/** A tensor shape as readers write it: [2, 3]; unknown (batch) dimensions show as null. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((size) => (size === null ? 'null' : String(size))).join(', ')}]`;
}

/** A string as a quoted, escaped literal, cut at `maxLength` characters of the original. */
export function quoteString(text: string, maxLength = Infinity): string {
  if (text.length <= maxLength) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, maxLength))}…`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** An object key as it would be written in a literal: a, "two words", [Symbol(id)]. */
export function formatPropertyKey(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${key.toString()}]`;
  return IDENTIFIER.test(key) || /^(0|[1-9]\d*)$/.test(key) ? key : JSON.stringify(key);
}

/** Names as a sentence lists them: "cpu, wasm and webgl" (`and` and the separator in the page's language). */
export function formatList(names: readonly string[], and = 'and', separator = ', '): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(separator)} ${and} ${names.at(-1)}`;
}

/** 1e10 → "10 GB", 6.4e9 → "6.4 GB": decimal units, as browsers and operating systems report memory. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [[1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'KB']];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      const value = bytes / size;
      return `${value >= 100 ? Math.round(value) : Number(value.toFixed(1))} ${unit}`;
    }
  }
  return `${bytes} bytes`;
}
