/**
 * A TypeScript language service over notebooks of cells (cellProgram.ts) and a type pack: the
 * declaration files a cell program needs (TypeScript's libraries, TF.js, Plot, the lesson library),
 * by virtual path. The editor's worker and the CI type check run this same code on the same pack.
 */
import type * as TS from 'typescript';
import { cellCompilerOptions, cellDiagnostic, cellFiles, CELLS_ROOT, LESSON_LIBRARY_PATH, LIB_FOLDER, type CellDiagnostic, type CellFile, type ProgramCell } from './cellProgram';

type Ts = typeof TS;

/** Declaration files by virtual path ("/node_modules/@tensorflow/tfjs/dist/index.d.ts", …), and a key that changes with them. */
export interface TypePack {
  key: string;
  files: Record<string, string>;
}

export interface CellLanguageService {
  /** Sets (or replaces) a notebook's cells, in run order; returns their files. */
  setNotebook(notebook: string, cells: ProgramCell[]): CellFile[];
  files(notebook: string): CellFile[];
  /** Syntax and type errors of every cell of a notebook, or of one cell. */
  diagnostics(notebook: string, cellId?: string): CellDiagnostic[];
  /** The file of a cell, to ask the raw service about a position (offsets in the file are offsets in the cell). */
  file(notebook: string, cellId: string): CellFile | undefined;
  readonly service: TS.LanguageService;
}

export function createCellLanguageService(ts: Ts, pack: TypePack): CellLanguageService {
  const options = cellCompilerOptions(ts);
  const notebooks = new Map<string, CellFile[]>();
  const cellTexts = new Map<string, { text: string; version: number }>();
  const packSnapshots = new Map<string, TS.IScriptSnapshot>();
  const directories = new Set<string>(['/']);
  const addDirectories = (path: string) => {
    for (let dir = path.slice(0, path.lastIndexOf('/')); dir.length > 0; dir = dir.slice(0, dir.lastIndexOf('/'))) directories.add(dir);
  };
  Object.keys(pack.files).forEach(addDirectories);

  const read = (path: string): string | undefined => cellTexts.get(path)?.text ?? pack.files[path];
  const host: TS.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [LESSON_LIBRARY_PATH, ...[...notebooks.values()].flat().map((file) => file.path)],
    getScriptVersion: (path) => String(cellTexts.get(path)?.version ?? 0),
    getScriptSnapshot(path) {
      const cell = cellTexts.get(path);
      if (cell) return ts.ScriptSnapshot.fromString(cell.text);
      let snapshot = packSnapshots.get(path);
      if (!snapshot && pack.files[path] !== undefined) {
        snapshot = ts.ScriptSnapshot.fromString(pack.files[path]!);
        packSnapshots.set(path, snapshot);
      }
      return snapshot;
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: (compilerOptions) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(compilerOptions)}`,
    fileExists: (path) => read(path) !== undefined,
    readFile: read,
    directoryExists: (path) => directories.has(path.replace(/\/$/, '') || '/'),
    getDirectories: (path) => [...directories].filter((dir) => dir.startsWith(`${path.replace(/\/$/, '')}/`) && !dir.slice(path.length + 1).includes('/')).map((dir) => dir.slice(dir.lastIndexOf('/') + 1)),
    realpath: (path) => path,
    useCaseSensitiveFileNames: () => true,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry(true, '/'));

  return {
    service,
    setNotebook(notebook, cells) {
      const folder = `${CELLS_ROOT}/${notebook.replace(/[^\w-]/g, '_')}`;
      const previous = notebooks.get(notebook) ?? [];
      const files = cellFiles(ts, cells, folder);
      for (const old of previous) if (!files.some((file) => file.path === old.path)) cellTexts.delete(old.path);
      for (const file of files) {
        const known = cellTexts.get(file.path);
        if (known?.text !== file.text) cellTexts.set(file.path, { text: file.text, version: (known?.version ?? 0) + 1 });
        addDirectories(file.path);
      }
      notebooks.set(notebook, files);
      return files;
    },
    files: (notebook) => notebooks.get(notebook) ?? [],
    file: (notebook, cellId) => notebooks.get(notebook)?.find((file) => file.cell.id === cellId),
    diagnostics(notebook, cellId) {
      const files = notebooks.get(notebook) ?? [];
      return files.filter((file) => cellId === undefined || file.cell.id === cellId).flatMap((file) =>
        [...service.getSyntacticDiagnostics(file.path), ...service.getSemanticDiagnostics(file.path)]
          .map((diagnostic) => cellDiagnostic(ts, diagnostic, file, files))
          .filter((diagnostic): diagnostic is CellDiagnostic => diagnostic !== undefined));
    },
  };
}
