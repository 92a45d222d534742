/**
 * A language's whole table, fetched when first needed (the lesson library's words load with the first cell
 * run, and only the page's language's).
 */
import type { Lang, Messages } from './index';

export function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'zh' ? import('./zh') : import('./en');
}
