/**
 * The course's English words: one table, by area, for everything a reader reads that is not lesson prose.
 * It is the source of the table's shape: every other language (zh.ts) must have the same keys, with the same
 * kinds of values (a string, or a function of the values it shows). `src/i18n/index.ts` says how to use it.
 *
 * Each area is its own module (en/notebook.ts, …), so a page script that needs one area of one language (an
 * English lesson page's notebook controls) bundles only that.
 */
export { site } from './en/site';
export { courseIndex } from './en/courseIndex';
export { search } from './en/search';
export { notebook } from './en/notebook';
export { training } from './en/training';
export { exercises } from './en/exercises';
export { dataImport } from './en/dataImport';
export { photoTrial } from './en/photoTrial';
export { figures } from './en/figures';
export { hints } from './en/hints';
export { references } from './en/references';
export { curves } from './en/curves';
export { checkpoints } from './en/checkpoints';
export { errors } from './en/errors';
export { dataset } from './en/dataset';
export { evaluation } from './en/evaluation';
export { augmentation } from './en/augmentation';
export { dropout } from './en/dropout';
export { batchNorm } from './en/batchNorm';
