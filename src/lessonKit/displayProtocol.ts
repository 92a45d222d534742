/**
 * A value with a method under this symbol shows itself in a cell's output (like IPython's
 * _repr_html_). The notebook's inspector is used for everything else.
 */
export const DISPLAY = Symbol.for('course.display');

export interface Displayable {
  [DISPLAY](doc: Document): Node;
}

export function isDisplayable(value: unknown): value is Displayable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Displayable>)[DISPLAY] === 'function';
}
