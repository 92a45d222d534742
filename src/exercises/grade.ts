/**
 * Grading an attempt: what the page does when the reader presses Check, without the page.
 *
 * 1. Before anything runs: code that is still the starter, or that still has blanks, is "not attempted" —
 *    said so, never called wrong (the reader has not answered yet).
 * 2. The reader's cell runs in the page's notebook (the page does that: the error, if any, is shown under
 *    the cell as that cell's error). A cell that failed is "not yet", quoting its error.
 * 3. The exercise's check looks at what the cell built and what the runs did. An exception from the reader's
 *    code that the check called is the reader's error; any other exception is the check's own bug, said so.
 */
import { exercisesText } from '../i18n/exercises';
import type { Lang } from '../i18n';
import { ReaderCodeError, type CheckContext, type ExerciseDefinition, type Localized, type Verdict } from './define';

/** How a blank is written in a starter cell. */
export const BLANK = '____';

const sameCode = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** The same text in every language, from the exercises' table. */
function everyLang(text: (lang: Lang) => string): Localized {
  // The languages of the exercises' table (importing LANGS from src/i18n would bundle every table into the page).
  return Object.fromEntries((Object.keys(exercisesText) as Lang[]).map((lang) => [lang, text(lang)])) as Localized;
}

/** "Not attempted" before running: the starter unchanged, or blanks left. Undefined when the code is an answer. */
export function unattemptedVerdict(code: string, starter: string): Verdict | undefined {
  if (sameCode(code, starter)) return { state: 'unattempted', message: everyLang((lang) => exercisesText[lang].starterUnchanged) };
  const blanks = code.split(BLANK).length - 1;
  if (blanks > 0) return { state: 'unattempted', message: everyLang((lang) => exercisesText[lang].blanksLeft(blanks)) };
  return undefined;
}

/** What the reader's cell did when the page ran it. */
export type CellOutcome = { status: 'done'; value: unknown } | { status: 'error'; message: string };

/** The verdict on code that was run: its error, or the check's verdict. */
export async function gradeOutcome(exercise: ExerciseDefinition, outcome: CellOutcome, context: Omit<CheckContext, 'value'>): Promise<Verdict> {
  if (outcome.status === 'error') return { state: 'incorrect', message: everyLang((lang) => exercisesText[lang].readerError(outcome.message)) };
  try {
    return await exercise.check({ ...context, value: outcome.value });
  } catch (error) {
    if (error instanceof ReaderCodeError) return { state: 'incorrect', message: everyLang((lang) => exercisesText[lang].readerCallError(error.message)) };
    const message = error instanceof Error ? error.message : String(error);
    return { state: 'incorrect', message: everyLang((lang) => exercisesText[lang].checkerFailed(message)) };
  }
}
