/**
 * The notebook's inspector: turns any value a cell produces into DOM nodes, like a devtools
 * console. By concept: `display/kinds.ts` (what a value is, the registry of extension views),
 * `values.ts` (one-span values), `collections.ts` (arrays, objects, maps: previews and lazily
 * opened children), `images.ts` (ImageData), `errors.ts` and `console.ts`. The notebook knows
 * no library: TF.js tensors and models are shown by views the lesson kit registers
 * (`src/lessonKit/display/`) through `registerDisplayView`.
 */
import { element, kindOf, viewFor, type ImageDataLike } from './display/kinds';
import { renderAtom } from './display/values';
import { isExpandable, renderInline } from './display/collections';
import { renderImageData } from './display/images';
import { renderError } from './display/errors';

export { renderError } from './display/errors';
export { renderConsoleLine } from './display/console';
// What an extension view builds with.
export { registerDisplayView, element, safely, isObjectLike, type DisplayView } from './display/kinds';
export { className, errorSummary } from './display/values';

/** A cell's value as the reader sees it under the cell. DOM nodes are returned as they are. */
export function renderValue(value: unknown, doc: Document = document): Node {
  const kind = kindOf(value);
  switch (kind) {
    case 'node':
      return value as Node;
    case 'string':
      return element(doc, 'div', 'nb-value nb-text', value as string);
    case 'view':
      return viewFor(value)!.render(value, doc);
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
