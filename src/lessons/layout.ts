/**
 * Where lesson content lives. A lesson is one folder, content/lessons/NN-slug/, holding everything it needs:
 *
 *   en.mdx, zh.mdx     the prose, one file per language (a lesson without zh.mdx is shown untranslated)
 *   cells/NN-id.ts     the code cells, in run order, shared by every language (src/lessons/cells.ts)
 *
 * Nothing is registered elsewhere: the course index, the routes and the tests find lessons from the folders.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LANGS, type Lang } from '../layouts/i18n';

export const LESSONS_ROOT = 'content/lessons';

/** `NN-slug`: the lesson's place in the course, then its name. */
export const LESSON_FOLDER = /^(\d{2})-([a-z0-9][a-z0-9-]*)$/;

/** The prose file of a lesson in a language: en.mdx, zh.mdx. */
export function proseFileName(lang: Lang): string {
  return `${lang}.mdx`;
}

/** The language of a lesson's prose file from its path (…/01-baseline/zh.mdx → zh); undefined for other files. */
export function proseFileLang(path: string | undefined): Lang | undefined {
  const name = basename(path ?? '');
  return LANGS.find((lang) => name === proseFileName(lang));
}

/** The lesson folders under `root` (each a directory named NN-slug), sorted. */
export function lessonFolders(root = LESSONS_ROOT): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((name) => LESSON_FOLDER.test(name) && statSync(join(root, name)).isDirectory()).sort();
}
