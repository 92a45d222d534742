import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonFolders } from '../../src/lessons/layout';
import { lessonExercises } from '../../src/exercises/files';
import { LANGS } from '../../src/i18n';
import { BLANK } from '../../src/exercises/grade';
import { attempt, exerciseOf } from './attempt';

const exercises = lessonFolders('content/lessons').flatMap((lesson) => lessonExercises(join('content/lessons', lesson)).map((exercise) => ({ lesson, ...exercise })));

describe('every exercise of the course', () => {
  it('the baseline has at least three exercises, every other lesson at least two', () => {
    const counts = Object.fromEntries(lessonFolders('content/lessons').map((lesson) => [lesson, lessonExercises(join('content/lessons', lesson)).length]));
    expect(counts['01-baseline']).toBeGreaterThanOrEqual(3);
    for (const [lesson, count] of Object.entries(counts)) expect(count, lesson).toBeGreaterThanOrEqual(2);
  });

  for (const { lesson, id, starter, solution } of exercises) {
    describe(`${lesson}/${id}`, () => {
      it('its starter is not attempted: it has blanks to fill in, and Check says so instead of calling it wrong', async () => {
        expect(starter).toContain(BLANK);
        expect(solution).not.toContain(BLANK);
        const verdict = await attempt(lesson, id, starter);
        expect(verdict.state).toBe('unattempted');
        expect(verdict.message.en).toMatch(/starter code/);
        expect(verdict.message.zh).toMatch(/初始代码/);
        const oneBlankLeft = await attempt(lesson, id, `${solution}\n// ${BLANK}`);
        expect(oneBlankLeft).toMatchObject({ state: 'unattempted', message: { en: '1 blank (____) still to fill in.' } });
      });

      it('has at least two hints, each in every language, and a prediction in every language when it asks for one', async () => {
        const { definition } = await exerciseOf(lesson, id);
        expect(definition.hints.length).toBeGreaterThanOrEqual(2);
        const texts = [...definition.hints, ...(definition.predict ? [definition.predict.question, ...definition.predict.choices] : [])];
        for (const text of texts) for (const lang of LANGS) expect(text[lang].trim()).not.toBe('');
      });

      it('has unit tests of its solution and of a wrong answer', () => {
        const file = `test/exercises/${lesson}.test.ts`;
        expect(existsSync(file), `${file} is missing`).toBe(true);
        expect(readFileSync(file, 'utf8')).toContain(`'${id}'`);
      });

      it('is placed in the "Your turn" section of both languages', () => {
        for (const lang of LANGS) {
          const prose = readFileSync(join('content/lessons', lesson, `${lang}.mdx`), 'utf8');
          const turn = prose.lastIndexOf(lang === 'en' ? '## Your turn' : '## 轮到你了');
          expect(turn, `${lang}.mdx has no "Your turn" section`).toBeGreaterThan(0);
          expect(prose.slice(turn)).toContain(`<Exercise id="${id}" />`);
        }
      });
    });
  }
});
