/**
 * One i18n system for the whole course: every word a reader reads that is not lesson prose — the site's
 * chrome, the notebook's controls, what the lesson library prints into cells, error explanations — comes from
 * one typed table per language, en.ts and zh.ts, split into areas (site, notebook, output, …).
 *
 * Using it:
 * - in an Astro page or component: `const t = messages(lang);` then `t.site.footer`, `t.courseIndex.lead(…)`;
 * - in a page script, import only the area it needs, so the page's first load stays small:
 *   `import { notebook as en } from '../i18n/en'` (see src/i18n/notebook.ts);
 * - in the lesson library: the page's context carries the page's language and its table (`context.t`), so a
 *   helper never looks at `document` to learn the language.
 *
 * Adding words: add the key to en.ts (its value's type is the key's type in every language), then to zh.ts —
 * the type check fails without it, and so does test/i18n/messages.test.ts, which names the missing key.
 * A new area (e.g. `data` for the /data/ page) is a new export in both files, listed in `AREAS` below.
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
