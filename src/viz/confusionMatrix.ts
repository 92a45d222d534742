import type { ConfusionMatrix } from '../ml/metrics';

export type ConfusionCell = keyof ConfusionMatrix;

export interface ConfusionTableOptions {
  /** Makes each count a button that opens that cell's images. */
  onSelect?: (cell: ConfusionCell) => void;
  /** The button's accessible name for a cell. */
  cellLabel?: (cell: ConfusionCell, count: number) => string;
}

/** A 2×2 confusion matrix table; the false-negative cell (missed emergency vehicles) stands out. */
export function confusionMatrixTable(confusion: ConfusionMatrix, classes: readonly [string, string], doc: Document = document, options: ConfusionTableOptions = {}): HTMLTableElement {
  const table = doc.createElement('table');
  table.className = 'confusion-matrix';
  table.setAttribute('data-figure', 'confusion-matrix');
  const caption = doc.createElement('caption');
  caption.textContent = 'Confusion matrix (rows: true class, columns: predicted class)';
  table.append(caption);
  const cell = (tag: 'th' | 'td', text: string, className?: string, scope?: string) => {
    const element = doc.createElement(tag);
    element.textContent = text;
    if (className) element.className = className;
    if (scope) element.setAttribute('scope', scope);
    return element;
  };
  const count = (name: ConfusionCell, className: string) => {
    const td = cell('td', '', className);
    td.setAttribute('data-confusion-cell', name);
    const value = String(confusion[name]);
    if (!options.onSelect) { td.textContent = value; return td; }
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = value;
    button.setAttribute('aria-label', options.cellLabel?.(name, confusion[name]) ?? value);
    button.addEventListener('click', () => options.onSelect!(name));
    td.append(button);
    return td;
  };
  const head = doc.createElement('tr');
  head.append(cell('th', ''), cell('th', `predicted ${classes[0]}`, undefined, 'col'), cell('th', `predicted ${classes[1]}`, undefined, 'col'));
  const negatives = doc.createElement('tr');
  negatives.append(cell('th', `true ${classes[0]}`, undefined, 'row'), count('trueNegatives', 'correct'), count('falsePositives', 'false-positive'));
  const positives = doc.createElement('tr');
  positives.append(cell('th', `true ${classes[1]}`, undefined, 'row'), count('falseNegatives', 'false-negative'), count('truePositives', 'correct'));
  table.append(head, negatives, positives);
  return table;
}
