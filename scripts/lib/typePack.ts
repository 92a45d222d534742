/**
 * The type pack: every declaration file a cell program reads (TypeScript's libraries, TF.js and
 * Plot with the packages their declarations import, the lesson library's one .d.ts), by the virtual
 * path the cell language service uses. Found by building a program of a cell that imports both
 * packages and recording what TypeScript reads; package.json files are kept only for resolution.
 */
import ts from 'typescript';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cellCompilerOptions, LESSON_LIBRARY_PATH, LIB_FOLDER } from '../../src/notebook/cellProgram';

const PROBE = '/cells/probe/01-probe.ts';
const PROBE_SOURCE = "import * as tf from '@tensorflow/tfjs';\nimport * as Plot from '@observablehq/plot';\nexport const probe = [tf.layers.dense, Plot.plot, display];\n";
/**
 * Left out, to keep the pack small and quick to parse: WebGPU's types (tfjs-core names them for GPU buffers,
 * which cells never touch), and the doc comments of the DOM's declarations (1.9 MB, mostly links to MDN).
 */
const LEFT_OUT = /^\/node_modules\/@webgpu\//;
const WITHOUT_DOCS = /^\/node_modules\/typescript\/lib\/lib\.dom(\.iterable)?\.d\.ts$/;
/** package.json fields module resolution reads. */
const RESOLUTION_FIELDS = ['name', 'version', 'type', 'types', 'typings', 'main', 'module', 'exports', 'typesVersions'];

export function buildTypePackFiles(libraryDeclarations: string, root = process.cwd()): Record<string, string> {
  const virtual: Record<string, string> = { [LESSON_LIBRARY_PATH]: libraryDeclarations, [PROBE]: PROBE_SOURCE };
  const recorded: Record<string, string> = {};
  const real = (path: string) => (path === '/node_modules' || path.startsWith('/node_modules/') ? join(root, path) : undefined);
  const readText = (path: string): string | undefined => {
    if (virtual[path] !== undefined) return virtual[path];
    const file = real(path);
    if (!file || !existsSync(file) || !statSync(file).isFile()) return undefined;
    const text = readFileSync(file, 'utf8');
    recorded[path] = path.endsWith('/package.json') ? trimPackageJson(text) : text;
    return text;
  };
  const options = cellCompilerOptions(ts);
  const host: ts.CompilerHost = {
    getSourceFile: (path, language) => {
      const text = readText(path);
      return text === undefined ? undefined : ts.createSourceFile(path, text, language);
    },
    getDefaultLibFileName: (o) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(o)}`,
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (path) => path,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (path) => readText(path) !== undefined,
    readFile: readText,
    directoryExists: (path) => {
      if (path === '/' || path === '/cells' || path === '/cells/probe') return true;
      const dir = real(path);
      return dir !== undefined && existsSync(dir) && statSync(dir).isDirectory();
    },
    realpath: (path) => path,
  };
  const program = ts.createProgram([LESSON_LIBRARY_PATH, PROBE], options, host);
  const problems = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(program.getSourceFile(PROBE)), ...program.getSemanticDiagnostics(program.getSourceFile(LESSON_LIBRARY_PATH))];
  if (problems.length > 0) {
    throw new Error(`the cells' declarations do not resolve:\n${ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '/', getNewLine: () => '\n' })}`);
  }
  for (const file of program.getSourceFiles()) if (recorded[file.fileName] === undefined && virtual[file.fileName] === undefined) recorded[file.fileName] = file.text;
  const files: Record<string, string> = { [LESSON_LIBRARY_PATH]: libraryDeclarations };
  for (const [path, text] of Object.entries(recorded)) {
    if (LEFT_OUT.test(path)) continue;
    files[path] = WITHOUT_DOCS.test(path) ? withoutDocComments(text) : text;
  }
  return files;
}

/** A declaration file without its /** … *\/ comments (and the blank lines they leave). */
function withoutDocComments(text: string): string {
  return text.replace(/[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\r?\n?/g, '');
}

function trimPackageJson(text: string): string {
  const json = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(RESOLUTION_FIELDS.filter((field) => field in json).map((field) => [field, json[field]])));
}
