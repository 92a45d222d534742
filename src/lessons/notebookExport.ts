/**
 * A lesson as a Jupyter notebook, made at build time from its prose file's Markdown tree and its cell files
 * (not from the rendered page): the prose between cells as Markdown cells, each `<Cell id>` as a TypeScript
 * code cell with its file's code. The page serves it beside the lesson (notebook.ipynb); "Export .ipynb" puts
 * the reader's edits into it (src/notebook/ipynb.ts).
 */
import type { Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import type { LessonCell } from './cells';
import { cellReferenceId, parseProse, type ProseNode } from './prose';
import { notebookFromBlocks, type JupyterNotebook, type LessonBlock } from '../notebook/ipynb';
import type { Lang } from '../i18n';

export interface LessonNotebookOptions {
  /** The prose file's text (en.mdx or zh.mdx) and path (for error messages). */
  prose: string;
  path: string;
  cells: LessonCell[];
  lang: Lang;
  lesson: string;
  title: string;
  /** A line under the title (the part of the article the lesson mirrors). */
  subtitle?: string;
  /**
   * The lesson page's address: absolute when the site's origin is known (COURSE_SITE), else its path
   * ("/course/lessons/01-baseline/"). Relative links in the prose are resolved against it.
   */
  pageUrl: string;
  exportedAt?: Date;
}

export function lessonNotebook(options: LessonNotebookOptions): JupyterNotebook {
  const header: LessonBlock = { kind: 'markdown', text: `# ${options.title}${options.subtitle ? `\n\n*${options.subtitle}*` : ''}` };
  const blocks = [header, ...proseBlocks(parseProse(options.prose), options)];
  return notebookFromBlocks(blocks, { title: options.title, lesson: options.lesson, url: options.pageUrl, lang: options.lang, exportedAt: options.exportedAt });
}

/** The prose's top-level blocks in order: Markdown, and each placed cell as code. Imports and other components are page-only. */
function proseBlocks(tree: Root, { cells, path, pageUrl }: LessonNotebookOptions): LessonBlock[] {
  resolveLinks(tree, pageUrl);
  const blocks: LessonBlock[] = [];
  for (const node of tree.children) {
    const id = cellReferenceId(node as ProseNode, path);
    if (id !== undefined) {
      const cell = cells.find((candidate) => candidate.id === id);
      if (!cell) throw new Error(`${path}: <Cell id="${id}" /> names no cell`);
      blocks.push({ kind: 'code', source: cell.source, id: cell.id });
    } else if (!PAGE_ONLY.has(node.type)) {
      const text = markdown(node).trim();
      if (text) blocks.push({ kind: 'markdown', text });
    }
  }
  return blocks;
}

/** MDX nodes with no Markdown equivalent: imports/exports, {expressions}, components other than <Cell>. */
const PAGE_ONLY = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'yaml']);

const stringifier = unified().use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' }).use(remarkGfm).use(remarkMdx);

function markdown(node: RootContent): string {
  return stringifier.stringify({ type: 'root', children: [node] } as Root);
}

/** A link relative to the page ("../../data/") becomes the address it points to from the page. */
function resolveLinks(tree: Root, pageUrl: string): void {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(pageUrl);
  const page = new URL(pageUrl, 'https://site.invalid');
  const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && node.url && !node.url.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
      const target = new URL(node.url, page);
      node.url = absolute ? target.href : `${target.pathname}${target.search}${target.hash}`;
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree);
}
