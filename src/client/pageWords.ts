/**
 * The notebook words of the page's language, for the lesson page's script. Each language's page has its own
 * entry (lessonPage.en.ts, lessonPage.zh.ts) that sets them first, so a page's first load carries its own
 * language's words only (npm run budget).
 */
import type { NotebookText } from '../i18n/notebook';

let words: NotebookText | undefined;

export function setNotebookWords(text: NotebookText): void {
  words = text;
}

export function notebookWords(): NotebookText {
  if (!words) throw new Error('the lesson page started without its words: load it through lessonPage.en.ts or lessonPage.zh.ts, which set them first');
  return words;
}
