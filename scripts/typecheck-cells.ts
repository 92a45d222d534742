/**
 * Type-checks every lesson's cells in run order, as one notebook per lesson, against the declared
 * types of what is in scope (the lesson library, TF.js, Plot): the same language service and
 * declarations as the editor's (src/notebook/cellLanguageService.ts). Both languages show the same
 * cell files, so one check covers them. Prints each error as file:line:column and exits 1 if any.
 *
 *   npx tsx scripts/typecheck-cells.ts [--lessons content/lessons]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { lessonCells } from '../src/lessons/cells';
import { lessonFolders, LESSONS_ROOT } from '../src/lessons/layout';
import { EXERCISE_FILES, lessonExercises } from '../src/exercises/files';
import { BLANK } from '../src/exercises/grade';
import { exerciseReferences } from '../src/lessons/prose';
import { createCellLanguageService, type TypePack } from '../src/notebook/cellLanguageService';
import type { CellDiagnostic } from '../src/notebook/cellProgram';
import { buildCellTypes } from './build-cell-types';

export interface CellError extends CellDiagnostic {
  /** The cell's file, relative to the working directory. */
  file: string;
  sourceLine: string;
}

export function typecheckLessons(root = LESSONS_ROOT): { lessons: number; cells: number; errors: CellError[] } {
  const pack = JSON.parse(readFileSync(buildCellTypes().path, 'utf8')) as TypePack;
  const service = createCellLanguageService(ts, pack);
  const errors: CellError[] = [];
  let cellCount = 0;
  const folders = lessonFolders(root);
  for (const folder of folders) {
    const dir = join(root, folder);
    const cells = lessonCells(dir);
    cellCount += cells.length;
    service.setNotebook(folder, cells.map((cell) => ({ id: cell.id, label: `cell ${cell.number} (${cell.file})`, source: cell.source })));
    for (const diagnostic of service.diagnostics(folder)) {
      const cell = cells.find((c) => c.id === diagnostic.cellId)!;
      errors.push({ ...diagnostic, file: relative(process.cwd(), join(dir, cell.file)), sourceLine: cell.source.split('\n')[diagnostic.line - 1] ?? '' });
    }
    // An exercise's starter and its solution each run after the lesson's cells and the solutions of the
    // exercises placed before it in the English prose (an exercise may use what an earlier one built): each is
    // checked as the cell after those. A starter's blanks (____) stand for any value.
    const blanks = { id: 'exercise-blanks', label: 'the exercises\' blanks', source: `declare const ${BLANK}: any;` };
    const placed = existsSync(join(dir, 'en.mdx')) ? exerciseReferences(readFileSync(join(dir, 'en.mdx'), 'utf8')).map((reference) => reference.id) : [];
    const exercises = lessonExercises(dir).sort((a, b) => placed.indexOf(a.id) - placed.indexOf(b.id));
    for (const [index, exercise] of exercises.entries()) {
      const earlier = exercises.slice(0, index).map((other) => ({ id: `exercise-${other.id}`, label: `the solution of ${other.folder}`, source: other.solution }));
      for (const kind of ['starter', 'solution'] as const) {
        const file = join(dir, exercise.folder, EXERCISE_FILES[kind]);
        const source = exercise[kind];
        const notebook = `${folder}/exercise-${exercise.id}-${kind}`;
        service.setNotebook(notebook, [blanks, ...cells.map((cell) => ({ id: cell.id, label: `cell ${cell.number}`, source: cell.source })), ...earlier, { id: 'exercise', label: relative(process.cwd(), file), source }]);
        cellCount++;
        for (const diagnostic of service.diagnostics(notebook)) {
          if (diagnostic.cellId !== 'exercise') continue;
          errors.push({ ...diagnostic, file: relative(process.cwd(), file), sourceLine: source.split('\n')[diagnostic.line - 1] ?? '' });
        }
      }
    }
  }
  return { lessons: folders.length, cells: cellCount, errors };
}

export function formatCellError(error: CellError): string {
  const width = Math.max(1, error.end - error.start);
  return `${error.file}:${error.line}:${error.column} - ${error.category} TS${error.code}: ${error.message}\n` +
    `  ${error.sourceLine}\n  ${' '.repeat(error.column - 1)}${'~'.repeat(Math.min(width, Math.max(1, error.sourceLine.length - error.column + 1)))}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--lessons');
  const started = performance.now();
  const { lessons, cells, errors } = typecheckLessons(at > 0 ? process.argv[at + 1] : undefined);
  for (const error of errors) console.error(formatCellError(error));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (errors.length > 0) {
    console.error(`\n${errors.length} type error${errors.length === 1 ? '' : 's'} in the cells of ${lessons} lesson${lessons === 1 ? '' : 's'} (${seconds} s)`);
    process.exit(1);
  }
  console.log(`cells type-check: ${cells} cells of ${lessons} lessons, no errors (${seconds} s)`);
}
