/**
 * A lesson's cells, in order, as one TypeScript program: what the CI type check
 * (scripts/typecheck-cells.ts) and the editor's language service (languageWorker.ts) both check.
 *
 * Each cell is a module of its own, its text unchanged so positions are the reader's; a footer
 * after its last line imports, from the latest earlier cell that declares it, every name the
 * cell does not declare itself (a `let` or `var` as an assignable declaration), and exports what
 * the cell declares. A cell so sees what the cells before it declare, never what later ones do,
 * and the lesson library's globals (lessonLibrary.d.ts) with TF.js and Plot's own declarations.
 *
 * TypeScript is passed in (`typeof import('typescript')`), so the page never bundles it.
 */
import type * as TS from 'typescript';

type Ts = typeof TS;

export interface ProgramCell {
  id: string;
  /** How messages name the cell ("cell 3"). */
  label: string;
  source: string;
}

export interface CellFile {
  cell: ProgramCell;
  /** The virtual path of the cell's module. */
  path: string;
  /** The cell's source followed by the footer. */
  text: string;
}

export interface CellDiagnostic {
  cellId: string;
  /** 0-based offsets in the cell's source. */
  start: number;
  end: number;
  /** 1-based, as editors and CI logs show them. */
  line: number;
  column: number;
  code: number;
  message: string;
  category: 'error' | 'warning';
}

/** Where the declarations live in the virtual file system (the type pack's paths are the same). */
export const LESSON_LIBRARY_PATH = '/lesson-library.d.ts';
export const LIB_FOLDER = '/node_modules/typescript/lib';
export const CELLS_ROOT = '/cells';

/** The options every cell program is checked with: strict, but not asking beginners to annotate every parameter. */
export function cellCompilerOptions(ts: Ts): TS.CompilerOptions {
  return {
    strict: true,
    noImplicitAny: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    skipLibCheck: true,
    noEmit: true,
    allowUnreachableCode: true,
  };
}

type Kind = 'assignable' | 'fixed';

/** Top-level names a cell declares, values and types: a `let`/`var` is assignable, the rest fixed. */
function declaredNames(ts: Ts, source: string): Map<string, Kind> {
  const file = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2022, false);
  const names = new Map<string, Kind>();
  const bind = (name: TS.BindingName, kind: Kind) => {
    if (ts.isIdentifier(name)) names.set(name.text, kind);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name, kind);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      const kind = statement.declarationList.flags & (ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing) ? 'fixed' : 'assignable';
      for (const declaration of statement.declarationList.declarations) bind(declaration.name, kind);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.set(statement.name.text, 'fixed');
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      names.set(statement.name.text, 'fixed');
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) names.set(clause.name.text, 'fixed');
      if (clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) names.set(clause.namedBindings.name.text, 'fixed');
      else if (clause.namedBindings) for (const element of clause.namedBindings.elements) names.set(element.name.text, 'fixed');
    } else if (ts.isImportEqualsDeclaration(statement)) {
      names.set(statement.name.text, 'fixed');
    }
  }
  return names;
}

/** The cells as modules under `folder` (one folder per notebook), each with its footer. */
export function cellFiles(ts: Ts, cells: ProgramCell[], folder = `${CELLS_ROOT}/notebook`): CellFile[] {
  const definers = new Map<string, { module: string; kind: Kind }>();
  return cells.map((cell, index) => {
    const module = `${String(index + 1).padStart(2, '0')}-${cell.id.replace(/[^\w-]/g, '_')}`;
    const own = declaredNames(ts, cell.source);
    const imports = new Map<string, string[]>();
    const assignable: string[] = [];
    for (const [name, { module: from, kind }] of definers) {
      if (own.has(name)) continue;
      if (kind === 'assignable') assignable.push(`declare let ${name}: typeof import("./${from}").${name};`);
      else imports.set(from, [...(imports.get(from) ?? []), name]);
    }
    const footer = [
      '',
      // A line of its own after the cell's last line, which may be a comment or lack its semicolon.
      ';',
      ...[...imports].map(([from, names]) => `import { ${names.join(', ')} } from "./${from}";`),
      ...assignable,
      `export { ${[...own.keys()].join(', ')} };`,
    ].join('\n');
    for (const [name, kind] of own) definers.set(name, { module, kind });
    return { cell, path: `${folder}/${module}.ts`, text: `${cell.source}\n${footer}\n` };
  });
}

/**
 * A diagnostic of a cell file in the cell's own terms: only what lies in the cell's source
 * (the footer is the notebook's), with messages that say which cell a name comes from.
 */
export function cellDiagnostic(ts: Ts, diagnostic: TS.Diagnostic, file: CellFile, files: CellFile[]): CellDiagnostic | undefined {
  if (diagnostic.start === undefined || diagnostic.start > file.cell.source.length) return undefined;
  if (diagnostic.category !== ts.DiagnosticCategory.Error && diagnostic.category !== ts.DiagnosticCategory.Warning) return undefined;
  const start = diagnostic.start;
  const end = Math.min(start + (diagnostic.length ?? 0), file.cell.source.length);
  const before = file.cell.source.slice(0, start);
  const line = before.split('\n').length;
  const column = start - (before.lastIndexOf('\n') + 1) + 1;
  return {
    cellId: file.cell.id,
    start,
    end,
    line,
    column,
    code: diagnostic.code,
    message: explain(ts, diagnostic, file, files),
    category: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
  };
}

const CANNOT_FIND_NAME = new Set([2304, 2552]);
const ASSIGN_TO_IMPORT = 2632;

function explain(ts: Ts, diagnostic: TS.Diagnostic, file: CellFile, files: CellFile[]): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const name = /'([^']+)'/.exec(message)?.[1];
  if (CANNOT_FIND_NAME.has(diagnostic.code) && name) {
    const index = files.indexOf(file);
    const later = files.slice(index + 1).find((other) => declaredNames(ts, other.cell.source).has(name));
    if (later) return `${message.replace(/\.$/, '')}: it is defined in ${later.cell.label}, which comes later on the page (run order is top to bottom)`;
  }
  if (diagnostic.code === ASSIGN_TO_IMPORT && name) {
    const definer = [...files.slice(0, files.indexOf(file))].reverse().find((other) => declaredNames(ts, other.cell.source).has(name));
    if (definer) return `Cannot assign to '${name}' because it is a constant: ${definer.cell.label} declares it with const (declare it with let to assign it in later cells)`;
  }
  return message;
}
