import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonFrontmatter } from '../../src/lessons/frontmatter';
import { neighbours, sortLessons } from '../../src/lessons/order';
import { lessonFolders, LESSONS_ROOT } from '../../src/lessons/layout';

const lesson = (id: string, order: number) => ({ id, data: { order, title: id } });

describe('lesson order', () => {
  it('sorts by order and finds neighbours', () => {
    const sorted = sortLessons([lesson('b', 2), lesson('c', 3), lesson('a', 1)]);
    expect(sorted.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(neighbours(sorted, 'a')).toEqual({ previous: undefined, next: sorted[1] });
    expect(neighbours(sorted, 'b')).toEqual({ previous: sorted[0], next: sorted[2] });
  });
  it('refuses two lessons with the same order', () => {
    expect(() => sortLessons([lesson('x', 1), lesson('y', 1)])).toThrow('lessons "x" and "y" have the same order 1');
  });
});

describe('lesson frontmatter', () => {
  it('explains what is wrong in words', () => {
    const result = lessonFrontmatter.safeParse({ title: 'T', order: 'first', summary: 'S', mirrors: 'M', tags: [] });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    expect(messages).toContain("order: order must be a number (the lesson's place in the course)");
    expect(messages).toContain("(root): Unrecognized key(s) in object: 'tags'");
  });

  it('accepts every lesson in content/lessons', () => {
    for (const folder of lessonFolders()) {
      const text = readFileSync(join(LESSONS_ROOT, folder, 'en.mdx'), 'utf8');
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const fields = Object.fromEntries(frontmatter.split('\n').map((line) => {
        const [key, ...rest] = line.split(':');
        const raw = rest.join(':').trim().replace(/^'(.*)'$/, '$1');
        return [key!.trim(), /^\d+$/.test(raw) ? Number(raw) : raw];
      }));
      expect(lessonFrontmatter.safeParse(fields).success, `${folder}: ${JSON.stringify(fields)}`).toBe(true);
    }
  });
});
