import { transform } from 'sucrase';
import { parse, type Node as AcornNode } from 'acorn';
import { ancestor } from 'acorn-walk';
import { CellSyntaxError } from './errors';
import { analyzeBindings, patternNames, type TopLevelKind, type TopLevelReference } from './scopes';
import { GUARD_NAME, guardInsertions } from './loopGuard';

/**
 * A cell turned into the body of an async function that runs in the notebook's one
 * environment, plus what it declares and reads. Plain serializable data, so the transform
 * can be snapshot-tested.
 */
export interface TranspiledCell {
  /** JavaScript statements; line N of `body` is line N of the cell's source. */
  body: string;
  /** Top-level names the cell declares (const/let/var/function/class/import). */
  defines: string[];
  /** How each of {@link defines} is declared. */
  kinds: Record<string, TopLevelKind>;
  /** Names the cell assigns without declaring: they belong to another cell. */
  assigns: string[];
  /** Free names the cell uses (globals included): used to explain missing names. */
  reads: string[];
  /** Names the cell does not declare but reaches through the environment (not a builtin or a global). */
  scopeNames: string[];
  /** Module specifiers the cell imports. */
  imports: string[];
  /** Whether the cell ends with an expression whose value is displayed. */
  hasValue: boolean;
  /**
   * Text the transform inserted into lines of `body` (loop guards, the value capture, the
   * environment's prefix), as [line, column, length] (1-based): runtime error columns are
   * mapped back through them.
   */
  insertions: Array<[number, number, number]>;
}

export interface TranspileOptions {
  /** Loop guards (on by default). */
  guards?: boolean;
  /**
   * Names that stay plain identifiers when the cell does not declare them: the run's builtins
   * and the page's globals. By default, the globals of the JavaScript realm.
   */
  isOuterName?: (name: string) => boolean;
}

/** Names the generated code uses; cells cannot declare them. */
export const IMPORT_FUNCTION = '__import';
export const VALUE_VARIABLE = '__value';
/** The notebook's environment (every top-level name of every cell) and the function that makes a name constant. */
export const ENVIRONMENT = '__nb$e';
export const MAKE_CONSTANT = '__nb$c';
/** `typeof name` of a name nothing defines is 'undefined' in JavaScript, not an error: this reads it so. */
export const TYPEOF_NAME = '__nb$t';

/** Globals that build code from strings: a cell reaches the loop guard's versions of them. */
const GUARDED_EVALUATORS = new Set(['eval', 'Function']);

const RESERVED = [IMPORT_FUNCTION, VALUE_VARIABLE, GUARD_NAME, ENVIRONMENT, MAKE_CONSTANT, TYPEOF_NAME];

/**
 * TypeScript → JavaScript (sucrase keeps line numbers), then rewrites the top level so a
 * cell runs as a function body against the notebook's environment: its declarations become
 * the environment's bindings and every use of a top-level name (in closures too) reads the
 * binding live; imports become awaited calls; the last expression statement becomes the
 * cell's value. Every rewrite is an insertion or a same-length replacement on the same line.
 */
export function transpileCell(source: string, { guards = true, isOuterName = isRealmGlobal }: TranspileOptions = {}): TranspiledCell {
  const js = stripTypes(source);
  const program = parseModule(js, source);
  const statements = program.body as AcornStatement[];
  for (const statement of statements) {
    if (statement.type.startsWith('Export')) {
      throw syntaxErrorAt(source, js, statement.start, 'cells cannot export; every top-level name is already shared with later cells');
    }
  }
  const { declared, references } = analyzeBindings(program);
  for (const reserved of RESERVED) {
    if (declared.has(reserved) || references.some((reference) => reference.name === reserved)) {
      throw new CellSyntaxError(`the name ${reserved} is reserved by the notebook`, 1, 1, source.split('\n')[0] ?? '');
    }
  }
  const viaEnvironment = (name: string) => declared.has(name) || !isOuterName(name);

  const edits: Edit[] = [];
  const imports: string[] = [];
  const prologue: string[] = [];
  for (const statement of statements) {
    if (statement.type === 'ImportDeclaration') {
      imports.push(String(statement.source!.value));
      edits.push({ start: statement.start, end: statement.end, text: importToEnvironment(statement, js) });
    } else if (statement.type === 'FunctionDeclaration') {
      // Hoisted like the declaration itself: callable from the first line of the cell.
      prologue.push(`${ENVIRONMENT}.${statement.id!.name} = ${statement.id!.name};`);
    } else if (statement.type === 'ClassDeclaration') {
      edits.push({ start: statement.start, end: statement.start, text: `;${ENVIRONMENT}.${statement.id!.name} = `, rank: -0.2 });
      edits.push({ start: statement.end, end: statement.end, text: ';', rank: 0.01 });
    }
  }
  if (prologue.length > 0) edits.push({ start: 0, end: 0, text: prologue.join(' '), rank: 2 });
  edits.push(...declarationEdits(program));
  for (const reference of references) {
    if (guards && GUARDED_EVALUATORS.has(reference.name) && !declared.has(reference.name) && !reference.typeofOperand && reference.role === 'read') {
      // eval(…) and new Function(…) are the guard's versions, which guard the code they are given (guardedEval.ts).
      edits.push({ start: reference.start, end: reference.start, text: reference.shorthand ? `${reference.name}: ${GUARD_NAME}.` : `${GUARD_NAME}.`, rank: -2 });
      continue;
    }
    if (!viaEnvironment(reference.name)) continue;
    if (reference.typeofOperand) {
      edits.push({ start: reference.start, end: reference.start, text: `${TYPEOF_NAME}("`, rank: -2 });
      edits.push({ start: reference.end, end: reference.end, text: '")', rank: 2 });
      continue;
    }
    edits.push({ start: reference.start, end: reference.start, text: reference.shorthand ? `${reference.name}: ${ENVIRONMENT}.` : `${ENVIRONMENT}.`, rank: -2 });
  }

  const last = statements.at(-1);
  const hasValue = last?.type === 'ExpressionStatement';
  if (last && hasValue) {
    const expression = last.expression!;
    edits.push({ start: expression.start, end: expression.start, text: `${VALUE_VARIABLE} = (`, rank: -0.1 });
    edits.push({ start: expression.end, end: expression.end, text: ')', rank: 0.1 });
  }

  // Guards: at one offset, a deeper node's closing text comes before a shallower one's, and
  // a shallower node's opening text before a deeper one's (the value capture is outermost).
  if (guards) {
    for (const insertion of guardInsertions(program)) {
      edits.push({ start: insertion.at, end: insertion.at, text: insertion.text, rank: (insertion.closing ? 1 : -1) * (1 - 1 / (2 + insertion.depth)) });
    }
  }

  const { text: body, insertions } = applyEdits(js, edits);
  const undeclared = (role: TopLevelReference['role'][]) =>
    [...new Set(references.filter((reference) => role.includes(reference.role) && !declared.has(reference.name)).map((reference) => reference.name))];
  return {
    body,
    insertions,
    defines: [...declared.keys()],
    kinds: Object.fromEntries(declared),
    assigns: undeclared(['write']),
    reads: undeclared(['read', 'write']),
    scopeNames: undeclared(['read', 'write']).filter(viaEnvironment),
    imports,
    hasValue,
  };
}

function isRealmGlobal(name: string): boolean {
  return name in globalThis;
}

// Where a `var` belongs to a function rather than to the cell's top level.
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'StaticBlock']);

/**
 * Top-level `let`/`const`/`var` (a `var` anywhere outside functions) become assignments to
 * the environment: the keyword is blanked (`;` first where a statement may start with `(` or
 * `[`), an object pattern is parenthesised, a `let` without a value is reset to undefined,
 * and a `const` is made read-only once assigned. The names get their prefix as references.
 */
function declarationEdits(program: AcornNode): Edit[] {
  const edits: Edit[] = [];
  ancestor(program, {
    VariableDeclaration(visited, _state, ancestors) {
      const node = visited as EsNode;
      const parent = ancestors.at(-2) as EsNode | undefined;
      const insideFunction = ancestors.some((above) => FUNCTION_TYPES.has(above.type));
      if (node.kind === 'var' ? insideFunction : parent?.type !== 'Program') return;
      // A declaration is a statement of a list (Program, block, switch case) unless it heads a for loop.
      const inList = parent?.type === 'Program' || parent?.type === 'BlockStatement' || parent?.type === 'SwitchCase';
      const keyword = node.kind as string;
      edits.push({ start: node.start, end: node.start + keyword.length, text: (inList ? ';' : ' ').padEnd(keyword.length, ' ') });
      const forHead = (parent?.type === 'ForInStatement' || parent?.type === 'ForOfStatement') && parent.left === node;
      for (const declarator of node.declarations as EsNode[]) {
        if (declarator.id.type === 'ObjectPattern' && !forHead) {
          edits.push({ start: declarator.id.start, end: declarator.id.start, text: '(', rank: -0.2 });
          edits.push({ start: declarator.end, end: declarator.end, text: ')', rank: 0.05 });
        }
        if (!declarator.init && node.kind === 'let' && !forHead) edits.push({ start: declarator.id.end, end: declarator.id.end, text: ' = undefined', rank: 0.05 });
      }
      if (node.kind === 'const') {
        const names = (node.declarations as EsNode[]).flatMap((declarator) => patternNames(declarator.id));
        edits.push({ start: node.end, end: node.end, text: `;${MAKE_CONSTANT}(${names.map((name) => JSON.stringify(name)).join(',')});`, rank: 0.01 });
      }
    },
  });
  return edits;
}

/** `rank` orders insertions at one offset: closing texts have a positive rank, opening texts a negative one. */
interface Edit { start: number; end: number; text: string; rank?: number }

type EsNode = AcornNode & { [key: string]: any };
type AcornStatement = AcornNode & {
  id?: { name: string };
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

/**
 * `import * as tf from 'x'` → `;__nb$e.tf = (await __import("x"));__nb$c("tf");`, kept on as
 * many lines as the original: imported names are the environment's constants.
 */
function importToEnvironment(statement: AcornStatement, js: string): string {
  const call = `(await ${IMPORT_FUNCTION}(${JSON.stringify(String(statement.source!.value))}))`;
  const parts: string[] = [];
  const named: string[] = [];
  for (const specifier of statement.specifiers ?? []) {
    const target = `${ENVIRONMENT}.${specifier.local.name}`;
    if (specifier.type === 'ImportNamespaceSpecifier') parts.push(`${target} = ${call};`);
    else if (specifier.type === 'ImportDefaultSpecifier') parts.push(`${target} = ${call}.default;`);
    else named.push(`${JSON.stringify(specifier.imported?.name ?? String(specifier.imported?.value))}: ${target}`);
  }
  if (named.length > 0) parts.push(`({ ${named.join(', ')} } = ${call});`);
  const names = importedNames(statement);
  const text = parts.length === 0
    ? `${call};`
    : `;${parts.join(' ')}${MAKE_CONSTANT}(${names.map((name) => JSON.stringify(name)).join(',')});`;
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
