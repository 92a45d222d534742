import type { ConfusionMatrix } from '../ml/metrics';

/** A 2×2 confusion matrix table; the false-negative cell (missed emergency vehicles) stands out. */
export function confusionMatrixTable(confusion: ConfusionMatrix, classes: readonly [string, string], doc: Document = document): HTMLTableElement {
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
  const head = doc.createElement('tr');
  head.append(cell('th', ''), cell('th', `predicted ${classes[0]}`, undefined, 'col'), cell('th', `predicted ${classes[1]}`, undefined, 'col'));
  const negatives = doc.createElement('tr');
  negatives.append(cell('th', `true ${classes[0]}`, undefined, 'row'), cell('td', String(confusion.trueNegatives), 'correct'), cell('td', String(confusion.falsePositives), 'false-positive'));
  const positives = doc.createElement('tr');
  positives.append(cell('th', `true ${classes[1]}`, undefined, 'row'), cell('td', String(confusion.falseNegatives), 'false-negative'), cell('td', String(confusion.truePositives), 'correct'));
  table.append(head, negatives, positives);
  return table;
}
