/**
 * The authoring API of exercises (issue 13). An exercise lives in its lesson's folder:
 *
 *   content/lessons/01-baseline/exercises/small-model/
 *     starter.ts    the cell the reader starts from: real code with blanks written `____`
 *     solution.ts   the cell that solves it (left out of the site by COURSE_SOLUTIONS=hidden)
 *     exercise.ts   `export default defineExercise({ hints, why, check })`
 *
 * starter.ts and solution.ts are notebook cells: they run after the lesson's cells, in the same scope, and
 * `npm run typecheck` checks them so. `check` gets what the reader's cell built (its value and the
 * page's names) and the training runs the course recorded, and returns a verdict with a message a beginner
 * can act on, in both course languages. It never sees the reader's code fail: the page grades an error in
 * the reader's cell itself (src/exercises/grade.ts).
 */
import type { Lang } from '../i18n';
import type { RunRecord } from '../ml/runLog';

/** A text in every course language (the type check fails when one is missing). */
export type Localized = Record<Lang, string>;

export type ExerciseState = 'unattempted' | 'incorrect' | 'correct';

export interface Verdict {
  state: ExerciseState;
  /** What the reader reads: why it is not right yet, or why it matters now that it is. */
  message: Localized;
  /** For a "predict, then run" exercise: what the run showed, set beside the reader's prediction. */
  observed?: Localized;
}

/** What a check can look at after the reader's cell ran. */
export interface CheckContext {
  /** The value of the cell's last expression (undefined when it ends with a statement). */
  value: unknown;
  /** A name the page's cells defined (the reader's cell included), or undefined. */
  get(name: string): unknown;
  has(name: string): boolean;
  /** Every training run the course recorded on this device, oldest first (src/ml/runLog.ts). */
  runs: readonly RunRecord[];
  /** The runs recorded while the reader's cell ran, oldest first. */
  newRuns: readonly RunRecord[];
  /** The page's TensorFlow.js, for checks that call the reader's functions on small known tensors. */
  tf: typeof import('@tensorflow/tfjs');
}

export interface Prediction {
  /** The question asked before the run. */
  question: Localized;
  /** The answers the reader picks from. */
  choices: Localized[];
}

export interface ExerciseDefinition {
  /** At least two, revealed one at a time; the last one close to the answer. */
  hints: Localized[];
  /** "Predict, then run": the reader picks an answer before the check runs the cell. */
  predict?: Prediction;
  check(context: CheckContext): Verdict | Promise<Verdict>;
}

/** Declares an exercise (the default export of its exercise.ts); throws when it has fewer than two hints. */
export function defineExercise(definition: ExerciseDefinition): ExerciseDefinition {
  if (definition.hints.length < 2) throw new Error('an exercise needs at least two hints, the last one close to the answer');
  if (definition.predict && definition.predict.choices.length < 2) throw new Error('a prediction needs at least two choices');
  return definition;
}

/** The verdicts a check returns. */
export const correct = (why: Localized, observed?: Localized): Verdict => ({ state: 'correct', message: why, observed });
export const notYet = (reason: Localized, observed?: Localized): Verdict => ({ state: 'incorrect', message: reason, observed });
export const notAttempted = (what: Localized): Verdict => ({ state: 'unattempted', message: what });

/** An exception thrown by the reader's own code while a check called it: shown as that code's error. */
export class ReaderCodeError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? `${original.name}: ${original.message}` : String(original));
    this.name = 'ReaderCodeError';
  }
}

/** Calls a function the reader wrote; its exceptions become {@link ReaderCodeError}s. */
export async function callReader<T>(fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new ReaderCodeError(error);
  }
}
