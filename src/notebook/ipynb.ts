/**
 * A lesson as a Jupyter notebook (nbformat 4.5): the prose as Markdown cells, the code
 * cells (with the reader's edits) as code cells of a TypeScript kernel.
 *
 * The build makes each lesson's notebook from its Markdown tree (src/lessons/notebookExport.ts)
 * and serves it beside the page; "Export .ipynb" puts the reader's edits into it
 * ({@link withReaderEdits}). The kernelspec is tslab's (`npm install -g tslab && tslab install`),
 * the Jupyter kernel for TypeScript with top-level await, so the file opens as TypeScript in
 * JupyterLab, VS Code and nbviewer. The lesson library the cells call (display, loadDataset,
 * fit, …) exists only on the course page; the first cell says so.
 *
 * Pure: plain JSON in, plain JSON out.
 */
import type { Lang } from '../i18n';
import { notebookText } from '../i18n/notebook';

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

const KERNELSPEC = { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } as const;

export interface NotebookInfo {
  /** The lesson's title. */
  title: string;
  /** Where the lesson lives (its page address). */
  url: string;
  /** The lesson's id (e.g. "01-baseline"). */
  lesson: string;
  /** The language of the prose (and of the first cell's note). */
  lang?: Lang;
  exportedAt?: Date;
  /** Whether the code is the reader's (an export) rather than the lesson's own (the build's copy). */
  edited?: boolean;
}

/** The first cell's id: where the notebook came from, and that the lesson library lives on the course page. */
const ABOUT_ID = 'about';

/** The notebook for a lesson's blocks; adjacent Markdown blocks become one cell. */
export function notebookFromBlocks(blocks: LessonBlock[], info: NotebookInfo): JupyterNotebook {
  const cells: NotebookCell[] = [];
  const ids = new Set<string>();
  const uniqueId = (wanted: string) => uniqueCellId(wanted, ids);
  // The build's copy carries no date, so an unchanged lesson builds to the same file (the offline copy stays valid).
  const exported = info.exportedAt?.toISOString().slice(0, 10);
  cells.push(aboutCell(info, exported));
  ids.add(ABOUT_ID);
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
      // The lesson's cell id, so an export can put the reader's edit of that cell in its place.
      metadata: block.id ? { course: { cell: block.id } } : {},
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
      course: { lesson: info.lesson, title: info.title, url: info.url, lang: info.lang ?? 'en', ...(exported ? { exported } : {}) },
    },
    cells,
  };
}

function aboutCell(info: NotebookInfo, date: string | undefined): NotebookCell {
  const text = notebookText[info.lang ?? 'en'].exportAbout({ title: info.title, url: info.url, date, edited: info.edited ?? false });
  return { id: ABOUT_ID, cell_type: 'markdown', metadata: {}, source: toLines(text) };
}

export interface ReaderExport {
  /** The reader's current code of each cell, by the lesson's cell id. */
  sources: Record<string, string>;
  /** The reader's scratch cells in page order, each after the lesson cell `after` (src/client/scratchLayout.ts). */
  scratch?: { id: string; after: string; source: string }[];
  /** The page's address, and its origin for links the build wrote as paths ("/course/data/"). */
  url: string;
  origin: string;
  exportedAt?: Date;
}

/**
 * The lesson's notebook as the build made it, with the reader's code in place of each cell's and the first
 * cell saying when it was exported. Links the build could only write as paths get the page's origin.
 */
export function withReaderEdits(template: JupyterNotebook, reader: ReaderExport): JupyterNotebook {
  const course = (template.metadata.course ?? {}) as { lesson?: string; lang?: Lang; title?: string };
  const exported = (reader.exportedAt ?? new Date()).toISOString().slice(0, 10);
  const title = course.title ?? course.lesson ?? 'lesson';
  const ids = new Set(template.cells.map((cell) => cell.id));
  const cells = template.cells.flatMap((cell): NotebookCell[] => {
    if (cell.id === ABOUT_ID) return [aboutCell({ title, url: reader.url, lesson: course.lesson ?? '', lang: course.lang, edited: true }, exported)];
    if (cell.cell_type === 'markdown') return [{ ...cell, source: cell.source.map((line) => withOrigin(line, reader.origin)) }];
    const id = (cell.metadata.course as { cell?: string } | undefined)?.cell;
    const code = id !== undefined && id in reader.sources ? { ...cell, source: toLines(reader.sources[id]!) } : cell;
    // The scratch cells the reader opened after this cell, where they were on the page.
    const scratch = (reader.scratch ?? []).filter((candidate) => id !== undefined && candidate.after === id).map((candidate) => scratchCell(candidate, ids));
    return [code, ...scratch];
  });
  return { ...template, metadata: { ...template.metadata, course: { ...course, url: reader.url, exported } }, cells };
}

function scratchCell({ id, source }: { id: string; source: string }, ids: Set<string>): NotebookCell {
  return { id: uniqueCellId(id, ids), cell_type: 'code', metadata: { course: { scratch: true } }, source: toLines(source), execution_count: null, outputs: [] };
}

/** An nbformat cell id (letters, digits, - and _, at most 64) made from `wanted`, not yet in `ids` (then added to it). */
function uniqueCellId(wanted: string, ids: Set<string>): string {
  const base = wanted.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56) || 'cell';
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

/** Markdown links and images whose address is a path ("](/course/data/)") pointed at `origin`. */
function withOrigin(line: string, origin: string): string {
  return line.replace(/\]\((<?)\/(?!\/)/g, (_, bracket: string) => `](${bracket}${origin}/`);
}

/** nbformat's multi-line strings: a list of lines, each but the last ending in "\n". */
function toLines(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (normalized === '') return [];
  const lines = normalized.split('\n');
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}
