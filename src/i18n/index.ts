/**
 * One i18n system for the whole course: every word a reader reads that is not lesson prose — the site's
 * chrome, the notebook's controls, what the lesson library prints into cells, error explanations — comes from
 * one typed table per language, en.ts and zh.ts, split into areas (site, notebook, figures, …), one module
 * per area and language (en/notebook.ts, zh/notebook.ts, …).
 *
 * Using it:
 * - in an Astro page or component: `const t = messages(lang);` then `t.site.footer`, `t.courseIndex.lead(…)`;
 * - in a page script, import only its language's area, so the page's first load carries no other words:
 *   each language's page has its own entry (`import { exercises } from '../i18n/zh/exercises'` in
 *   CourseProgressZh.astro, src/client/lessonPage.zh.ts for the lesson page);
 * - in the lesson library: the page's context carries the page's language and its table (`context.t`), so a
 *   helper never looks at `document` to learn the language.
 *
 * Adding words: add the key to en.ts (its value's type is the key's type in every language), then to zh.ts —
 * the type check fails without it, and so does test/i18n/messages.test.ts, which names the missing key.
 * A new area is a new module in en/ and zh/, exported by en.ts and zh.ts.
 */
import * as en from './en';
import * as zh from './zh';
import { withTrailingSlash } from '../lib/siteBase';

export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

/** A language's whole table: its areas, as en.ts defines them. */
export type Messages = { [Area in keyof typeof en]: (typeof en)[Area] };

export const MESSAGES: Record<Lang, Messages> = { en, zh };

/** The table of a language. */
export function messages(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** The course language of a BCP 47 tag (an <html lang>): zh-CN → zh; anything else → en. */
export function langOfTag(tag: string | null | undefined): Lang {
  return (tag ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The address of a page in a language: English at the site's root, Chinese under zh/. */
export function localePath(base: string, lang: Lang, path = ''): string {
  const root = withTrailingSlash(base);
  return lang === 'en' ? `${root}${path}` : `${root}zh/${path}`;
}
