/**
 * What the build checks about the lesson folders before Astro runs (scripts/check-lessons.ts), so a
 * mistake stops the build with the file and line instead of a broken page:
 * - the cells/ files are well named and numbered (src/lessons/cells.ts);
 * - every prose file places each cell exactly once, in run order, so both languages show the same cells;
 * - a translation has the English prose's frontmatter keys;
 * - the folder number is the lesson's `order:`;
 * - every exercise folder is complete, and every prose file places each exercise exactly once;
 * - the lessons folder holds only lesson folders, and a lesson folder only what a lesson is made of.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../i18n';
import { lessonCells, type LessonCell } from './cells';
import { LESSON_FOLDER, LESSON_SUBFOLDERS, LESSONS_ROOT, lessonFolders, proseFileName } from './layout';
import { cellReferences, exerciseReferences, frontmatterKeys, frontmatterText } from './prose';
import { lessonExercises, type LessonExercise } from '../exercises/files';

/** Every problem of the lessons under `root`, one message each, naming the file. Empty when all is well. */
export function lessonProblems(root = LESSONS_ROOT): string[] {
  if (!existsSync(root)) return [`${root}: no lessons folder`];
  const strays = readdirSync(root).filter((name) => !name.startsWith('.') && !LESSON_FOLDER.test(name))
    .map((name) => `${join(root, name)}: not a lesson folder — a lesson is a folder named NN-slug (two digits for its place in the course, then its name in lower case, e.g. 08-weight-decay)`);
  return [...strays, ...lessonFolders(root).flatMap((folder) => folderProblems(join(root, folder), folder))];
}

/** What a lesson folder may hold: its prose files and its subfolders. */
const LESSON_ENTRIES = new Set<string>([...LANGS.map(proseFileName), ...Object.values(LESSON_SUBFOLDERS)]);

function folderProblems(dir: string, folder: string): string[] {
  const unknown = readdirSync(dir).filter((name) => !name.startsWith('.') && !LESSON_ENTRIES.has(name));
  if (unknown.length > 0) {
    return unknown.map((name) => `${join(dir, name)}: a lesson folder holds only ${[...LESSON_ENTRIES].join(', ')}${name === 'index.mdx' ? ' (the English prose is en.mdx)' : ''}`);
  }
  let cells: LessonCell[];
  try {
    cells = lessonCells(dir);
  } catch (error) {
    return [(error as Error).message];
  }
  let exercises: LessonExercise[];
  try {
    exercises = lessonExercises(dir);
  } catch (error) {
    return [(error as Error).message];
  }
  const englishFile = join(dir, proseFileName('en'));
  if (!existsSync(englishFile)) return [`${dir}: a lesson needs its English prose, ${proseFileName('en')} (translations are optional)`];
  const english = readFileSync(englishFile, 'utf8');
  const problems: string[] = [];
  for (const lang of LANGS) {
    const file = join(dir, proseFileName(lang));
    if (!existsSync(file)) continue;
    const text = lang === 'en' ? english : readFileSync(file, 'utf8');
    problems.push(...orderProblems(text, folder).map((problem) => `${file}: ${problem}`));
    if (lang !== 'en') {
      const keys = frontmatterKeys(text).join(', ');
      const englishKeys = frontmatterKeys(english).join(', ');
      if (keys !== englishKeys) problems.push(`${file}: frontmatter keys are [${keys}], ${proseFileName('en')} has [${englishKeys}]`);
    }
    try {
      problems.push(...referenceProblems(text, file, cells));
      problems.push(...exercisePlacementProblems(text, file, exercises));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

/** The folder's number must be the frontmatter's `order:` (the folder name is what sorts on disk and in URLs). */
function orderProblems(text: string, folder: string): string[] {
  const number = Number(LESSON_FOLDER.exec(folder)?.[1]);
  const order = /^order:\s*(\S+)\s*$/m.exec(frontmatterText(text))?.[1];
  if (order === undefined) return [`frontmatter has no order: (it must be ${number}, the folder's number)`];
  if (Number(order) !== number) return [`order: ${order} disagrees with the folder ${folder}: make them the same (the folder number is the lesson's place in the course)`];
  return [];
}

/** A prose file must place every cell of the lesson once, in run order. */
function referenceProblems(text: string, file: string, cells: LessonCell[]): string[] {
  const references = cellReferences(text, file);
  const problems: string[] = [];
  const known = new Set(cells.map((cell) => cell.id));
  for (const reference of references) {
    if (!known.has(reference.id)) {
      problems.push(`${file}:${reference.line}: <Cell id="${reference.id}" /> names no file in cells/ (the lesson's cells are ${cells.map((cell) => cell.id).join(', ') || 'none'})`);
    }
  }
  for (const cell of cells) {
    const placed = references.filter((reference) => reference.id === cell.id);
    if (placed.length === 0) problems.push(`${file}: cell "${cell.id}" (${cell.file}) is not placed: add <Cell id="${cell.id}" /> where it belongs`);
    if (placed.length > 1) problems.push(`${file}: cell "${cell.id}" is placed ${placed.length} times (lines ${placed.map((p) => p.line).join(', ')}); a cell appears once`);
  }
  if (problems.length > 0) return problems;
  const order = references.map((reference) => reference.id);
  const expected = cells.map((cell) => cell.id);
  const first = order.findIndex((id, index) => id !== expected[index]);
  if (first >= 0) {
    const reference = references[first]!;
    problems.push(`${file}:${reference.line}: <Cell id="${reference.id}" /> comes where cell ${first + 1} ("${expected[first]}") should: cells appear in run order (the numbers of their files)`);
  }
  return problems;
}

/** A prose file must place every exercise of the lesson once (anywhere: an exercise runs after the lesson's cells). */
function exercisePlacementProblems(text: string, file: string, exercises: LessonExercise[]): string[] {
  const references = exerciseReferences(text, file);
  const problems: string[] = [];
  for (const reference of references) {
    if (!exercises.some((exercise) => exercise.id === reference.id)) {
      problems.push(`${file}:${reference.line}: <Exercise id="${reference.id}" /> names no folder in exercises/ (the lesson's exercises are ${exercises.map((exercise) => exercise.id).join(', ') || 'none'})`);
    }
  }
  for (const exercise of exercises) {
    const placed = references.filter((reference) => reference.id === exercise.id);
    if (placed.length === 0) problems.push(`${file}: exercise "${exercise.id}" (${exercise.folder}) is not placed: add <Exercise id="${exercise.id}" /> to the lesson's "Your turn" section`);
    if (placed.length > 1) problems.push(`${file}: exercise "${exercise.id}" is placed ${placed.length} times (lines ${placed.map((p) => p.line).join(', ')}); an exercise appears once`);
  }
  return problems;
}
