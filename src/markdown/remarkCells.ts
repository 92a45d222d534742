import type { Root, Code } from 'mdast';
import type { Element, ElementContent } from 'hast';
import { createHighlighter, type Highlighter } from 'shiki';
import { lessonFileLang, notebookText, type NotebookText } from '../notebook/notebookText';

/**
 * Turns fenced ```ts cell blocks of a lesson into notebook cells: highlighted with Shiki
 * at build time (so the code reads well before any script loads), with a toolbar and an
 * output area the page script brings to life. `id=name` in the fence names the cell.
 * The toolbar speaks the lesson's language (a file under content/lessons-zh/ gets Chinese buttons).
 */
export function remarkCells() {
  return async (tree: Root, file?: { path?: string }) => {
    const cells = findCells(tree);
    if (cells.length === 0) return;
    const highlighter = await sharedHighlighter();
    const t = notebookText[lessonFileLang(file?.path)];
    cells.forEach((node, index) => {
      const number = index + 1;
      const id = /\bid=([\w-]+)/.exec(node.meta ?? '')?.[1] ?? String(number);
      node.data = { ...node.data, hName: 'section', hProperties: cellProperties(t, id, number), hChildren: cellChildren(t, highlighter, node.value, number) };
    });
  };
}

/** The language class cells carry; astro.config.mjs excludes it from Astro's own highlighting. */
export const CELL_LANGUAGE = 'ts-cell';

export function isCellFence(node: { lang?: string | null; meta?: string | null }): boolean {
  return (node.lang === 'ts' || node.lang === 'typescript') && /(^|\s)cell(\s|$)/.test(node.meta ?? '');
}

function findCells(tree: Root): Code[] {
  const found: Code[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code' && isCellFence(node as Code)) found.push(node as Code);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
  return found;
}

let highlighterPromise: Promise<Highlighter> | undefined;
function sharedHighlighter(): Promise<Highlighter> {
  highlighterPromise ??= createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['typescript'] });
  return highlighterPromise;
}

function cellProperties(t: NotebookText, id: string, number: number): Element['properties'] {
  return { className: ['cell'], 'data-cell': id, 'data-cell-number': String(number), 'data-cell-state': 'idle', 'aria-label': t.cellLabel(number) };
}

function cellChildren(t: NotebookText, highlighter: Highlighter, code: string, number: number): ElementContent[] {
  const highlighted = highlighter.codeToHast(code, {
    lang: 'typescript',
    themes: { light: 'github-light', dark: 'github-dark' },
  });
  const pre = highlighted.children[0] as Element;
  pre.properties = { ...pre.properties, tabIndex: 0, 'aria-label': t.codeLabel(number) };
  // Marks the code as already highlighted, so Astro's own Shiki pass (excludeLangs) leaves it alone.
  const codeElement = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (codeElement) codeElement.properties = { ...codeElement.properties, className: [`language-${CELL_LANGUAGE}`] };
  const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
  const text = (value: string) => ({ type: 'text' as const, value });
  return [
    element('div', { className: ['cell-toolbar'] }, [
      element('span', { className: ['cell-label'], 'aria-hidden': 'true' }, [text(`[${number}]`)]),
      element('button', { type: 'button', className: ['cell-run'], 'data-cell-run': '' }, [text(t.run)]),
      element('button', { type: 'button', className: ['cell-stop'], 'data-cell-stop': '', hidden: true }, [text(t.stop)]),
      element('span', { className: ['cell-status'], role: 'status' }),
      element('button', { type: 'button', className: ['cell-reset'], 'data-cell-reset': '', hidden: true, title: t.resetTitle }, [text(t.reset)]),
    ]),
    element('div', { className: ['cell-code'], 'data-cell-code': '' }, [pre]),
    // What cells print is English in every course language (the code is shared): marked so, a screen reader
    // on a translated page reads it as English.
    element('div', { className: ['cell-output'], 'data-cell-output': '', 'aria-live': 'polite', lang: 'en' }),
  ];
}
