/**
 * The lesson kit's public face: what the page needs to run cells against the lesson library.
 * The library itself (TF.js and every figure) is loaded on demand, when the first cell runs.
 */
export type { CellContext } from './context';
export { DISPLAY, isDisplayable, type Displayable } from './displayProtocol';
export { explainShapeMismatch } from './shapeErrors';
export { registerTensorflowViews } from './display';
export type { LessonLibrary, FitOptions } from './library';

/** The lesson library's module, fetched the first time a cell needs it. */
export const loadLessonLibrary = () => import('./library');
