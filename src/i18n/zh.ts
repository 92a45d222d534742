/**
 * The course's Chinese words: the same keys as en.ts (the type says so, and test/i18n/messages.test.ts
 * lists any key missing here), each in Chinese.
 */
export { site } from './zh/site';
export { courseIndex } from './zh/courseIndex';
export { search } from './zh/search';
export { notebook } from './zh/notebook';
export { training } from './zh/training';
export { exercises } from './zh/exercises';
export { dataImport } from './zh/dataImport';
export { photoTrial } from './zh/photoTrial';
export { figures } from './zh/figures';
export { hints } from './zh/hints';
export { references } from './zh/references';
export { curves } from './zh/curves';
export { checkpoints } from './zh/checkpoints';
export { errors } from './zh/errors';
export { dataset } from './zh/dataset';
export { evaluation } from './zh/evaluation';
export { augmentation } from './zh/augmentation';
export { dropout } from './zh/dropout';
export { batchNorm } from './zh/batchNorm';
