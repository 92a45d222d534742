/**
 * The course's English words: one table, by area, for everything a reader reads that is not lesson prose.
 * It is the source of the table's shape: every other language (zh.ts) must have the same keys, with the same
 * kinds of values (a string, or a function of the values it shows). `src/i18n/index.ts` says how to use it.
 *
 * Areas are separate exports so a page script that needs one area (the notebook controls) bundles only that.
 */
import { formatCount, formatList } from '../notebook/format';

/** The site's chrome: header, footer, navigation, language switch, offline notices. */
export const site = {
  htmlLang: 'en',
  siteTitle: 'Emergency vehicles with a neural network',
  defaultDescription: 'Train a neural network on emergency vehicle images, in your browser.',
  skip: 'Skip to content',
  searchLabel: 'Search the lessons',
  searchButton: 'Search',
  darkMode: 'Dark mode',
  languageName: 'English',
  switchTo: '中文',
  switchLabel: '阅读中文版',
  datasetPrefix: 'Dataset:',
  useBuiltIn: 'Use the built-in dataset',
  datasetBadgeTitle: (count: number, emergency: number) => `${count} images, ${emergency} emergency`,
  footer: 'An interactive course after the article "Improving deep learning models" (Analytics Vidhya). Everything runs in your browser; nothing is sent anywhere.',
  offlineSaving: 'Saving the course for offline use…',
  offlineSaved: 'Saved for offline use: the lessons and the dataset now work without a network on this device.',
  offlineFailed: 'The course could not be saved for offline use',
  offlineUnsupported: 'This browser cannot keep the course for offline use (no service workers, e.g. a private window).',
  /** The service worker's page for an address it has not saved, while offline. */
  offlinePageTitle: 'You are offline',
  offlinePageText: 'This page is not saved on this device, and the network cannot be reached. The lessons saved for offline use still work: open them from the list of lessons, or try this address again once you are online.',
  allLessons: 'All lessons',
  lessonsNav: 'Lessons',
  onThisPage: 'On this page',
  inArticle: 'In the article:',
  /** Beside a lesson shown in English on a page in another language. */
  untranslated: '(not yet translated: in English)',
};

/** The course's front page. */
export const courseIndex = {
  title: 'Course',
  heading: 'Why early stopping, dropout and batch normalization help a network',
  lead: 'A hands-on course: you train a small neural network (a multilayer perceptron) to tell emergency vehicles — ambulances, police cars, fire trucks — from other vehicles, right here in the browser. Every code cell is TypeScript you can edit and run. Then, one lesson at a time, you add the techniques that make it generalise.',
  datasetBefore: 'The active dataset is ',
  datasetAfter: (count: number, emergency: number, generated: boolean) =>
    `: ${count} images, ${emergency} of them emergency vehicles (${generated ? "drawn by the project's own generator, so the course works with no download" : 'imported by your instructor'}).`,
  dataLink: 'What is in the dataset',
  dataRest: ': counts, identical images, label conflicts, class order and the two splits.',
  lessons: 'Lessons',
};

/** The search page (its script gets these strings as data: no functions here). */
export const search = {
  title: 'Search',
  heading: 'Search the lessons',
  label: 'Words to find',
  button: 'Search',
  loading: 'Searching…',
  none: 'No lesson mentions',
  /** Before the query, by count (Intl.PluralRules category): "1 lesson mentions", "3 lessons mention". */
  results: { one: 'lesson mentions', other: 'lessons mention' },
  unavailable: 'Search is available on the built site (npm run build builds its index with Pagefind).',
  prompt: 'Type a word or two: dropout, patience, overfitting…',
};

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

/** What the lesson library prints about a training run, beside its curves. */
export const training = {
  /** The two classes, by label: 0 and 1. */
  classNames: ['non-emergency', 'emergency'] as [string, string],
  /** Validation accuracy sat at the majority class's share: the network answered that class for every image. */
  majorityPlateau: ({ from, to, rate, majority, minority }: { from: number; to: number; rate: string; majority: string; minority: string }) =>
    `${from === to ? `In epoch ${from}` : `From epoch ${from} to ${to}`} validation accuracy stayed at ${rate}, the share of ${majority} images in the validation set: ` +
    `the network answered "${majority}" for every image. That is where a network starts when the class balance is the only pattern it has found yet — ` +
    `answering the larger class is right ${rate} of the time, and the loss rewards it before the first layer has learned any feature of ${minority} vehicles. ` +
    'It usually ends by itself: keep training. A larger learning rate, batch normalization or inputs scaled to mean 0 get the network off it sooner.',
};

/** Exercises (issue 13): their buttons and the framework's own verdicts; each check's messages live with the exercise. */
export const exercises = {
  label: (id: string) => `Exercise: ${id}`,
  heading: 'Exercise',
  check: 'Check',
  hint: 'Hint',
  solution: 'Show solution',
  reset: 'Reset',
  checking: 'Checking…',
  hintLabel: (n: number, total: number) => `Hint ${n} of ${total}`,
  noMoreHints: 'That was the last hint.',
  confirmSolution: 'Show the solution? It replaces your code in the cell (Reset brings the starter back).',
  solutionsHidden: 'Solutions are not part of this build of the course: ask your instructor.',
  state: { unattempted: 'Not attempted yet', incorrect: 'Not yet', correct: 'Correct ✓' },
  starterUnchanged: 'This is still the starter code: fill in the blanks (____), then press Check.',
  blanksLeft: (count: number) => `${count} blank${count === 1 ? '' : 's'} (____) still to fill in.`,
  readerError: (message: string) => `Your code stopped with an error, shown under the cell: ${message}`,
  readerCallError: (message: string) => `Your code threw an error when the check called it: ${message}`,
  checkerFailed: (message: string) => `The check itself failed (a bug in the course, not in your code): ${message}`,
  predictQuestion: 'Your prediction, before you run it:',
  predictFirst: 'Pick your prediction first: then press Check to run your code.',
  yourPrediction: 'You predicted:',
  whatHappened: 'What happened:',
  solvedBefore: 'You solved this exercise before on this device.',
  /** The course index. */
  progress: (done: number, total: number) => `${done} / ${total}${done === total ? ' ✓' : ''}`,
  progressLabel: (done: number, total: number) => `Exercises done: ${done} of ${total}`,
  resetProgress: 'Reset my progress',
  confirmResetProgress: 'Forget which exercises you solved, in every lesson? Your code in the cells is kept.',
};

/** Bringing one's own data into the page: the data page's import panel, chooseDataset() and the header. */
export const dataImport = {
  heading: 'Use your own data',
  intro: 'Drop the article’s Dataset.zip, a folder in the article’s or the Kaggle layout, or two folders of your own photos (emergency/ and other/, JPEG, PNG or WebP, any size). It is checked as the command line checks it, packed for 32, 64 and 224 pixels, and kept in this browser. Nothing is uploaded.',
  nameLabel: 'Name',
  namePlaceholder: 'e.g. My photos',
  pickZip: 'Choose a zip…',
  pickFolder: 'Choose a folder…',
  dropHere: 'or drop a zip, a folder, or the two folders of photos here',
  cancel: 'Cancel',
  phase: { reading: 'Reading and checking the labels', packing: 'Checking and resizing the images', encoding: 'Packing the sprite sheets' } as Record<string, string>,
  progress: (phase: string, done: number, total: number) => `${phase}: ${formatCount(done)} of ${formatCount(total)}`,
  imported: (title: string, megabytes: string, seconds: string) => `Imported “${title}” (${megabytes} MB stored in this browser) in ${seconds} s. It is now the active dataset of every lesson.`,
  failed: 'Nothing was imported:',
  storedHeading: 'Datasets in this browser',
  builtIn: 'Built-in dataset (with the course)',
  images: (count: number) => `${formatCount(count)} images`,
  use: 'Use',
  active: 'active',
  remove: 'Delete',
  noneStored: 'None yet.',
  activeHeading: (title: string) => `What the active dataset looks like: ${title}`,
  samples: (className: string) => `A sample of ${className} images`,
  duplicateGroups: (count: number) => `${formatCount(count)} groups of identical images`,
  conflicts: (count: number) => `${formatCount(count)} groups of identical images with different labels`,
  labelsDisagree: 'labels disagree',
  chooseHeading: 'Choose the dataset for this page',
  chosen: (title: string) => `Dataset: ${title}. loadDataset() now loads it.`,
  missing: (id: string) => `The stored dataset “${id}” is no longer in this browser; the built-in dataset is used.`,
};

/** tryYourPhoto(model) in a lesson's evaluation. */
export const photoTrial = {
  heading: 'Try it on your own photo',
  intro: (size: number) => `Choose a photo, drop one here, or paste one (Ctrl+V with this panel focused). It is shown as the network sees it: ${size}×${size} pixels. Nothing leaves your browser.`,
  pick: 'Choose a photo…',
  camera: 'Use the camera',
  snap: 'Take the photo',
  verdict: (probability: number, threshold: number, emergency: boolean) => `Probability of an emergency vehicle: ${(100 * probability).toFixed(1)} % → ${emergency ? 'emergency' : 'not an emergency'} (threshold ${threshold.toFixed(2)}).`,
  unreadable: (message: string) => `This photo cannot be used: ${message}.`,
  noCamera: (message: string) => `The camera is not available: ${message}.`,
};

/** Words of the figures the lesson library draws into cell outputs: the decision threshold, curves, hints, weights. */
export const figures = {
  thresholdLabel: 'Decision threshold',
  thresholdHelp: 'An image is called emergency when the model’s probability is above the threshold. Move it (arrow keys work) to trade missed emergency vehicles for false alarms.',
  thresholdSummary: ({ threshold, missed, emergencies, alarms, others, accuracy }: { threshold: string; missed: number; emergencies: number; alarms: number; others: number; accuracy: string }) =>
    `At threshold ${threshold}: ${missed} of ${emergencies} emergency vehicles missed (false negatives), ${alarms} of ${others} other vehicles flagged as emergency (false positives); accuracy ${accuracy}.`,
  thresholdValueText: (threshold: string, missed: number, alarms: number) => `${threshold}: ${missed} missed, ${alarms} false alarms`,
  costLabel: (n: string) => `A missed emergency costs as much as ${n} false alarms`,
  costBefore: 'A missed emergency costs as much as',
  costAfter: 'false alarms',
  costSuggestion: ({ threshold, cost, missed, alarms }: { threshold: string; cost: string; missed: number; alarms: number }) =>
    `Lowest cost at threshold ${threshold}: ${missed} missed, ${alarms} false alarms (cost ${cost} false alarms).`,
  costUse: (threshold: string) => `Use threshold ${threshold}`,
  costInvalid: (value: string) => `"${value}" is not a number of false alarms (0 or more); the suggestion is kept as it was.`,
  rocTitle: (auc: string) => `ROC curve (area ${auc})`,
  rocX: 'false positive rate (other vehicles flagged, %)',
  rocY: 'true positive rate (emergencies caught, %)',
  prTitle: (ap: string) => `Precision–recall curve (average precision ${ap})`,
  prX: 'recall (emergencies caught, %)',
  prY: 'precision (flagged that are emergency, %)',
  curvesCaption: (threshold: string, auc: string, ap: string) =>
    `The dot on each curve is the current threshold, ${threshold}. Area under the ROC curve ${auc} (0.5 is guessing, 1 a perfect ranking); average precision ${ap}.`,
  missedAt: (threshold: string, shown: number, missed: number) =>
    missed === 0 ? `No emergency vehicle is missed at threshold ${threshold}.` : `Missed emergency vehicles at threshold ${threshold}${shown < missed ? ` (the first ${shown} of ${missed})` : ''}:`,
  cellButton: (count: number, what: string) => `${count}: show the ${what}`,
  cellNames: { trueNegatives: 'other vehicles called other', falsePositives: 'false alarms (other vehicles called emergency)', falseNegatives: 'missed emergency vehicles', truePositives: 'emergency vehicles caught' },
  cellHeading: (what: string, count: number, threshold: string) => `${count} ${what} at threshold ${threshold}`,
  cellEmpty: 'No image in this cell.',
  cellPage: (from: number, to: number, total: number) => `Images ${from}–${to} of ${total}`,
  previous: 'Previous',
  next: 'Next',
  close: 'Close',
  probability: (name: string, p: string) => `${name} · p = ${p}`,
  weightsSummary: 'Weights: the first layer’s units as pictures, and each layer’s weights over the epochs',
  unitsCaption: (units: number, size: number, epoch: number) =>
    `Each square is one of the first layer’s ${units} units: its ${size}×${size}×3 weights drawn where their pixels are (the three colours averaged), after epoch ${epoch}. Orange: a bright pixel there raises the unit’s output; blue: it lowers it; white: ignored. Each unit is scaled to its own largest weight. Noisy speckle is memorising; smooth blobs are shapes.`,
  unitsLabel: (units: number, epoch: number) => `The first layer's ${units} units as weight pictures after epoch ${epoch}`,
  histogramTitle: (layer: string) => `${layer}: weights per epoch`,
  histogramX: 'weight value',
  histogramY: 'epoch',
  histogramCaption: (rows: string) => `Darker means more weights with that value in that epoch. Spread (standard deviation) of each layer’s weights: ${rows}.`,
  histogramRow: (layer: string, first: string, last: string, epochs: number) => `${layer} ${first} at epoch 1, ${last} at epoch ${epochs}`,
  comparisonHeading: 'First-layer weights of the runs made in this browser',
  comparisonItem: (lesson: string, epochs: number, date: string) => `${lesson}, ${epochs} epochs, ${date}`,
};

/** Hints under a training cell's output, triggered by what the run did (src/ml/runHints.ts). */
export const hints = {
  heading: 'What this run shows',
  nonFinite: (epoch: number, metric: string) =>
    `The ${metric === 'loss' ? 'training' : 'validation'} loss became NaN or infinite at epoch ${epoch}, so training was stopped there: the weights are no longer numbers, and more epochs cannot repair them. The usual cause is a learning rate too high for the inputs (or inputs not scaled to [0, 1]). Lower the learning rate (e.g. by 10×), rebuild the model and train again.`,
  noMovement: (epochs: number, change: string) =>
    `The training loss moved by only ${change} over the first ${epochs} epochs: the weights are barely changing. A learning rate too small for this input size does this — the article's 1e-5 is tuned for 224×224 images; at 64×64 each weight gets far less gradient, which is why the lessons scale it up.`,
  validationAboveTraining: (epochs: number, total: number) =>
    `Validation accuracy was above training accuracy in ${epochs} of ${total} epochs. With dropout that is expected, not a mistake: training accuracy is measured on the thinned network (units dropped at random, and averaged over an epoch while the weights still change), validation accuracy on the full network at the epoch's end.`,
  overfitting: (epoch: number, loss: string, after: number) =>
    `The overfitting point: validation loss last fell by more than the course's min delta (0.01) at epoch ${epoch} (${loss}), and has not for the ${after} epochs since. From there on the network fits the training images better and new images worse — what early stopping and checkpointing (lessons 2 and 6) act on.`,
};

/** Reference bands of the training figures (issue 16): several seeded runs made when the course was built. */
export const references = {
  label: (runs: number, dataset: string) => `Reference: ${runs} runs made when the course was built, ${dataset}`,
  defaultDataset: 'default dataset',
  capped: (epochs: number) => ` (training capped at ${epochs} epochs)`,
  explain: 'Shaded: from the lowest to the highest of the runs, epoch by epoch; dashed: their median. Run the cell to draw your own run over it.',
  final: (what: string, low: string, high: string, median: string, epochs: string) => `Final ${what}: ${low} to ${high} (median ${median}) after ${epochs} epochs.`,
  validationAccuracy: 'validation accuracy',
  trainingAccuracy: 'training accuracy',
  behindRun: (runs: number) => `Behind your run: the band and dashed median of the ${runs} reference runs. A curve inside the band is seed-to-seed noise; outside it is a real difference.`,
  cellsChanged: 'Stale: the lesson’s cells differ from those this reference was made from (other than the seed); run `npm run references` to make it again.',
  otherDataset: 'This reference is for the default dataset; run `npm run references` for yours.',
  edited: 'You edited a cell of this lesson: this reference was made from its cells as published. Run the cell to see whether it still applies.',
  chart: (metric: string, runs: number) => `${metric} per epoch: band and median of ${runs} reference runs, training and validation`,
};
