import type { Root, Code } from 'mdast';
import type { Element, ElementContent } from 'hast';
import { basename, dirname } from 'node:path';
import { createHighlighter, type Highlighter } from 'shiki';
import { notebookText, type NotebookText } from '../i18n/notebook';
import { lessonCells, type LessonCell } from '../lessons/cells';
import { proseFileLang } from '../lessons/layout';
import { cellReferenceNodes, exerciseReferenceNodes } from '../lessons/prose';
import { exercisesText } from '../i18n/exercises';
import { lessonExercises } from '../exercises/files';
import { exerciseNode } from './exerciseNode';
import { referenceFigureNodes } from '../lessons/referenceFigures';

/**
 * Turns each `<Cell id="model" />` of a lesson's prose into its notebook cell: the code of
 * cells/NN-model.ts in the lesson's folder, highlighted with Shiki at build time (so the code
 * reads well before any script loads), with a toolbar and an output area the page script
 * brings to life. The toolbar speaks the prose file's language (zh.mdx gets Chinese buttons).
 */
export function remarkCells() {
  return async (tree: Root, file?: { path?: string }) => {
    const references = cellReferenceNodes(tree, file?.path);
    const exerciseReferences = exerciseReferenceNodes(tree, file?.path);
    if (references.length === 0 && exerciseReferences.length === 0) return;
    const cells = lessonCells(dirname(file!.path!));
    const highlighter = await sharedHighlighter();
    const lang = proseFileLang(file?.path) ?? 'en';
    const t = notebookText[lang];
    // Training cells show their reference results before anything runs, drawn here (no script on the page).
    const referenceFigures = referenceFigureNodes(dirname(file!.path!), cells, lang);
    for (const { node, id } of references) {
      const cell = cells.find((candidate) => candidate.id === id);
      if (!cell) throw new Error(`${file?.path}:${node.position?.start.line}: <Cell id="${id}" /> names no cell; this lesson's cells are ${cells.map((c) => c.id).join(', ') || '(none: add cells/01-<id>.ts)'}`);
      // The reference becomes the cell in place (same object, so its parent keeps it where the author put it).
      for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
      Object.assign(node, cellNode(t, highlighter, cell, referenceFigures.get(cell.id)));
    }
    if (exerciseReferences.length === 0) return;
    const lessonDir = dirname(file!.path!);
    const exercises = lessonExercises(lessonDir);
    for (const { node, id } of exerciseReferences) {
      const exercise = exercises.find((candidate) => candidate.id === id);
      if (!exercise) throw new Error(`${file?.path}:${node.position?.start.line}: <Exercise id="${id}" /> names no exercise; this lesson's exercises are ${exercises.map((e) => e.id).join(', ') || '(none: add exercises/<id>/)'}`);
      for (const key of Object.keys(node)) delete (node as unknown as Record<string, unknown>)[key];
      Object.assign(node, exerciseNode({ lesson: basename(lessonDir), exercise, t, text: exercisesText[lang], cellChildren: (code) => cellChildren(t, highlighter, code, '✎', { reset: false, label: id }) }));
    }
  };
}

/** The language class cells carry; astro.config.mjs excludes it from Astro's own highlighting. */
export const CELL_LANGUAGE = 'ts-cell';

let highlighterPromise: Promise<Highlighter> | undefined;
function sharedHighlighter(): Promise<Highlighter> {
  highlighterPromise ??= createHighlighter({ themes: ['github-light', 'github-dark'], langs: ['typescript'] });
  return highlighterPromise;
}

/** A code node that remark-rehype turns into the cell's section (hName/hProperties/hChildren). */
function cellNode(t: NotebookText, highlighter: Highlighter, cell: LessonCell, output?: Element): Code {
  const children = cellChildren(t, highlighter, cell.source, cell.number);
  // The reference figure sits after the output area, not in it: the output area holds only what running the
  // cell printed (empty until the reader runs it), and CSS hides the reference once it is not empty.
  if (output) children.push(output);
  return {
    type: 'code',
    lang: 'ts',
    meta: `cell id=${cell.id}`,
    value: cell.source,
    data: { hName: 'section', hProperties: cellProperties(t, cell.id, cell.number), hChildren: children },
  };
}

function cellProperties(t: NotebookText, id: string, number: number): Element['properties'] {
  return { className: ['cell'], 'data-cell': id, 'data-cell-number': String(number), 'data-cell-state': 'idle', 'aria-label': t.cellLabel(number) };
}

/** The toolbar, highlighted code and output area of a cell; an exercise's cell has no Reset of its own (the exercise's resets it). */
function cellChildren(t: NotebookText, highlighter: Highlighter, code: string, number: number | string, { reset = true, label = number }: { reset?: boolean; label?: number | string } = {}): ElementContent[] {
  const highlighted = highlighter.codeToHast(code, {
    lang: 'typescript',
    themes: { light: 'github-light', dark: 'github-dark' },
  });
  const pre = highlighted.children[0] as Element;
  pre.properties = { ...pre.properties, tabIndex: 0, 'aria-label': t.codeLabel(label) };
  // Marks the code as already highlighted, so Astro's own Shiki pass (excludeLangs) leaves it alone.
  const codeElement = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  if (codeElement) codeElement.properties = { ...codeElement.properties, className: [`language-${CELL_LANGUAGE}`] };
  const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
  const text = (value: string) => ({ type: 'text' as const, value });
  return [
    element('div', { className: ['cell-toolbar'], 'data-pagefind-ignore': '' }, [
      element('span', { className: ['cell-label'], 'aria-hidden': 'true' }, [text(`[${number}]`)]),
      element('button', { type: 'button', className: ['cell-run'], 'data-cell-run': '' }, [text(t.run)]),
      element('button', { type: 'button', className: ['cell-stop'], 'data-cell-stop': '', hidden: true }, [text(t.stop)]),
      element('button', { type: 'button', className: ['cell-run-below'], 'data-cell-run-below': '', title: t.runBelowTitle }, [text(t.runBelow)]),
      element('span', { className: ['cell-status'], role: 'status' }),
      ...(reset ? [element('button', { type: 'button', className: ['cell-reset'], 'data-cell-reset': '', hidden: true, title: t.resetTitle }, [text(t.reset)])] : []),
    ]),
    element('div', { className: ['cell-code'], 'data-cell-code': '' }, [pre]),
    // What cells print is English in every course language (the code is shared): marked so, a screen reader
    // on a translated page reads it as English.
    element('div', { className: ['cell-output'], 'data-cell-output': '', 'data-pagefind-ignore': '', 'aria-live': 'polite', lang: 'en' }),
  ];
}
