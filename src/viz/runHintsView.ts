import type { Messages } from '../i18n';
import type { RunHint } from '../ml/runHints';

/** The sentence a hint says, in the page's language. */
function hintText(hint: RunHint, text: Messages['hints']): string {
  switch (hint.kind) {
    case 'nonFinite': return text.nonFinite(hint.epoch, hint.metric);
    case 'noMovement': return text.noMovement(hint.epochs, `${(100 * hint.lossChange).toFixed(2)} %`);
    case 'validationAboveTraining': return text.validationAboveTraining(hint.epochs, hint.total);
    case 'overfitting': return text.overfitting(hint.epoch, hint.valLoss.toFixed(4), hint.epochsAfter);
  }
}

/** The run's hints as a labelled note under the training output (nothing when the run calls for none). */
export function runHintsView(hints: readonly RunHint[], text: Messages['hints'], doc: Document = document): HTMLElement | undefined {
  if (hints.length === 0) return undefined;
  const aside = doc.createElement('aside');
  aside.className = 'run-hints';
  aside.setAttribute('data-run-hints', hints.map((hint) => hint.kind).join(' '));
  const heading = doc.createElement('p');
  heading.className = 'run-hints-heading';
  heading.textContent = text.heading;
  const list = doc.createElement('ul');
  for (const hint of hints) {
    const item = doc.createElement('li');
    item.setAttribute('data-hint', hint.kind);
    item.textContent = hintText(hint, text);
    list.append(item);
  }
  aside.append(heading, list);
  return aside;
}
