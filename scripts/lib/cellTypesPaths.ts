/** Where scripts/build-cell-types.ts writes the cells' declarations (gitignored; the editor's worker imports the pack from here). */
export const GENERATED_FOLDER = 'generated';
export const CELL_TYPES_FILE = 'cell-types.json';
export const LESSON_LIBRARY_FILE = 'lesson-library.d.ts';
