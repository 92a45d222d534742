/**
 * The reference figures a lesson's training cells show before anything runs (issue 16), drawn at build
 * time: Observable Plot renders each into a jsdom document, and the SVG becomes part of the cell's output
 * section in the HTML, after its output area. The page runs no script for them; once the cell has output (the live
 * figure, drawn over the same band) CSS hides them.
 */
import type { Element as HastElement, ElementContent } from 'hast';
import { basename } from 'node:path';
import { JSDOM } from 'jsdom';
import { messages, type Lang } from '../i18n';
import { referenceStatus, type CellCode } from '../ml/referenceBands';
import { referenceFigure } from '../viz/referenceBand';
import { pageReference } from './references';

/** Each training cell's pre-rendered reference figure, by cell id (none when the lesson has no reference). */
export function referenceFigureNodes(lessonDir: string, cells: readonly CellCode[], lang: Lang): Map<string, HastElement> {
  const nodes = new Map<string, HastElement>();
  const page = pageReference(lessonDir);
  if (!page) return nodes;
  const { window } = new JSDOM('<!doctype html>');
  try {
    for (const figure of page.reference.figures) {
      if (!cells.some((cell) => cell.id === figure.cell)) {
        throw new Error(`${basename(lessonDir)}: its reference has a figure for cell "${figure.cell}", which the lesson no longer has; run npm run references`);
      }
      const status = referenceStatus(page.reference, figure, { cells, manifestHash: page.builtInManifestHash });
      const element = referenceFigure(page.reference, figure, { text: messages(lang).references, words: messages(lang).curves, language: lang, status, document: window.document });
      // The output area says what cells print, in English; the reference's words are the page's.
      element.setAttribute('lang', lang);
      nodes.set(figure.cell, toHast(element) as HastElement);
    }
  } finally {
    window.close();
  }
  return nodes;
}

/** A DOM node as the hast node remark-rehype carries into the page. */
function toHast(node: Node): ElementContent | undefined {
  if (node.nodeType === 3) return { type: 'text', value: node.textContent ?? '' };
  if (node.nodeType !== 1) return undefined;
  const element = node as globalThis.Element;
  const properties: Record<string, string> = {};
  for (const attribute of element.attributes) {
    // Plot labels its marks' <g> groups ("line", "area"); aria-label on an element with no role is prohibited
    // ARIA (axe: aria-prohibited-attr). The figure's own label and caption describe it.
    if (element.localName === 'g' && attribute.name === 'aria-label') continue;
    properties[attribute.name] = attribute.value;
  }
  return {
    type: 'element',
    tagName: element.localName,
    properties,
    children: [...element.childNodes].flatMap((child) => toHast(child) ?? []),
  };
}
