/**
 * A lesson's code cells are TypeScript files in its folder, one per cell, named in run order:
 *
 *   content/lessons/01-baseline/cells/01-load.ts     → cell "load", [1]
 *   content/lessons/01-baseline/cells/03-model.ts    → cell "model", [3]
 *
 * Both language versions of the lesson show the same files (`<Cell id="model" />` in en.mdx and zh.mdx).
 * This module enumerates them in order; the build, the page, the notebook export and the type check all
 * read cells through it. Node only (reads the file system at build time).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LESSON_SUBFOLDERS } from './layout';

export interface LessonCell {
  /** The cell's id (the file name without its number): the page's `data-cell`, the key of saved edits. */
  id: string;
  /** Its place in run order, 1-based: the number in the toolbar ("[3]"). */
  number: number;
  /** The file, as a path under the lesson folder given to {@link lessonCells}. */
  file: string;
  /** The code as the reader sees it (the file without its final newline). */
  source: string;
}

/** `NN-id.ts`: a two-digit run-order number, then the cell's id. */
const CELL_FILE = /^(\d{2})-([a-z0-9][a-z0-9-]*)\.ts$/;

/** The folder of a lesson that holds its cells. */
const CELLS_FOLDER = LESSON_SUBFOLDERS.cells;

/**
 * Every cell of the lesson in `lessonDir`, in run order. Throws, naming the file, when a file in cells/
 * is not a cell file, when two files share a number or an id, or when the numbers have a gap.
 * A lesson without a cells/ folder has no cells.
 */
export function lessonCells(lessonDir: string): LessonCell[] {
  const dir = join(lessonDir, CELLS_FOLDER);
  if (!existsSync(dir)) return [];
  const cells: LessonCell[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const match = CELL_FILE.exec(name);
    if (!match) {
      throw new Error(`${join(dir, name)}: not a cell file — cells are named NN-id.ts (two digits for the run order, then the cell's id in lower case, e.g. 03-model.ts)`);
    }
    const number = Number(match[1]);
    const id = match[2]!;
    const expected = cells.length + 1;
    if (number !== expected) {
      const clash = cells.find((cell) => cell.number === number);
      throw new Error(clash
        ? `${join(dir, name)}: number ${match[1]} is taken by ${clash.file}; every cell needs its own number`
        : `${join(dir, name)}: cell number ${match[1]} should be ${String(expected).padStart(2, '0')} — cells are numbered 01, 02, … in run order with no gap`);
    }
    const twin = cells.find((cell) => cell.id === id);
    if (twin) throw new Error(`${join(dir, name)}: the id "${id}" is already used by ${twin.file}; cell ids must be unique in a lesson`);
    const source = readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '');
    cells.push({ id, number, file: join(CELLS_FOLDER, name), source });
  }
  return cells;
}
