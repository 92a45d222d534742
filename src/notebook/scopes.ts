import { base, recursive, type RecursiveVisitors } from 'acorn-walk';
import type { Node as AcornNode } from 'acorn';

/**
 * Which identifiers of a cell name the notebook's shared scope. A cell's top level is the
 * notebook's one environment: what it declares there, and every name it uses that no
 * enclosing function or block declares, resolve to that environment (see transpile.ts).
 * Locals (parameters, block-scoped declarations, catch parameters, class and function
 * expression names) shadow it, following ECMAScript's scoping rules in strict mode.
 */
export type TopLevelKind = 'let' | 'const' | 'var' | 'function' | 'class' | 'import';

export interface TopLevelReference {
  name: string;
  /** Offsets in the cell's JavaScript. */
  start: number;
  end: number;
  /** `declare`: the binding identifier of a top-level declaration; `write`: an assignment target. */
  role: 'read' | 'write' | 'declare';
  /** A shorthand property (`{ x }`, `{ x } = o`): rewriting it must keep the property's key. */
  shorthand: boolean;
  /** The operand of `typeof`, which must not throw for a name nothing defines. */
  typeofOperand?: boolean;
}

export interface CellBindings {
  /** Names the cell declares at its top level, in source order, with how (`var` hoisted out of blocks included). */
  declared: Map<string, TopLevelKind>;
  /** Every occurrence of a name that resolves to the top level, declared there or not at all. */
  references: TopLevelReference[];
}

type EsNode = AcornNode & { [key: string]: any };

interface Scope {
  names: Set<string>;
  parent?: Scope;
}

/** acorn-walk's callback; its typings omit the third argument (the node type to walk the node as). */
type Walk = (node: EsNode, state: State, override?: string) => void;
type Visitor = (node: EsNode, state: State, c: Walk) => void;

interface State {
  scope: Scope;
  /** How an Identifier reached through a pattern is used. */
  role: 'read' | 'write' | 'bind';
  shorthand: boolean;
}

/** Analyses an acorn Program (ESTree) of a cell. */
export function analyzeBindings(program: AcornNode): CellBindings {
  const declared = new Map<string, TopLevelKind>();
  const references: TopLevelReference[] = [];
  const top: Scope = { names: new Set() };

  for (const statement of (program as EsNode).body as EsNode[]) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers as EsNode[]) declared.set(specifier.local.name, 'import');
    }
  }
  collectLexical((program as EsNode).body, (name, kind) => declared.set(name, kind));
  collectVars(program, (name) => { if (!declared.has(name)) declared.set(name, 'var'); });
  for (const name of declared.keys()) top.names.add(name);

  const resolvesToTop = (name: string, scope: Scope): boolean => {
    for (let s: Scope | undefined = scope; s && s !== top; s = s.parent) if (s.names.has(name)) return false;
    return true;
  };
  const record = (node: EsNode, state: State, role: TopLevelReference['role']) => {
    if (resolvesToTop(node.name, state.scope)) references.push({ name: node.name, start: node.start, end: node.end, role, shorthand: state.shorthand });
  };
  const child = (state: State, scope: Scope = state.scope): State => ({ scope, role: 'read', shorthand: false });
  const pattern = (state: State, role: State['role']): State => ({ scope: state.scope, role, shorthand: false });

  // A function's own scope: parameters, `arguments`, its hoisted vars and the lexical names of its body.
  const enterFunction: Visitor = (node, state, c) => {
    let outer = state.scope;
    if (node.type === 'FunctionExpression' && node.id) outer = { names: new Set([node.id.name]), parent: outer };
    const scope: Scope = { names: new Set(node.type === 'ArrowFunctionExpression' ? [] : ['arguments']), parent: outer };
    for (const param of node.params as EsNode[]) for (const name of patternNames(param)) scope.names.add(name);
    if (node.body.type === 'BlockStatement') {
      collectVars(node.body, (name) => scope.names.add(name));
      collectLexical(node.body.body, (name) => scope.names.add(name));
    }
    const inner = child(state, scope);
    for (const param of node.params as EsNode[]) c(param, pattern(inner, 'bind'), 'Pattern');
    if (node.body.type === 'BlockStatement') for (const statement of node.body.body) c(statement, inner, 'Statement');
    else c(node.body, inner, 'Expression');
  };

  const visitors: Record<string, Visitor> = {
    Program(node, state, c) {
      for (const statement of node.body) c(statement, child(state), 'Statement');
    },
    BlockStatement(node, state, c) {
      const scope: Scope = { names: new Set(), parent: state.scope };
      collectLexical(node.body, (name) => scope.names.add(name));
      for (const statement of node.body) c(statement, child(state, scope), 'Statement');
    },
    StaticBlock(node, state, c) {
      const scope: Scope = { names: new Set(), parent: state.scope };
      collectVars(node, (name) => scope.names.add(name));
      collectLexical(node.body, (name) => scope.names.add(name));
      for (const statement of node.body) c(statement, child(state, scope), 'Statement');
    },
    SwitchStatement(node, state, c) {
      const n = node;
      c(n.discriminant, child(state), 'Expression');
      const scope: Scope = { names: new Set(), parent: state.scope };
      for (const cs of n.cases as EsNode[]) collectLexical(cs.consequent, (name) => scope.names.add(name));
      for (const cs of n.cases as EsNode[]) {
        if (cs.test) c(cs.test, child(state, scope), 'Expression');
        for (const statement of cs.consequent) c(statement, child(state, scope), 'Statement');
      }
    },
    ForStatement(node, state, c) {
      const n = node;
      const inner = child(state, loopScope(n.init, state.scope));
      if (n.init) c(n.init, inner, 'ForInit');
      if (n.test) c(n.test, inner, 'Expression');
      if (n.update) c(n.update, inner, 'Expression');
      c(n.body, inner, 'Statement');
    },
    ForInStatement: forInOf,
    ForOfStatement: forInOf,
    CatchClause(node, state, c) {
      const n = node;
      const scope: Scope = { names: new Set(n.param ? patternNames(n.param) : []), parent: state.scope };
      if (n.param) c(n.param, pattern(child(state, scope), 'bind'), 'Pattern');
      c(n.body, child(state, scope), 'Statement');
    },
    Function: enterFunction,
    Class(node, state, c) {
      const n = node;
      if (n.superClass) c(n.superClass, child(state), 'Expression');
      // Inside its body a class sees its own name (an immutable inner binding).
      const scope: Scope = n.id ? { names: new Set([n.id.name]), parent: state.scope } : state.scope;
      c(n.body, child(state, scope));
    },
    VariableDeclarator(node, state, c) {
      const n = node;
      c(n.id, pattern(state, 'bind'), 'Pattern');
      if (n.init) c(n.init, child(state), 'Expression');
    },
    VariablePattern(node, state) {
      record(node, state, state.role === 'bind' ? 'declare' : 'write');
    },
    Identifier(node, state) {
      record(node, state, 'read');
    },
    AssignmentExpression(node, state, c) {
      const n = node;
      c(n.left, pattern(state, 'write'), 'Pattern');
      c(n.right, child(state), 'Expression');
    },
    AssignmentPattern(node, state, c) {
      const n = node;
      c(n.left, state, 'Pattern');
      c(n.right, child(state), 'Expression');
    },
    UpdateExpression(node, state, c) {
      c(node.argument, pattern(state, 'write'), 'Pattern');
    },
    ObjectPattern(node, state, c) {
      for (const property of node.properties as EsNode[]) {
        if (property.type === 'RestElement') {
          c(property.argument, { ...state, shorthand: false }, 'Pattern');
          continue;
        }
        if (property.computed) c(property.key, child(state), 'Expression');
        c(property.value, { ...state, shorthand: property.shorthand === true }, 'Pattern');
      }
    },
    ArrayPattern(node, state, c) {
      for (const element of node.elements as Array<EsNode | null>) if (element) c(element, { ...state, shorthand: false }, 'Pattern');
    },
    UnaryExpression(node, state, c) {
      const n = node;
      if (n.operator === 'typeof' && n.argument.type === 'Identifier') {
        const count = references.length;
        c(n.argument, child(state), 'Expression');
        if (references.length > count) references[count]!.typeofOperand = true;
      } else c(n.argument, child(state), 'Expression');
    },
    Property(node, state, c) {
      const n = node;
      if (n.computed) c(n.key, child(state), 'Expression');
      if (n.value) c(n.value, { ...child(state), shorthand: n.shorthand === true }, 'Expression');
    },
    // Imports are rewritten whole by the transform; their specifiers are declarations, not uses.
    ImportDeclaration() {},
  };

  function forInOf(n: EsNode, state: State, c: Walk) {
    const inner = child(state, loopScope(n.left, state.scope));
    if (n.left.type === 'VariableDeclaration') c(n.left, inner);
    else c(n.left, pattern(inner, 'write'), 'Pattern');
    c(n.right, inner, 'Expression');
    c(n.body, inner, 'Statement');
  }

  recursive(program, { scope: top, role: 'read', shorthand: false }, visitors as unknown as RecursiveVisitors<State>, base);
  return { declared, references };
}

/** The scope of a `for` head that declares with let/const (a var belongs to the enclosing function). */
function loopScope(head: EsNode | null | undefined, parent: Scope): Scope {
  const names = new Set<string>();
  if (head?.type === 'VariableDeclaration' && head.kind !== 'var') {
    for (const declarator of head.declarations as EsNode[]) for (const name of patternNames(declarator.id)) names.add(name);
  }
  return { names, parent };
}

/** let/const/class/function declared directly in a statement list (functions are block-scoped in strict code). */
function collectLexical(statements: EsNode[], add: (name: string, kind: TopLevelKind) => void): void {
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') {
      for (const declarator of statement.declarations as EsNode[]) for (const name of patternNames(declarator.id)) add(name, statement.kind);
    } else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) {
      add(statement.id.name, statement.type === 'FunctionDeclaration' ? 'function' : 'class');
    }
  }
}

/** Every `var` of a function body (or the program), not crossing into nested functions. */
function collectVars(root: AcornNode, add: (name: string) => void): void {
  const skip = () => {};
  recursive<null>(root, null, {
    // Nested functions, static blocks and class bodies have vars of their own.
    Function: skip,
    ClassBody: skip,
    StaticBlock: (node, state, c) => { if (node === root) base.StaticBlock!(node, state, c); },
    VariableDeclaration(node, state, c) {
      const n = node as EsNode;
      if (n.kind === 'var') for (const declarator of n.declarations as EsNode[]) patternNames(declarator.id).forEach(add);
      base.VariableDeclaration!(node, state, c);
    },
  });
}

/** Identifiers bound by a binding pattern: `x`, `{ a, b: [c], ...rest }`, `[d = 1]`. */
export function patternNames(pattern: EsNode | null | undefined): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier': return [pattern.name];
    case 'ObjectPattern': return (pattern.properties as EsNode[]).flatMap((property) =>
      patternNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern': return (pattern.elements as Array<EsNode | null>).flatMap(patternNames);
    case 'RestElement': return patternNames(pattern.argument);
    case 'AssignmentPattern': return patternNames(pattern.left);
    default: return [];
  }
}
