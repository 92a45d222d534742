import type { ImageSet } from '../ml/imageSet';

export interface ImageGridOptions {
  /** Positions in the set to show. */
  indices: readonly number[];
  /** Text under each image; defaults to the class name. */
  caption?: (index: number) => string;
  /** Displayed size of each thumbnail in CSS pixels. */
  thumbnailSize?: number;
  document?: Document;
}

/** Thumbnails of images from a set, drawn from their RGB bytes. */
export function imageGrid(set: ImageSet, options: ImageGridOptions): HTMLElement {
  const doc = options.document ?? document;
  const grid = doc.createElement('div');
  grid.className = 'image-grid';
  grid.setAttribute('data-figure', 'images');
  const size = options.thumbnailSize ?? 96;
  for (const index of options.indices) {
    const item = doc.createElement('figure');
    const canvas = doc.createElement('canvas');
    canvas.width = set.size;
    canvas.height = set.size;
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
    const label = set.classes[set.labels[index]!]!;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${set.names[index]}: ${label}`);
    drawRgb(canvas, set.image(index), set.size);
    const caption = doc.createElement('figcaption');
    caption.textContent = options.caption ? options.caption(index) : `${set.names[index]} · ${label}`;
    item.append(canvas, caption);
    grid.append(item);
  }
  return grid;
}

/** Paints packed RGB bytes of a square image onto a canvas of the same size. */
export function drawRgb(canvas: HTMLCanvasElement, rgb: Uint8Array, size: number): void {
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    // a test DOM without canvas support
  }
  if (!context) return; // the caption and attributes still say what is drawn
  const imageData = context.createImageData(size, size);
  for (let source = 0, target = 0; source < rgb.length; source += 3, target += 4) {
    imageData.data[target] = rgb[source]!;
    imageData.data[target + 1] = rgb[source + 1]!;
    imageData.data[target + 2] = rgb[source + 2]!;
    imageData.data[target + 3] = 255;
  }
  context.putImageData(imageData, 0, 0);
}
