/**
 * The course's lessons as a page in one language lists them: in course order, each with its prose in that
 * language when it is translated, else in English and marked so (an English-only draft lesson is part of the
 * Chinese course too, shown as not yet translated, rather than missing or failing the build).
 * For Astro pages (reads the content collections).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { localePath, type Lang } from '../i18n';
import { neighbours, sortLessons } from './order';

export type LessonEntry = CollectionEntry<'lessons'> | CollectionEntry<'lessonsZh'>;

export interface CatalogLesson {
  id: string;
  /** The lesson's entry in the page's language, or the English one when it is not translated. */
  entry: LessonEntry;
  data: LessonEntry['data'];
  /** The language its prose is in. */
  lang: Lang;
  /** False when the page's language has no translation of it (the entry and the link are English). */
  translated: boolean;
  /** Its page: in the page's language when translated, else the English page. */
  href: string;
}

const COLLECTION = { en: 'lessons', zh: 'lessonsZh' } as const;

/** Every lesson of the course, in order, as a page in `lang` links to it. */
export async function lessonCatalog(lang: Lang, base: string): Promise<CatalogLesson[]> {
  const english = sortLessons(await getCollection('lessons'));
  const local = lang === 'en' ? english : await getCollection(COLLECTION[lang]);
  const byId = new Map<string, LessonEntry>(local.map((entry) => [entry.id, entry]));
  return english.map((fallback) => {
    const entry = byId.get(fallback.id);
    const prose = entry ? lang : 'en';
    return { id: fallback.id, entry: entry ?? fallback, data: (entry ?? fallback).data, lang: prose, translated: entry !== undefined, href: localePath(base, prose, `lessons/${fallback.id}/`) };
  });
}

/** The lessons before and after `id` in the course, as a page in that language links to them. */
export function catalogNeighbours(catalog: CatalogLesson[], id: string): { previous?: CatalogLesson; next?: CatalogLesson } {
  return neighbours(catalog, id);
}

/** The language a lesson shown untranslated is in (for lang and hreflang: English on a Chinese page); undefined otherwise. */
export function shownIn(lesson: CatalogLesson): Lang | undefined {
  return lesson.translated ? undefined : lesson.lang;
}
