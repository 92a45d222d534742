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
}
