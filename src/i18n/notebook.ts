/**
 * The notebook controls' words in every language, for the lesson page's script: it loads before the reader
 * acts, so it takes only this area of the tables (the bundler leaves the rest out).
 */
import type { Lang, Messages } from './index';
import { notebook as en } from './en/notebook';
import { notebook as zh } from './zh/notebook';

export type NotebookText = Messages['notebook'];

export const notebookText: Record<Lang, NotebookText> = { en, zh };
