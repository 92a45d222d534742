/**
 * Reading a lesson's prose file (en.mdx, zh.mdx) as the build does: its frontmatter, its Markdown tree
 * (MDX + GitHub tables), and where it places its cells (`<Cell id="model" />`).
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';

/** The JSX element that places a cell in the prose. */
const CELL_ELEMENT = 'Cell';

export interface CellReference {
  id: string;
  /** 1-based line in the prose file. */
  line: number;
}

/** A node of the Markdown tree as far as finding cells needs. */
export interface ProseNode {
  type: string;
  name?: string | null;
  meta?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  children?: ProseNode[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/;

/** The frontmatter block's text (without the --- lines), or '' when there is none. */
export function frontmatterText(text: string): string {
  return FRONTMATTER.exec(text)?.[1] ?? '';
}

/** The frontmatter's keys, in order. */
export function frontmatterKeys(text: string): string[] {
  return frontmatterText(text).split('\n').map((line) => /^([A-Za-z_][\w-]*):/.exec(line)?.[1]).filter((key): key is string => key !== undefined);
}

/** The Markdown tree of a prose file; the frontmatter is blanked, so line numbers are the file's. */
export function parseProse(text: string): Root {
  const body = text.replace(FRONTMATTER, (block) => block.replace(/[^\n]/g, ''));
  return unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(body) as Root;
}

/** The JSX element that places an exercise (its starter cell, its buttons) in the prose. */
const EXERCISE_ELEMENT = 'Exercise';

/** The id of a `<Cell id="…" />` node, or undefined for any other node. Throws on a malformed one. */
export function cellReferenceId(node: ProseNode, path?: string): string | undefined {
  return elementId(node, CELL_ELEMENT, path, 'e.g. <Cell id="model" /> for cells/NN-model.ts');
}

/** The id of an `<Exercise id="…" />` node, or undefined for any other node. Throws on a malformed one. */
function exerciseReferenceId(node: ProseNode, path?: string): string | undefined {
  return elementId(node, EXERCISE_ELEMENT, path, 'e.g. <Exercise id="small-model" /> for exercises/small-model/');
}

function elementId(node: ProseNode, element: string, path: string | undefined, example: string): string | undefined {
  if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== element) return undefined;
  const where = `${path ?? 'lesson'}:${node.position?.start.line ?? '?'}`;
  if (node.type === 'mdxJsxTextElement') throw new Error(`${where}: <${element} /> must stand on a line of its own, with blank lines around it`);
  const id = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
  if (typeof id !== 'string' || id === '') throw new Error(`${where}: <${element} /> needs an id, ${example}`);
  return id;
}

/** Every `<Exercise />` node of a tree, in document order. */
export function exerciseReferenceNodes(tree: Root, path?: string): Array<{ node: ProseNode; id: string }> {
  const found: Array<{ node: ProseNode; id: string }> = [];
  const visit = (node: ProseNode) => {
    const id = exerciseReferenceId(node, path);
    if (id !== undefined) found.push({ node, id });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as ProseNode);
  return found;
}

/** Where a prose text places its exercises, in order. */
export function exerciseReferences(text: string, path?: string): CellReference[] {
  return exerciseReferenceNodes(parseProse(text), path).map(({ node, id }) => ({ id, line: node.position?.start.line ?? 0 }));
}

/**
 * Every `<Cell />` node of a tree, in document order. Throws, naming the line, on a fenced ```ts cell block
 * (cells are files now) or a malformed reference.
 */
export function cellReferenceNodes(tree: Root, path?: string): Array<{ node: ProseNode; id: string }> {
  const found: Array<{ node: ProseNode; id: string }> = [];
  const visit = (node: ProseNode) => {
    if (node.type === 'code' && /(^|\s)cell(\s|$)/.test(node.meta ?? '')) {
      throw new Error(`${path ?? 'lesson'}:${node.position?.start.line}: a cell's code lives in the lesson's cells/ folder as NN-id.ts; move this fenced code there and write <Cell id="…" /> in its place`);
    }
    const id = cellReferenceId(node, path);
    if (id !== undefined) found.push({ node, id });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as ProseNode);
  return found;
}

/** Where a prose text places its cells, in order. */
export function cellReferences(text: string, path?: string): CellReference[] {
  return cellReferenceNodes(parseProse(text), path).map(({ node, id }) => ({ id, line: node.position?.start.line ?? 0 }));
}
