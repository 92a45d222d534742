/** ImageData: drawn on a canvas, scaled up when small so pixels stay visible. */
import { element, safely, type ImageDataLike } from './kinds';

export function renderImageData(image: ImageDataLike, doc: Document): HTMLElement {
  const figure = element(doc, 'div', 'nb-image');
  const description = `ImageData ${image.width}×${image.height}`;
  const canvas = element(doc, 'canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = safely(() => canvas.getContext('2d'));
  const drawn = context ? safely(() => {
    const pixels = context.createImageData(image.width, image.height);
    pixels.data.set(image.data);
    context.putImageData(pixels, 0, 0);
    return true;
  }) : undefined;
  if (!drawn) {
    // No canvas here (e.g. a test DOM): describe the image instead of drawing it.
    figure.append(element(doc, 'span', 'nb-image-caption', `${description} (cannot be drawn here)`));
    return figure;
  }
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description);
  const scale = Math.max(1, Math.min(8, Math.floor(128 / Math.max(image.width, image.height, 1))));
  if (scale > 1) canvas.style.width = `${image.width * scale}px`;
  figure.append(canvas, element(doc, 'span', 'nb-image-caption', description));
  return figure;
}
