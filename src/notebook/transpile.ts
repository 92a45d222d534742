import { transform } from 'sucrase';
import { parse, type Node as AcornNode } from 'acorn';
import { CellSyntaxError } from './errors';
import { collectAssignedNames, collectFreeNames, declaredNames } from './names';
import { GUARD_NAME, guardInsertions } from './loopGuard';

/**
 * A cell turned into the body of an async function, plus what it declares and reads.
 * Plain serializable data, so the transform can be snapshot-tested.
 */
export interface TranspiledCell {
  /** JavaScript statements; line N of `body` is line N of the cell's source. */
  body: string;
  /** Top-level names the cell declares (const/let/var/function/class/import). */
  defines: string[];
  /** Names the cell assigns without declaring: they belong to another cell and are written back. */
  assigns: string[];
  /** Free names the cell reads (globals included): used to explain missing names. */
  reads: string[];
  /** Module specifiers the cell imports. */
  imports: string[];
  /** Whether the cell ends with an expression whose value is displayed. */
  hasValue: boolean;
  /**
   * Text the transform inserted into lines of `body` (loop guards, the value capture), as
   * [line, column, length] (1-based): runtime error columns are mapped back through them.
   */
  insertions: Array<[number, number, number]>;
}

/** Names the generated code uses; cells cannot declare them. */
export const IMPORT_FUNCTION = '__import';
export const VALUE_VARIABLE = '__value';

/**
 * TypeScript → JavaScript (sucrase keeps line numbers), then rewrites the top level so a
 * cell can run as a function body in a shared scope: imports become awaited calls, the
 * last expression statement becomes the cell's value.
 */
export function transpileCell(source: string, { guards = true }: { guards?: boolean } = {}): TranspiledCell {
  const js = stripTypes(source);
  const program = parseModule(js, source);
  const statements = program.body as AcornStatement[];

  const edits: Edit[] = [];
  const defines = new Set<string>();
  const imports: string[] = [];

  for (const statement of statements) {
    if (statement.type === 'ImportDeclaration') {
      const specifier = String(statement.source!.value);
      imports.push(specifier);
      for (const name of importedNames(statement)) defines.add(name);
      edits.push({ start: statement.start, end: statement.end, text: importToAwait(statement, js) });
    } else if (statement.type.startsWith('Export')) {
      throw syntaxErrorAt(source, js, statement.start, 'cells cannot export; every top-level name is already shared with later cells');
    } else {
      for (const name of declaredNames(statement)) defines.add(name);
    }
  }

  const last = statements.at(-1);
  const hasValue = last?.type === 'ExpressionStatement';
  if (last && hasValue) {
    const expression = last.expression!;
    edits.push({ start: expression.start, end: expression.start, text: `${VALUE_VARIABLE} = (`, rank: -0.1 });
    edits.push({ start: expression.end, end: expression.end, text: ')', rank: 0.1 });
  }

  const reads = collectFreeNames(program);
  for (const reserved of [IMPORT_FUNCTION, VALUE_VARIABLE, GUARD_NAME]) {
    if (defines.has(reserved) || reads.includes(reserved)) throw new CellSyntaxError(`the name ${reserved} is reserved by the notebook`, 1, 1, source.split('\n')[0] ?? '');
  }

  // Guards: at one offset, a deeper node's closing text comes before a shallower one's, and
  // a shallower node's opening text before a deeper one's (the value capture is outermost).
  if (guards) {
    for (const insertion of guardInsertions(program)) {
      edits.push({ start: insertion.at, end: insertion.at, text: insertion.text, rank: (insertion.closing ? 1 : -1) * (1 - 1 / (2 + insertion.depth)) });
    }
  }

  const { text: body, insertions } = applyEdits(js, edits);
  return {
    body,
    insertions,
    defines: [...defines],
    assigns: collectAssignedNames(program).filter((name) => !defines.has(name)),
    reads: reads.filter((name) => !defines.has(name)),
    imports,
    hasValue,
  };
}

/** `rank` orders insertions at one offset: closing texts have a positive rank, opening texts a negative one. */
interface Edit { start: number; end: number; text: string; rank?: number }

type AcornStatement = AcornNode & {
  type: string;
  source?: { value: unknown };
  specifiers?: AcornSpecifier[];
  expression?: AcornNode;
};
type AcornSpecifier = AcornNode & { type: string; local: { name: string }; imported?: { name?: string; value?: string } };

function stripTypes(source: string): string {
  try {
    return transform(source, { transforms: ['typescript'], keepUnusedImports: true, disableESTransforms: true }).code;
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw syntaxErrorAt(source, source, pos, message);
  }
}

function parseModule(js: string, source: string): AcornNode & { body: AcornNode[] } {
  try {
    return parse(js, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: false }) as AcornNode & { body: AcornNode[] };
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw syntaxErrorAt(source, js, pos, message);
  }
}

/** Maps an offset in `text` (same lines as `source`) to a located error on the source line. */
function syntaxErrorAt(source: string, text: string, pos: number, message: string): CellSyntaxError {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - (before.lastIndexOf('\n') + 1) + 1;
  return new CellSyntaxError(message, line, column, source.split('\n')[line - 1] ?? '');
}

function importedNames(statement: AcornStatement): string[] {
  return (statement.specifiers ?? []).map((specifier) => specifier.local.name);
}

/** `import * as tf from 'x'` → `const tf = await __import("x");`, kept on as many lines as the original. */
function importToAwait(statement: AcornStatement, js: string): string {
  const call = `await ${IMPORT_FUNCTION}(${JSON.stringify(String(statement.source!.value))})`;
  const parts: string[] = [];
  const named: string[] = [];
  for (const specifier of statement.specifiers ?? []) {
    if (specifier.type === 'ImportNamespaceSpecifier') parts.push(`const ${specifier.local.name} = __module;`);
    else if (specifier.type === 'ImportDefaultSpecifier') parts.push(`const ${specifier.local.name} = __module.default;`);
    else {
      const imported = specifier.imported?.name ?? String(specifier.imported?.value);
      named.push(imported === specifier.local.name ? imported : `${JSON.stringify(imported)}: ${specifier.local.name}`);
    }
  }
  if (named.length > 0) parts.push(`const { ${named.join(', ')} } = __module;`);
  // A block-scoped temporary would hide the names, so the module goes through an IIFE-free pattern:
  // one declaration per binding, each reading the awaited module from a fresh const.
  const text = parts.length === 0
    ? `${call};`
    : parts.map((part) => part.replace('__module', `(${call})`)).join(' ');
  const lineBreaks = js.slice(statement.start, statement.end).split('\n').length - 1;
  return text + '\n'.repeat(lineBreaks);
}

function applyEdits(text: string, edits: Edit[]): { text: string; insertions: Array<[number, number, number]> } {
  let result = '';
  let cursor = 0;
  const insertions: Array<[number, number, number]> = [];
  const sorted = [...edits].sort((a, b) => a.start - b.start || (b.rank ?? 0) - (a.rank ?? 0));
  for (const edit of sorted) {
    result += text.slice(cursor, edit.start);
    if (edit.start === edit.end && !edit.text.includes('\n')) {
      const lineStart = result.lastIndexOf('\n') + 1;
      insertions.push([result.split('\n').length, result.length - lineStart + 1, edit.text.length]);
    }
    result += edit.text;
    cursor = Math.max(cursor, edit.end);
  }
  return { text: result + text.slice(cursor), insertions };
}
