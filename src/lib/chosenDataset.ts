/**
 * Which dataset the reader chose for the course on this device: the built-in one (nothing stored) or one
 * imported in the browser (src/importer/browser/datasetStore.ts), remembered in localStorage under one key
 * that the header's inline script (src/layouts/headScript.ts) also reads.
 */
export const CHOSEN_DATASET_KEY = 'course-dataset';

export interface ChosenDataset {
  id: string;
  title: string;
}

export function chosenDataset(): ChosenDataset | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(CHOSEN_DATASET_KEY) ?? 'null') as ChosenDataset | null;
    return value && typeof value.id === 'string' && typeof value.title === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `undefined` chooses the built-in dataset again. */
export function chooseStoredDataset(choice: ChosenDataset | undefined): void {
  try {
    if (choice) localStorage.setItem(CHOSEN_DATASET_KEY, JSON.stringify({ id: choice.id, title: choice.title }));
    else localStorage.removeItem(CHOSEN_DATASET_KEY);
  } catch {
    /* storage refused (a private window's quota): the built-in dataset stays in use */
  }
}
