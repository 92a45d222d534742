import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonFolders, LESSONS_ROOT } from '../../src/lessons/layout';
import { cellReferences } from '../../src/lessons/prose';

const translated = lessonFolders().filter((id) => existsSync(join(LESSONS_ROOT, id, 'zh.mdx')));
const withoutCode = (text: string) => text.replace(/^```[\s\S]*?^```$/gm, '').replace(/^<Cell [^>]*\/>$/gm, '');
const hanCharacters = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;

describe('the Chinese course', () => {
  it('exists for the course (a lesson without zh.mdx is shown untranslated, but the course itself is translated)', () => {
    expect(translated.length).toBeGreaterThanOrEqual(7);
  });

  for (const id of translated) {
    it(`${id}: places the English lesson's cells, in the same order, and its prose is Chinese`, () => {
      const english = readFileSync(join(LESSONS_ROOT, id, 'en.mdx'), 'utf8');
      const chinese = readFileSync(join(LESSONS_ROOT, id, 'zh.mdx'), 'utf8');
      const ids = (text: string) => cellReferences(text).map((reference) => reference.id);
      expect(ids(chinese)).toEqual(ids(english));
      expect(ids(chinese).length).toBeGreaterThan(3);
      // Prose, not code, is translated: the Chinese text must be about as long as the English
      // (a Chinese translation has roughly one character for every 3–4 characters of English: 0.25–0.29 here).
      const prose = withoutCode(chinese);
      expect(hanCharacters(prose) / withoutCode(english).length).toBeGreaterThan(0.2);
      // An English paragraph left untranslated: a line of prose with many Latin words and no Chinese.
      const untranslated = prose.split('\n').filter((line) => !line.startsWith('|') && hanCharacters(line) === 0 && (line.match(/[A-Za-z]{3,}/g) ?? []).length > 8);
      expect(untranslated).toEqual([]);
    });
  }
});
