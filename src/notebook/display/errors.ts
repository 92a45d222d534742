/** A cell error: its name and message, where it happened, the line with a caret, its cause. */
import { element, isObjectLike, kindOf } from './kinds';
import { errorSummary } from './values';
import { renderInline } from './collections';

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
