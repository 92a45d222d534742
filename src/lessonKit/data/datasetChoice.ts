/**
 * Which dataset a cell loads: the built-in payload of the site, or one imported in this browser
 * (src/importer/browser/), as the reader chose it on the data page, in the header, with `chooseDataset()`
 * or with `loadDataset({ dataset })`.
 */
import type { Messages } from '../../i18n';
import { listStoredDatasets, storedDataset } from '../../importer/browser/datasetStore';
import { storedFetch, storedPayloadUrl } from '../../importer/browser/storedPayload';
import { chooseStoredDataset, chosenDataset, type ChosenDataset } from '../../lib/chosenDataset';
import type { CellContext } from '../context';

/** `loadDataset({ dataset: BUILT_IN })` loads the course's own dataset whatever the reader chose. */
const BUILT_IN = 'built-in';

export interface DatasetLocation {
  url: string;
  fetch?: typeof fetch;
  /** Said in the cell's output before loading (a chosen dataset that is gone). */
  notice?: string;
}

export async function locateDataset(requested: string | undefined, builtInUrl: string, t: Messages['dataImport']): Promise<DatasetLocation> {
  if (requested === BUILT_IN) return { url: builtInUrl };
  if (requested !== undefined) {
    const found = await storedDataset(requested);
    if (!found) {
      const stored = (await listStoredDatasets()).map((dataset) => `"${dataset.id}" (${dataset.title})`);
      throw new Error(`no dataset "${requested}" in this browser: ${stored.length ? `it holds ${stored.join(', ')}` : 'none is stored'}, and "${BUILT_IN}" is the course's own`);
    }
    return { url: storedPayloadUrl(found.id), fetch: storedFetch };
  }
  const chosen = chosenDataset();
  if (!chosen) return { url: builtInUrl };
  if (await storedDataset(chosen.id)) return { url: storedPayloadUrl(chosen.id), fetch: storedFetch };
  chooseStoredDataset(undefined);
  return { url: builtInUrl, notice: t.missing(chosen.id) };
}

export function datasetChoiceLibrary(context: CellContext) {
  /**
   * Shows the import panel and the datasets stored in this browser in the cell's output; resolves when the
   * reader imports one or presses Use: with its id and title, or `{ id: "built-in" }` for the course's own.
   * Later `loadDataset()` calls load it.
   */
  async function chooseDataset(): Promise<ChosenDataset> {
    const { importPanel } = await import('../../client/importPanel');
    const t = context.t.dataImport;
    return new Promise((resolve) => {
      const panel = importPanel({
        t,
        onChange(active) {
          const note = document.createElement('p');
          note.dataset.datasetChosen = active?.id ?? BUILT_IN;
          note.textContent = t.chosen(active?.title ?? t.builtIn);
          panel.after(note);
          resolve(active ? { id: active.id, title: active.title } : { id: BUILT_IN, title: t.builtIn });
        },
      });
      context.display(panel);
    });
  }
  return { chooseDataset };
}
