import type { PageReference } from '../ml/referenceBands';
import type { Lang, Messages } from '../i18n';
/** What the lesson library needs from the page for one cell run. */
export interface CellContext {
  /** Renders a value into this cell's output area. */
  display(value: unknown): void;
  /** Aborted when the reader presses Stop: long operations end at their next safe point. */
  stopSignal: AbortSignal;
  /** Declares that the running operation honours `stopSignal` itself; returns a function that undoes it. */
  handleStopCooperatively(): () => void;
  /** URL of the folder holding the dataset payload (manifest.json). */
  datasetUrl: string;
  /** An upper bound on epochs set by the page (?maxEpochs=N), for quick checks and tests. */
  maxEpochs?: number;
  /** The page's language, and its words: what the library prints (progress, reports, errors, captions) is in it. */
  lang: Lang;
  t: Messages;
  /** The page's document: figures and status lines are built with it. */
  document: Document;
  /** Where the library keeps small records across visits (the run log, checkpoints' index, training speed): the page's localStorage. */
  storage: Storage;
  /** The lesson the cell belongs to (its folder name, e.g. '06-checkpointing'), or 'notebook' outside a lesson. */
  lessonId: string;
  /** The running cell's id (its data-cell): a training cell's live figure draws this cell's reference band. */
  cellId?: string;
  /** Every cell of the page as it is now (the reader's edits included), for telling whether a reference still applies. */
  cells?: () => ReadonlyArray<{ id: string; source: string }>;
  /** The lesson's reference results, as the build wrote them into the page. */
  reference?: PageReference;
}
