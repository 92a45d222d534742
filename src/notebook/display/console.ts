/** console.log / info / warn / error lines, with the browser's format directives. */
import { formatNumber } from '../format';
import { element, isObjectLike } from './kinds';
import { renderInline } from './collections';

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
