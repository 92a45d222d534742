/**
 * What a lesson page knows about its lesson as data, written by the build into the page (a JSON <script>,
 * which runs nothing) and read by the page script: its cells' code as the lesson has it, and where its
 * notebook is. The page script never reads code back from the highlighted HTML.
 */
import type { Lang } from '../i18n';
import type { PageReference } from '../ml/referenceBands';

export interface LessonPageData {
  lesson: string;
  lang: Lang;
  /** The lesson's notebook.ipynb, which Export .ipynb fills with the reader's edits. */
  notebookUrl: string;
  /** The cells in run order: id (data-cell), number, the lesson's code. */
  cells: Array<{ id: string; number: number; source: string }>;
  /**
   * The lesson's exercises (issue 13): the starter's code, and the solution's unless the build hides
   * solutions (COURSE_SOLUTIONS=hidden), in which case the page holds no solution text at all.
   */
  exercises?: Array<{ id: string; starter: string; solution?: string }>;
  /** The lesson's reference results on the site's dataset (issue 16), when it has some: its training cells' bands. */
  reference?: PageReference;
}

/** The attribute of the <script type="application/json"> that carries it. */
const LESSON_DATA_ATTRIBUTE = 'data-lesson-data';

/** The JSON as it can stand inside a <script> element ("</script>" in a cell's code cannot end it early). */
export function lessonDataJson(data: LessonPageData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The page's lesson data; throws, saying what is missing, on a page the build did not write it into. */
export function readLessonData(doc: Document): LessonPageData {
  const element = doc.querySelector(`script[${LESSON_DATA_ATTRIBUTE}]`);
  if (!element?.textContent) throw new Error(`this page has no lesson data (<script ${LESSON_DATA_ATTRIBUTE}>): it was not built by LessonPage.astro`);
  return JSON.parse(element.textContent) as LessonPageData;
}

/** The lesson's reference results from the page's data, if it has any (a page without lesson data has none). */
export function readLessonReference(doc: Document): PageReference | undefined {
  const element = doc.querySelector(`script[${LESSON_DATA_ATTRIBUTE}]`);
  return element?.textContent ? (JSON.parse(element.textContent) as LessonPageData).reference : undefined;
}
