import { drawRgb } from './imageGrid';

/** One image of the gallery: its RGB bytes and what it is. */
export interface GalleryImage {
  name: string;
  label: string;
  rgb: Uint8Array;
}

/** A slider of a gallery row. */
export interface GalleryControl {
  id: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** Printed after the value, e.g. '°' or ' px'. */
  unit?: string;
}

/** One augmentation: its sliders and how it turns them into images. */
export interface GalleryRow {
  id: string;
  title: string;
  /** One sentence on what it does and why it helps. */
  note?: string;
  controls?: GalleryControl[];
  /** The RGB bytes of every gallery image with this row's augmentation at the given settings. */
  render(values: Record<string, number>): Uint8Array[];
  /** A button that renders again with new random draws (the training-time mode). */
  redrawLabel?: string;
}

export interface AugmentationGalleryOptions {
  /** Pixels a side of the images. */
  size: number;
  /** Displayed size of each thumbnail in CSS pixels. */
  thumbnailSize?: number;
  document?: Document;
}

/**
 * A gallery of augmentations: one row per augmentation, each with its sliders and the
 * gallery's images as the augmentation makes them. Moving a slider redraws its row.
 */
export function augmentationGallery(images: readonly GalleryImage[], rows: readonly GalleryRow[], options: AugmentationGalleryOptions): HTMLElement {
  const doc = options.document ?? document;
  const thumbnail = options.thumbnailSize ?? 96;
  const figure = doc.createElement('figure');
  figure.className = 'augmentation-gallery';
  figure.setAttribute('data-figure', 'augmentation-gallery');

  for (const row of rows) {
    const section = doc.createElement('fieldset');
    section.className = 'augmentation-row';
    section.setAttribute('data-augmentation', row.id);
    const legend = doc.createElement('legend');
    legend.textContent = row.title;
    section.append(legend);
    if (row.note) {
      const note = doc.createElement('p');
      note.className = 'augmentation-note';
      note.textContent = row.note;
      section.append(note);
    }

    const values: Record<string, number> = {};
    const strip = doc.createElement('div');
    strip.className = 'image-grid';
    const canvases = images.map((image) => {
      const item = doc.createElement('figure');
      const canvas = doc.createElement('canvas');
      canvas.width = options.size;
      canvas.height = options.size;
      canvas.style.width = `${thumbnail}px`;
      canvas.style.height = `${thumbnail}px`;
      canvas.setAttribute('role', 'img');
      const caption = doc.createElement('figcaption');
      caption.textContent = `${image.name} · ${image.label}`;
      item.append(canvas, caption);
      strip.append(item);
      return canvas;
    });
    const draw = () => {
      const rendered = row.render({ ...values });
      const described = describe(row, values);
      rendered.forEach((rgb, i) => {
        const canvas = canvases[i]!;
        drawRgb(canvas, rgb, options.size);
        canvas.setAttribute('data-pixels', pixelHash(rgb));
        canvas.setAttribute('aria-label', `${images[i]!.name} (${images[i]!.label}), ${described}`);
      });
    };

    if (row.controls?.length || row.redrawLabel) {
      const controls = doc.createElement('div');
      controls.className = 'augmentation-controls';
      for (const control of row.controls ?? []) {
        values[control.id] = control.value;
        // The slider sits inside its label: labelled without ids, and a click on the text focuses it.
        const label = doc.createElement('label');
        const name = doc.createElement('span');
        name.textContent = control.label;
        const input = doc.createElement('input');
        input.type = 'range';
        input.min = String(control.min);
        input.max = String(control.max);
        input.step = String(control.step);
        input.value = String(control.value);
        input.setAttribute('data-control', control.id);
        const output = doc.createElement('output');
        output.textContent = format(control, control.value);
        input.setAttribute('aria-valuetext', output.textContent);
        label.append(name, input, output);
        input.addEventListener('input', () => {
          values[control.id] = Number(input.value);
          output.textContent = format(control, values[control.id]!);
          input.setAttribute('aria-valuetext', output.textContent);
          draw();
        });
        controls.append(label);
      }
      if (row.redrawLabel) {
        const button = doc.createElement('button');
        button.type = 'button';
        button.textContent = row.redrawLabel;
        button.addEventListener('click', draw);
        controls.append(button);
      }
      section.append(controls);
    }
    section.append(strip);
    draw();
    figure.append(section);
  }
  return figure;
}

function format(control: GalleryControl, value: number): string {
  const decimals = (String(control.step).split('.')[1] ?? '').length;
  return `${value.toFixed(decimals)}${control.unit ?? ''}`;
}

function describe(row: GalleryRow, values: Record<string, number>): string {
  const settings = (row.controls ?? []).map((control) => `${control.label.toLowerCase()} ${format(control, values[control.id]!)}`);
  return settings.length ? `${row.title.toLowerCase()}: ${settings.join(', ')}` : row.title.toLowerCase();
}

/** A short fingerprint of an image's bytes (FNV-1a), so a test or a reader's script can tell images apart. */
export function pixelHash(rgb: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of rgb) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
