/**
 * The reference band a training cell's live figure draws under the reader's run (issue 16): the page's
 * reference for this cell, and whether it applies to this run — the cells as they are now (edited or not)
 * and the dataset the run trains on.
 */
import type { Messages } from '../i18n';
import { manifestHash, referenceStatus, type CellCode, type ManifestIdentity, type PageReference } from '../ml/referenceBands';
import { referenceLabel, referenceStatusText } from '../viz/referenceBand';
import type { HistoryFigureOptions } from '../viz/historyFigure';

const hashes = new WeakMap<object, string>();

/** Which payload each loaded image set (and its split) came from: a reference band applies to its own dataset only. */
export const manifestHashOf = new WeakMap<object, string>();

/** The dataset's identity, computed once per loaded manifest. */
export function datasetHash(manifest: ManifestIdentity): string {
  let hash = hashes.get(manifest);
  if (hash === undefined) hashes.set(manifest, (hash = manifestHash(manifest)));
  return hash;
}

export function runReference(page: PageReference | undefined, run: { cellId?: string; cells: readonly CellCode[]; manifestHash?: string }, text: Messages['references']): HistoryFigureOptions['reference'] {
  const figure = page?.reference.figures.find((candidate) => candidate.cell === run.cellId);
  if (!page || !figure) return undefined;
  const status = referenceStatus(page.reference, figure, { cells: run.cells, manifestHash: run.manifestHash ?? page.builtInManifestHash });
  const caption = [`${referenceLabel(page.reference, text)}.`, text.behindRun(page.reference.seeds.length), referenceStatusText(status, text)].filter(Boolean).join(' ');
  return { figure, caption, status };
}
