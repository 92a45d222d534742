import { formatCount, formatList } from '../../notebook/format';

/** The notebook's controls: cell toolbars (written at build time), the lesson page's buttons and status lines. */
export const notebook = {
  cellLabel: (n: string | number) => `Code cell ${n}`,
  codeLabel: (n: string | number) => `Code of cell ${n}: focus or click to edit`,
  editorLabel: (n: string | number) => `Code of cell ${n}`,
  run: 'Run',
  stop: 'Stop',
  reset: 'Reset',
  resetTitle: "Discard your edits and restore the lesson's code",
  notebook: 'Notebook',
  runAll: 'Run all',
  /** A cell that ran used names another cell has changed since. */
  staleSince: (n: string | number, names: string[]) => `stale: cell ${n} changed ${formatList(names.map((name) => `\`${name}\``))} since this ran`,
  /** An earlier cell that defines names this cell used was edited (not yet rerun) since this cell ran. */
  staleEdited: (n: string | number, names: string[]) => `stale: cell ${n}, which defines ${formatList(names.map((name) => `\`${name}\``))}, was edited since this ran`,
  /** The control after each lesson cell that opens a scratch cell there. */
  addScratch: '+ Scratch cell',
  addScratchTitle: "Open an empty code cell here, in the same scope as the lesson's cells: try an idea without changing the lesson's code",
  /** A scratch cell's number in its toolbar and in messages ("cell scratch 2"). */
  scratchNumber: (n: number) => `scratch ${n}`,
  deleteScratch: 'Delete',
  deleteScratchTitle: 'Delete this scratch cell and its code',
  /** After a scratch cell was deleted: what went with it. */
  scratchDeleted: (n: string, lines: number, firstLine: string) =>
    lines === 0 ? `Scratch cell ${n} (it was empty) is deleted.` : `Scratch cell ${n} is deleted, with its code (${formatCount(lines)} line${lines === 1 ? '' : 's'}, starting "${firstLine}"); it is gone unless you undo.`,
  scratchDeletedInOtherTab: 'This scratch cell was deleted in another tab of this lesson. It stays here until you choose.',
  deleteHere: 'Delete here too',
  runBelow: 'Run this and below',
  runBelowTitle: 'Run this cell, then every cell after it, in order',
  undoReset: 'Undo',
  dismiss: 'Close',
  cellReset: (n: string | number) => `Cell ${n} is back to the lesson's code; your edit is gone unless you undo.`,
  allReset: (numbers: (string | number)[]) => `Cell${numbers.length === 1 ? '' : 's'} ${formatList(numbers.map(String))} ${numbers.length === 1 ? 'is' : 'are'} back to the lesson's code; your edits are gone unless you undo.`,
  runningAll: 'Running all…',
  resetAll: 'Reset all edits',
  resetAllTitle: 'Discard your edits in every cell of this lesson',
  nothingRun: 'Nothing has run yet. Cells run only when you press Run.',
  /** The control that opens the backend's full description (the bar shows its short form). */
  kernelDetails: 'Details',
  /** The bar's short form of the backend: its name and how many threads train. */
  kernelSummary: (backend: string, threads: number) => `${backend} · ${threads} thread${threads === 1 ? '' : 's'}`,
  runAllStopped: (n: string | number) => `Run all stopped at cell ${n}, which ended with an error.`,
  waiting: 'waiting…',
  running: 'running…',
  stopping: 'stopping…',
  doneIn: (seconds: string) => `done in ${seconds} s`,
  error: 'error',
  memory: (tensors: number, megabytes: string) => `Memory: ${tensors} tensor${tensors === 1 ? '' : 's'} · ${megabytes} MB`,
  memoryTitle: 'Memory that TensorFlow.js holds on this page: tensors, and their size',
  exportButton: 'Export .ipynb',
  exportTitle: 'Download this lesson, with your edits, as a Jupyter notebook (TypeScript cells, Markdown prose)',
  exportFailed: (message: string) => `The notebook could not be exported: ${message}. Your edits are kept; try again when the page is back online.`,
  /** The first cell of a lesson's notebook: where it came from, and where its lesson library lives. */
  exportAbout: ({ title, url, date, edited }: { title: string; url: string; date?: string; edited: boolean }) =>
    `*${edited ? 'Exported' : 'Made'} from [${title}](${url})${date ? ` on ${date}` : ''}${edited ? ', with your edits' : ''}.* ` +
    "The code cells are TypeScript (kernel: tslab). They use the course's lesson library — `display`, `loadDataset`, " +
    '`trainTestSplit`, `fit`, `evaluate`, `plotHistory`, `showImages` — which exists only on the course page, so run them there.',
  editConflict: (savedAt: string) => `You edited this cell on ${savedAt}, and the lesson's code for it has changed since. Your edit was not applied.`,
  useMine: 'Use my edit',
  keepNew: "Keep the lesson's new code",
  /** The page's thread was blocked while a cell ran (code the loop guard cannot interrupt). */
  pageBlocked: (seconds: string) =>
    `The page did not answer for ${seconds} s while this cell ran, and Stop could not work meanwhile. Loops in cell code are stopped after 5 s, but some code cannot be interrupted on the page: ` +
    'a regular expression that backtracks heavily, one long call into the browser or a library. If the page freezes again, close the tab or reload it (your edits are saved), and make the input smaller.',
  /** Another tab of the same lesson saved a different edit of this cell. */
  changedInOtherTab: 'This cell was changed in another tab of this lesson. Nothing is overwritten until you choose which code to keep.',
  resetInOtherTab: 'This cell was reset to the lesson\'s code in another tab of this lesson. Nothing is overwritten until you choose which code to keep.',
  keepMine: 'Keep mine',
  takeTheirs: 'Take theirs',
  /** An edit that could not be saved: localStorage is full even after the run log's old records were removed. */
  editNotSaved: "Not saved: the browser's storage for this site is full. Your edit stays on this page until you reload or close it. " +
    'To keep it, press Export .ipynb (or copy the code), then free space: "Reset all edits" in lessons whose edits you no longer need, ' +
    "clearRuns() in lesson 07 (the run comparison), or clear this site's data in the browser's settings.",
  /** Old run records removed to make room for an edit. */
  runsPrunedForEdit: (count: number) =>
    `The browser's storage for this site was full: to save your edit, the ${count === 1 ? 'oldest training run was' : `${count} oldest training runs were`} removed from the run comparison (lesson 07).`,
  /** `?backend=` named no backend of this page; training runs on `chosen`. */
  backendUnknown: (requested: string, available: string[], chosen: string) =>
    `?backend=${requested} is not a TensorFlow.js backend of this page (it has ${formatList(available)}), so the cells run on ${chosen}, the automatic choice. Use ${available.map((name) => `?backend=${name}`).join(', ')} or no ?backend= at all.`,
  /** The kernel itself (its code, TF.js) could not be loaded or started. */
  kernelFailed: (message: string) => `The notebook could not start: ${message}. Check the network connection and press Run again; if it keeps failing, reload the page.`,
  /** Folded console output: show `count` more of the `hidden` lines. */
  moreLines: (count: number, hidden: number) => `Show ${formatCount(count)} more line${count === 1 ? '' : 's'} (${formatCount(hidden)} not shown)`,
  /** A long string cut after its start. */
  moreCharacters: (hidden: number) => `Show more (${formatCount(hidden)} more character${hidden === 1 ? '' : 's'})`,
  /** Console lines past the output's memory limit, counted but not kept. */
  linesDropped: (count: number) => `… and ${formatCount(count)} more line${count === 1 ? '' : 's'}, not kept: a cell keeps about 5 MB of folded output`,
};
