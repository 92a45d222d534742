/**
 * Name analysis over an ESTree program (as acorn produces it): which names a cell
 * declares at its top level, which it assigns, and which it reads without declaring.
 * Deliberately approximate about nested scopes: a name declared anywhere in the cell
 * is not reported as free, which errs on the side of silence.
 */
type EsNode = { type: string; [key: string]: unknown };

const isNode = (value: unknown): value is EsNode =>
  typeof value === 'object' && value !== null && typeof (value as EsNode).type === 'string';

/** Names bound by a top-level statement: `const {a, b: [c]} = …`, `function f`, `class C`. */
export function declaredNames(statement: unknown): string[] {
  if (!isNode(statement)) return [];
  switch (statement.type) {
    case 'VariableDeclaration':
      return (statement.declarations as EsNode[]).flatMap((declarator) => patternNames(declarator.id));
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      return isNode(statement.id) ? [String(statement.id.name)] : [];
    default:
      return [];
  }
}

/** Identifiers bound by a destructuring pattern. */
export function patternNames(pattern: unknown): string[] {
  if (!isNode(pattern)) return [];
  switch (pattern.type) {
    case 'Identifier': return [String(pattern.name)];
    case 'ObjectPattern': return (pattern.properties as EsNode[]).flatMap((property) =>
      property.type === 'RestElement' ? patternNames(property.argument) : patternNames(property.value));
    case 'ArrayPattern': return (pattern.elements as unknown[]).flatMap(patternNames);
    case 'RestElement': return patternNames(pattern.argument);
    case 'AssignmentPattern': return patternNames(pattern.left);
    default: return []; // member expressions in assignment targets bind nothing
  }
}

/** Names that are assigned (`x = …`, `x++`, `for (x of …)`) anywhere in the program. */
export function collectAssignedNames(program: unknown): string[] {
  const assigned = new Set<string>();
  walk(program, (node) => {
    if (node.type === 'AssignmentExpression') patternNames(node.left).forEach((name) => assigned.add(name));
    else if (node.type === 'UpdateExpression' && isNode(node.argument) && node.argument.type === 'Identifier') assigned.add(String(node.argument.name));
    else if ((node.type === 'ForOfStatement' || node.type === 'ForInStatement') && isNode(node.left) && node.left.type !== 'VariableDeclaration') {
      patternNames(node.left).forEach((name) => assigned.add(name));
    }
  });
  const declared = declaredAnywhere(program);
  return [...assigned].filter((name) => !declared.has(name));
}

/** Identifiers read but declared nowhere in the program, in order of first use. */
export function collectFreeNames(program: unknown): string[] {
  const declared = declaredAnywhere(program);
  const free = new Set<string>();
  walk(program, (node, parent, key) => {
    if (node.type !== 'Identifier' || !isReference(parent, key)) return;
    const name = String(node.name);
    if (!declared.has(name)) free.add(name);
  });
  return [...free];
}

function declaredAnywhere(program: unknown): Set<string> {
  const declared = new Set<string>(['arguments']);
  walk(program, (node) => {
    switch (node.type) {
      case 'VariableDeclarator': patternNames(node.id).forEach((name) => declared.add(name)); break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (isNode(node.id)) declared.add(String(node.id.name));
        (node.params as unknown[]).flatMap(patternNames).forEach((name) => declared.add(name));
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
        if (isNode(node.id)) declared.add(String(node.id.name));
        break;
      case 'CatchClause': patternNames(node.param).forEach((name) => declared.add(name)); break;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        declared.add(String((node.local as EsNode).name));
        break;
    }
  });
  return declared;
}

/** Whether an Identifier at parent[key] is a use of a variable (not a property name, label or binding). */
function isReference(parent: EsNode | undefined, key: string | undefined): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression': return key !== 'property' || parent.computed === true;
    case 'Property': return parent.computed === true || key === 'value';
    case 'MethodDefinition':
    case 'PropertyDefinition': return key !== 'key' || parent.computed === true;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement': return false;
    case 'MetaProperty': return false;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier': return false;
    default: return true;
  }
}

function walk(root: unknown, visit: (node: EsNode, parent: EsNode | undefined, key: string | undefined) => void): void {
  const stack: { node: EsNode; parent?: EsNode; key?: string }[] = [];
  if (isNode(root)) stack.push({ node: root });
  while (stack.length > 0) {
    const { node, parent, key } = stack.pop()!;
    visit(node, parent, key);
    for (const [childKey, child] of Object.entries(node)) {
      if (childKey === 'type' || childKey === 'start' || childKey === 'end' || childKey === 'loc') continue;
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push({ node: child[i], parent: node, key: childKey });
      } else if (isNode(child)) stack.push({ node: child, parent: node, key: childKey });
    }
  }
}
