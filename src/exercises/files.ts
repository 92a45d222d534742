/**
 * A lesson's exercises as files (Node, build time): content/lessons/NN-slug/exercises/<id>/ holds starter.ts,
 * solution.ts and exercise.ts (src/exercises/define.ts says what each is). The build, the page data, the
 * type check and the tests read exercises through this module.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LESSON_SUBFOLDERS } from '../lessons/layout';

const EXERCISES_FOLDER = LESSON_SUBFOLDERS.exercises;
export const EXERCISE_FILES = { starter: 'starter.ts', solution: 'solution.ts', definition: 'exercise.ts' } as const;

/** An exercise id: lower case words joined by hyphens (the page's data-exercise is `<lesson>/<id>`). */
const EXERCISE_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface LessonExercise {
  id: string;
  /** Its folder, relative to the lesson folder (exercises/<id>). */
  folder: string;
  /** The starter cell's and the solution cell's code (each file without its final newline). */
  starter: string;
  solution: string;
}

const readCell = (path: string) => readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '');

/** The exercises of the lesson in `lessonDir`, by id. Throws, naming the folder, when one lacks a file or is misnamed. */
export function lessonExercises(lessonDir: string): LessonExercise[] {
  const dir = join(lessonDir, EXERCISES_FOLDER);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => !name.startsWith('.')).sort().map((id) => {
    const folder = join(dir, id);
    if (!statSync(folder).isDirectory() || !EXERCISE_ID.test(id)) {
      throw new Error(`${folder}: an exercise is a folder named by its id in lower case (e.g. exercises/small-model/) holding ${Object.values(EXERCISE_FILES).join(', ')}`);
    }
    for (const file of Object.values(EXERCISE_FILES)) {
      if (!existsSync(join(folder, file))) throw new Error(`${join(folder, file)}: missing — an exercise folder holds ${Object.values(EXERCISE_FILES).join(', ')}`);
    }
    return { id, folder: join(EXERCISES_FOLDER, id), starter: readCell(join(folder, EXERCISE_FILES.starter)), solution: readCell(join(folder, EXERCISE_FILES.solution)) };
  });
}

/** Whether the build leaves solutions out of the site (COURSE_SOLUTIONS=hidden); hints stay. */
export function solutionsHidden(env: Record<string, string | undefined> = process.env): boolean {
  return env.COURSE_SOLUTIONS === 'hidden';
}
