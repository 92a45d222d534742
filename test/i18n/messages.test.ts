import { describe, expect, it } from 'vitest';
import { LANGS, MESSAGES, langOfTag, localePath } from '../../src/i18n';

/** Every way `other` departs from `reference`'s shape: a missing or extra key, or a value of another kind. */
function shapeProblems(reference: unknown, other: unknown, path = ''): string[] {
  if (typeof reference === 'function') {
    if (typeof other !== 'function') return [`${path}: a function (of ${reference.length} value${reference.length === 1 ? '' : 's'}) in English, ${other === undefined ? 'missing' : typeof other} here`];
    return other.length === reference.length ? [] : [`${path}: takes ${other.length} values, English ${reference.length}`];
  }
  if (typeof reference === 'object' && reference !== null) {
    if (typeof other !== 'object' || other === null) return [`${path}: ${other === undefined ? 'missing' : `a ${typeof other}, English has a table`}`];
    const keys = new Set([...Object.keys(reference), ...Object.keys(other)]);
    return [...keys].sort().flatMap((key) => {
      const at = path ? `${path}.${key}` : key;
      if (!(key in other)) return [`${at}: missing`];
      if (!(key in reference)) return [`${at}: not in English (a key only this language has)`];
      return shapeProblems((reference as Record<string, unknown>)[key], (other as Record<string, unknown>)[key], at);
    });
  }
  if (typeof other !== typeof reference) return [`${path}: ${other === undefined ? 'missing' : `a ${typeof other}, English a ${typeof reference}`}`];
  return typeof other === 'string' && other.trim() === '' ? [`${path}: empty`] : [];
}

describe('the i18n tables', () => {
  for (const lang of LANGS.filter((lang) => lang !== 'en')) {
    it(`${lang} has every key of en, with values of the same kind`, () => {
      expect(shapeProblems(MESSAGES.en, MESSAGES[lang])).toEqual([]);
    });

    it(`${lang} is written in its language: its notebook controls are not the English ones`, () => {
      const same = Object.entries(MESSAGES[lang].notebook).filter(([key, value]) => typeof value === 'string' && value === (MESSAGES.en.notebook as Record<string, unknown>)[key]);
      expect(same).toEqual([]);
    });
  }

  it('names a key a language lacks, one it has that English has not, and a value of the wrong kind', () => {
    const english = { notebook: { run: 'Run', doneIn: (s: string) => `done in ${s} s` }, site: { footer: 'F' } };
    const other = { notebook: { doneIn: '完成', extra: 'x' }, site: {} };
    expect(shapeProblems(english, other)).toEqual([
      'notebook.doneIn: a function (of 1 value) in English, string here',
      'notebook.extra: not in English (a key only this language has)',
      'notebook.run: missing',
      'site.footer: missing',
    ]);
    expect(shapeProblems(english, { ...english, site: { footer: ' ' } })).toEqual(['site.footer: empty']);
  });
});

describe('languages of pages', () => {
  it('maps an <html lang> to a course language and a page to its address', () => {
    expect(langOfTag('zh-CN')).toBe('zh');
    expect(langOfTag('en')).toBe('en');
    expect(langOfTag(undefined)).toBe('en');
    expect(localePath('/course', 'zh', 'lessons/01-baseline/')).toBe('/course/zh/lessons/01-baseline/');
    expect(localePath('/', 'en')).toBe('/');
  });
});
