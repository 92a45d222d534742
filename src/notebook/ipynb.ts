/**
 * A lesson as a Jupyter notebook (nbformat 4.5): the prose as Markdown cells, the code
 * cells (with the reader's edits) as code cells of a TypeScript kernel.
 *
 * The kernelspec is tslab's (`npm install -g tslab && tslab install`), the Jupyter kernel
 * for TypeScript with top-level await, so the file opens as TypeScript in JupyterLab,
 * VS Code and nbviewer. The lesson library the cells call (display, loadDataset, fit, …)
 * exists only on the course page; the first cell of the export says so.
 *
 * Pure: works on any DOM (the page's, or jsdom's in tests) and returns plain JSON.
 */

export type LessonBlock =
  | { kind: 'markdown'; text: string }
  | { kind: 'code'; source: string; id?: string };

export interface NotebookCell {
  id: string;
  cell_type: 'markdown' | 'code';
  metadata: Record<string, unknown>;
  source: string[];
  execution_count?: null;
  outputs?: unknown[];
}

export interface JupyterNotebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown>;
  cells: NotebookCell[];
}

export const KERNELSPEC = { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } as const;

export interface NotebookInfo {
  /** The lesson's title. */
  title: string;
  /** Where the lesson lives (its page address). */
  url: string;
  /** The lesson's id (e.g. "01-baseline"). */
  lesson: string;
  exportedAt?: Date;
}

/** The notebook for a lesson's blocks; adjacent Markdown blocks become one cell. */
export function notebookFromBlocks(blocks: LessonBlock[], info: NotebookInfo): JupyterNotebook {
  const cells: NotebookCell[] = [];
  const ids = new Set<string>();
  const uniqueId = (wanted: string) => {
    const base = wanted.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'cell';
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const exported = (info.exportedAt ?? new Date()).toISOString().slice(0, 10);
  cells.push({
    id: uniqueId('about'),
    cell_type: 'markdown',
    metadata: {},
    source: toLines(
      `*Exported from [${info.title}](${info.url}) on ${exported}, with your edits.* ` +
      'The code cells are TypeScript (kernel: tslab). They use the course\'s lesson library — `display`, `loadDataset`, ' +
      '`trainTestSplit`, `fit`, `evaluate`, `plotHistory`, `showImages` — which exists only on the course page, so run them there.',
    ),
  });
  let prose: string[] = [];
  let markdownNumber = 0;
  const flush = () => {
    const text = prose.join('\n\n').trim();
    prose = [];
    if (text) cells.push({ id: uniqueId(`md-${++markdownNumber}`), cell_type: 'markdown', metadata: {}, source: toLines(text) });
  };
  for (const block of blocks) {
    if (block.kind === 'markdown') {
      prose.push(block.text);
      continue;
    }
    flush();
    cells.push({
      id: uniqueId(block.id ? `cell-${block.id}` : `cell-${cells.length}`),
      cell_type: 'code',
      metadata: {},
      source: toLines(block.source),
      execution_count: null,
      outputs: [],
    });
  }
  flush();
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { ...KERNELSPEC },
      language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript', codemirror_mode: { name: 'javascript', typescript: true } },
      course: { lesson: info.lesson, url: info.url, exported },
    },
    cells,
  };
}

/** nbformat's multi-line strings: a list of lines, each but the last ending in "\n". */
function toLines(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized === '') return [];
  const lines = normalized.split('\n');
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

// ---- from the page -------------------------------------------------------------------

/** Elements of a lesson page that are page furniture, not lesson prose. */
const SKIPPED = 'nav, script, style, button, template, .notebook-bar, .notice, [data-ipynb-skip], [data-pagefind-ignore]';

/**
 * The blocks of a lesson page: its prose in document order, and each `[data-cell]` as code
 * with the source `sourceOf` gives (the reader's current code).
 */
export function lessonBlocks(root: Element, sourceOf: (cell: Element) => string, baseUrl: string): LessonBlock[] {
  const blocks: LessonBlock[] = [];
  const visit = (element: Element) => {
    for (const child of Array.from(element.children)) {
      if (child.matches(SKIPPED)) continue;
      if (child.matches('[data-cell]')) {
        blocks.push({ kind: 'code', source: sourceOf(child), id: child.getAttribute('data-cell') ?? undefined });
      } else if (child.querySelector('[data-cell]')) {
        visit(child);
      } else {
        const text = blockMarkdown(child, baseUrl).trim();
        if (text) blocks.push({ kind: 'markdown', text });
      }
    }
  };
  visit(root);
  return blocks;
}

/** Simple HTML → Markdown: headings, paragraphs, lists, code, quotes, tables, links, emphasis. */
export function htmlToMarkdown(element: Element, baseUrl: string): string {
  return blockMarkdown(element, baseUrl).trim();
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function blockMarkdown(element: Element, baseUrl: string): string {
  const tag = element.tagName.toLowerCase();
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return `${'#'.repeat(Number(heading[1]))} ${inlineMarkdown(element, baseUrl).trim()}`;
  switch (tag) {
    case 'p':
      return inlineMarkdown(element, baseUrl).trim();
    case 'ul':
    case 'ol':
      return listMarkdown(element, baseUrl, tag === 'ol');
    case 'pre': {
      const language = /language-([\w-]+)/.exec(element.querySelector('code')?.className ?? '')?.[1] ?? '';
      const code = (element.textContent ?? '').replace(/\n$/, '');
      const fence = code.includes('```') ? '~~~~' : '```';
      return `${fence}${language}\n${code}\n${fence}`;
    }
    case 'blockquote':
      return childBlocks(element, baseUrl).split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
    case 'hr':
      return '---';
    case 'table':
      return tableMarkdown(element, baseUrl);
    case 'img':
      return imageMarkdown(element, baseUrl);
    default: {
      // Containers (div, section, figure, details…): their block children, or their text.
      const hasBlockChildren = Array.from(element.children).some((child) => BLOCK_TAGS.has(child.tagName.toLowerCase()));
      return hasBlockChildren ? childBlocks(element, baseUrl) : inlineMarkdown(element, baseUrl).trim();
    }
  }
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'pre', 'blockquote', 'hr', 'table', 'div', 'section', 'figure', 'details', 'aside', 'dl']);

function childBlocks(element: Element, baseUrl: string): string {
  const parts: string[] = [];
  let inline = '';
  const flushInline = () => {
    if (inline.trim()) parts.push(inline.trim());
    inline = '';
  };
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === ELEMENT_NODE) {
      const child = node as Element;
      if (child.matches(SKIPPED)) continue;
      if (BLOCK_TAGS.has(child.tagName.toLowerCase())) {
        flushInline();
        const text = blockMarkdown(child, baseUrl).trim();
        if (text) parts.push(text);
        continue;
      }
    }
    inline += inlineNode(node, baseUrl);
  }
  flushInline();
  return parts.join('\n\n');
}

function listMarkdown(list: Element, baseUrl: string, ordered: boolean): string {
  const items = Array.from(list.children).filter((child) => child.tagName.toLowerCase() === 'li');
  return items.map((item, index) => {
    const marker = ordered ? `${index + 1}. ` : '- ';
    const body = childBlocks(item, baseUrl).replace(/\n\n+/g, '\n');
    return marker + body.split('\n').join(`\n${' '.repeat(marker.length)}`);
  }).join('\n');
}

function tableMarkdown(table: Element, baseUrl: string): string {
  const rows = Array.from(table.querySelectorAll('tr')).map((row) =>
    Array.from(row.children).map((cell) => inlineMarkdown(cell, baseUrl).trim().replace(/\|/g, '\\|')));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((row) => row.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
}

function imageMarkdown(image: Element, baseUrl: string): string {
  const src = image.getAttribute('src');
  return src ? `![${image.getAttribute('alt') ?? ''}](${absolute(src, baseUrl)})` : '';
}

function inlineMarkdown(element: Element, baseUrl: string): string {
  return Array.from(element.childNodes).map((node) => inlineNode(node, baseUrl)).join('').replace(/[ \t]*\n[ \t]*/g, '\n');
}

function inlineNode(node: Node, baseUrl: string): string {
  if (node.nodeType === TEXT_NODE) return escapeMarkdown((node.textContent ?? '').replace(/\s+/g, ' '));
  if (node.nodeType !== ELEMENT_NODE) return '';
  const element = node as Element;
  if (element.matches(SKIPPED)) return '';
  const inner = () => inlineMarkdown(element, baseUrl);
  switch (element.tagName.toLowerCase()) {
    case 'strong':
    case 'b':
      return wrap('**', inner());
    case 'em':
    case 'i':
      return wrap('*', inner());
    case 'code': {
      const code = element.textContent ?? '';
      const ticks = code.includes('`') ? '``' : '`';
      return `${ticks}${ticks.length > 1 ? ' ' : ''}${code}${ticks.length > 1 ? ' ' : ''}${ticks}`;
    }
    case 'kbd':
      return `<kbd>${escapeHtml(element.textContent ?? '')}</kbd>`;
    case 'a': {
      const href = element.getAttribute('href');
      const text = inner().trim();
      return href ? `[${text}](${absolute(href, baseUrl)})` : text;
    }
    case 'br':
      return '  \n';
    case 'img':
      return imageMarkdown(element, baseUrl);
    default:
      return inner();
  }
}

/** Emphasis markers hug the text (Markdown ignores `** x**`). */
function wrap(marker: string, text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : text;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<])/g, '\\$1');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function absolute(href: string, baseUrl: string): string {
  if (href.startsWith('#')) return href;
  try {
    return new URL(href, baseUrl).href;
  } catch {
    return href;
  }
}
