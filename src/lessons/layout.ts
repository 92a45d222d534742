/**
 * Where lesson content lives. A lesson is one folder, content/lessons/NN-slug/, holding everything it needs:
 *
 *   en.mdx, zh.mdx          the prose, one file per language (English is required; a lesson without zh.mdx
 *                           is listed on the Chinese side as not yet translated)
 *   cells/NN-id.ts          the code cells, in run order, shared by every language (src/lessons/cells.ts)
 *   exercises/<id>/…        the lesson's exercises: starter and solution cells as .ts files, the check (issue 13)
 *   references/<dataset>.json  reference results of the lesson's runs on a dataset (issue 16)
 *
 * Nothing is registered elsewhere: the course index, the routes and the tests find lessons from the folders.
 * COURSE_LESSONS=<folder> builds the course from another lessons folder (tests build fixture lessons so).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LANGS, type Lang } from '../i18n';

export const LESSONS_ROOT = process.env.COURSE_LESSONS || 'content/lessons';

/** `NN-slug`: the lesson's place in the course (its `order:`), then its name. */
export const LESSON_FOLDER = /^(\d{2})-([a-z0-9][a-z0-9-]*)$/;

/** The folders a lesson may hold besides its prose files; anything else in a lesson folder is reported. */
export const LESSON_SUBFOLDERS = {
  cells: 'cells',
  exercises: 'exercises',
  references: 'references',
} as const;

/** The prose file of a lesson in a language: en.mdx, zh.mdx. */
export function proseFileName(lang: Lang): string {
  return `${lang}.mdx`;
}

/** The language of a lesson's prose file from its path (…/01-baseline/zh.mdx → zh); undefined for other files. */
export function proseFileLang(path: string | undefined): Lang | undefined {
  const name = basename(path ?? '');
  return LANGS.find((lang) => name === proseFileName(lang));
}

/** The lesson folders under `root` (each a directory named NN-slug), in course order. */
export function lessonFolders(root = LESSONS_ROOT): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((name) => LESSON_FOLDER.test(name) && statSync(join(root, name)).isDirectory()).sort();
}

/** Whether the lesson `id` has its prose in `lang`. */
export function hasProse(id: string, lang: Lang, root = LESSONS_ROOT): boolean {
  return existsSync(join(root, id, proseFileName(lang)));
}
