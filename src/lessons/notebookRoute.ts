/**
 * The notebook.ipynb served beside each lesson page (src/pages/…/lessons/[slug]/notebook.ipynb.ts): the lesson
 * as the build made it from its prose and cell files, which "Export .ipynb" fills with the reader's edits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localePath, messages, type Lang } from '../i18n';
import { lessonCells } from './cells';
import { lessonCatalog, type CatalogLesson } from './catalog';
import { LESSONS_ROOT, proseFileName } from './layout';
import { lessonNotebook } from './notebookExport';
import { siteBase } from '../lib/siteBase';

/** The file name beside the lesson page. */
export const NOTEBOOK_FILE = 'notebook.ipynb';

/** The paths of one language's notebooks: every lesson with prose in that language. */
export async function notebookPaths(lang: Lang) {
  const lessons = await lessonCatalog(lang, siteBase());
  return lessons.filter((lesson) => lesson.translated).map((lesson) => ({ params: { slug: lesson.id }, props: { lesson } }));
}

export function notebookResponse(lesson: CatalogLesson, lang: Lang): Response {
  const path = join(LESSONS_ROOT, lesson.id, proseFileName(lang));
  const page = localePath(siteBase(), lang, `lessons/${lesson.id}/`);
  const notebook = lessonNotebook({
    prose: readFileSync(path, 'utf8'),
    path,
    cells: lessonCells(join(LESSONS_ROOT, lesson.id)),
    lang,
    lesson: lesson.id,
    title: lesson.data.title,
    subtitle: `${messages(lang).site.inArticle} ${lesson.data.mirrors}`,
    pageUrl: import.meta.env.SITE ? new URL(page, import.meta.env.SITE).href : page,
  });
  return new Response(`${JSON.stringify(notebook, null, 1)}\n`, { headers: { 'Content-Type': 'application/x-ipynb+json' } });
}
