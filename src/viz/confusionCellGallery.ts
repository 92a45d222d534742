import type { ImageSet } from '../ml/imageSet';
import type { Messages } from '../i18n';
import { imageGrid } from './imageGrid';

type Text = Messages['figures'];

export const GALLERY_PAGE_SIZE = 24;

/**
 * The images of one confusion-matrix cell, all of them, a page at a time, each with the model's
 * probability — what a reader opens by clicking the cell.
 */
export function confusionCellGallery(set: ImageSet, indices: readonly number[], probabilities: ArrayLike<number>, heading: string, text: Text, doc: Document = document): HTMLElement {
  const panel = doc.createElement('section');
  panel.className = 'confusion-cell-gallery';
  panel.setAttribute('data-confusion-gallery', '');
  panel.setAttribute('tabindex', '-1');
  const title = doc.createElement('p');
  title.className = 'gallery-heading';
  title.textContent = heading;
  const status = doc.createElement('p');
  status.setAttribute('data-gallery-page', '');
  const button = (label: string, action: string) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('data-gallery-action', action);
    return b;
  };
  const previous = button(text.previous, 'previous');
  const next = button(text.next, 'next');
  const close = button(text.close, 'close');
  close.addEventListener('click', () => panel.remove());
  const nav = doc.createElement('div');
  nav.className = 'gallery-nav';
  nav.append(previous, status, next, close);
  let grid: HTMLElement = doc.createElement('div');
  let page = 0;
  const pages = Math.max(1, Math.ceil(indices.length / GALLERY_PAGE_SIZE));
  const show = () => {
    const from = page * GALLERY_PAGE_SIZE;
    const shown = indices.slice(from, from + GALLERY_PAGE_SIZE);
    const content = shown.length === 0
      ? Object.assign(doc.createElement('p'), { textContent: text.cellEmpty })
      : imageGrid(set, { indices: shown, document: doc, thumbnailSize: 64, caption: (i) => text.probability(set.names[i]!, probabilities[i]!.toFixed(3)) });
    grid.replaceWith(content);
    grid = content;
    status.textContent = shown.length === 0 ? '' : text.cellPage(from + 1, from + shown.length, indices.length);
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
  };
  previous.addEventListener('click', () => { page = Math.max(0, page - 1); show(); });
  next.addEventListener('click', () => { page = Math.min(pages - 1, page + 1); show(); });
  panel.append(title, nav, grid);
  show();
  return panel;
}
