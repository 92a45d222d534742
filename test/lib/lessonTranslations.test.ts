import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeBlocks, translationMismatches, translationProblems } from '../../src/lib/lessonTranslation';

const read = (root: string, id: string) => readFileSync(join(root, id, 'index.mdx'), 'utf8');
const englishLessons = readdirSync('content/lessons').sort();
const withoutCode = (text: string) => text.replace(/^```[\s\S]*?^```$/gm, '');
const hanCharacters = (text: string) => (text.match(/\p{Script=Han}/gu) ?? []).length;

describe('the Chinese course', () => {
  it('translates every English lesson', () => {
    const missing = englishLessons.filter((id) => !existsSync(join('content/lessons-zh', id, 'index.mdx')));
    expect(missing).toEqual([]);
    expect(readdirSync('content/lessons-zh').sort()).toEqual(englishLessons);
  });

  for (const id of englishLessons) {
    it(`${id}: same code cells byte for byte, same frontmatter keys, prose in Chinese`, () => {
      const english = read('content/lessons', id);
      const chinese = read('content/lessons-zh', id);
      expect(translationMismatches(english, chinese)).toEqual([]);
      expect(codeBlocks(chinese).length).toBeGreaterThan(3);
      // Prose, not code, is translated: without the code, the Chinese text must be about as long as the English
      // (a Chinese translation has roughly one character for every 3–4 characters of English: 0.25–0.29 here).
      const prose = withoutCode(chinese);
      expect(hanCharacters(prose) / withoutCode(english).length).toBeGreaterThan(0.2);
      // An English paragraph left untranslated: a line of prose with many Latin words and no Chinese.
      const untranslated = prose.split('\n').filter((line) => !line.startsWith('|') && hanCharacters(line) === 0 && (line.match(/[A-Za-z]{3,}/g) ?? []).length > 8);
      expect(untranslated).toEqual([]);
    });
  }
});

describe('translationMismatches', () => {
  const english = [
    '---', "title: 'A'", 'order: 1', '---', '', 'Some prose.', '', '```ts cell id=load', 'const a = 1;', 'a + 1', '```', '',
    'More.', '', '```ts cell id=show', 'a', '```', '',
  ].join('\n');

  it('accepts a translation that only changes the prose', () => {
    const chinese = english.replace("title: 'A'", "title: '甲'").replace('Some prose.', '一些文字。').replace('More.', '更多。');
    expect(translationMismatches(english, chinese)).toEqual([]);
  });

  it('says which block and line changed, and what the English has', () => {
    const chinese = english.replace('a + 1', 'a + 2');
    expect(translationMismatches(english, chinese)).toEqual([
      'code block 1 (```ts cell id=load) differs from the English at line 10: "a + 2" instead of "a + 1"',
    ]);
  });

  it('reports a missing block, a renamed cell and changed frontmatter keys', () => {
    expect(translationMismatches(english, english.replace(/```ts cell id=show\na\n```\n/, ''))).toEqual([
      'code block 2 (```ts cell id=show, English line 15) is missing',
    ]);
    expect(translationMismatches(english, english.replace('id=show', 'id=display'))).toEqual([
      'code block 2 at line 15 opens with "```ts cell id=display", the English lesson with "```ts cell id=show"',
    ]);
    expect(translationMismatches(english, english.replace('order: 1', 'rank: 1'))).toEqual([
      'frontmatter keys are [title, rank], the English lesson has [title, order]',
    ]);
  });

  it('notices a block cut short', () => {
    expect(translationMismatches(english, english.replace('const a = 1;\na + 1', 'const a = 1;'))).toEqual([
      'code block 1 (```ts cell id=load) differs from the English at line 10: "(end of block)" instead of "a + 1"',
    ]);
  });
});

describe('translationProblems (run by npm run build before Astro)', () => {
  it('names the file of each problem; an untranslated lesson is not one', () => {
    const root = mkdtempSync(join(tmpdir(), 'translations-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('en/01-a/index.mdx', "---\ntitle: 'A'\n---\n\n```ts cell id=x\n1\n```\n");
      write('en/02-b/index.mdx', "---\ntitle: 'B'\n---\n");
      write('zh/01-a/index.mdx', "---\ntitle: '甲'\n---\n\n```ts cell id=x\n2\n```\n");
      write('zh/09-gone/index.mdx', "---\ntitle: '无'\n---\n");
      expect(translationProblems(join(root, 'en'), join(root, 'zh'))).toEqual([
        `${join(root, 'zh/01-a/index.mdx')}: code block 1 (\`\`\`ts cell id=x) differs from the English at line 6: "2" instead of "1"`,
        `${join(root, 'zh/09-gone/index.mdx')}: translates a lesson that does not exist (no ${join(root, 'en/09-gone/index.mdx')})`,
      ]);
      expect(translationProblems(join(root, 'en'), join(root, 'none'))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds none in this repository', () => {
    expect(translationProblems('content/lessons', 'content/lessons-zh')).toEqual([]);
  });
});
