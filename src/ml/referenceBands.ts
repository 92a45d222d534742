/**
 * Reference results of a lesson (issue 16): what its training cells gave on several seeds of the same
 * dataset, kept as each curve's per-epoch min, median and max and the final figures' spread, so a figure
 * can show the band before the reader runs anything and their own curve over it after. Plain data, shared
 * by `npm run references` (which makes them), the build (which draws them) and the page (which compares).
 * No DOM, no Node APIs.
 */
import type { EpochLogs } from './train';
import { textHash } from '../lib/textHash';

export const REFERENCE_FORMAT = 1;

/** The curves a training figure draws, by their history keys. */
const REFERENCE_CURVES = ['loss', 'val_loss', 'acc', 'val_acc'] as const;
export type ReferenceCurve = (typeof REFERENCE_CURVES)[number];

/** One curve over the seeds, epoch by epoch (index 0 is epoch 1); an epoch only some runs reached uses those. */
export interface Band {
  min: number[];
  median: number[];
  max: number[];
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** The reference of one training cell: the run it makes, over every seed. */
export interface ReferenceFigure {
  /** The training cell's id (its data-cell). */
  cell: string;
  /** The run's name in the run log ("MLP, no dropout"). */
  label: string;
  /** {@link cellsHash} of the lesson's cells up to and including this one: what the runs were made from. */
  cellsHash: string;
  /** How many of the seeds' runs reached each epoch (fewer where early stopping ended some). */
  runs: number[];
  curves: Partial<Record<ReferenceCurve, Band>>;
  /** The last epoch's figures and the number of epochs run, over the seeds. */
  final: { epochs: Spread } & Partial<Record<ReferenceCurve, Spread>>;
}

export interface ReferenceDataset {
  id: string;
  title: string;
  source: 'generated' | 'imported';
  /** {@link manifestHash} of the payload the runs trained on. */
  manifestHash: string;
}

/** A lesson's references on one dataset: references/<dataset>.json in the lesson's folder. */
export interface LessonReference {
  format: typeof REFERENCE_FORMAT;
  lesson: string;
  dataset: ReferenceDataset;
  seeds: number[];
  /** The epoch cap the runs had (the page's ?maxEpochs), or null for the cells' own epochs. */
  maxEpochs: number | null;
  /** When it was made (ISO date). */
  made: string;
  figures: ReferenceFigure[];
}

/** What a lesson page carries of its reference (src/lessons/pageData.ts): data in the HTML, read when a cell trains. */
export interface PageReference {
  reference: LessonReference;
  /** The manifest hash of the dataset the site serves as its own. */
  builtInManifestHash: string;
}

/** What a lesson's cells are, for the hashes: id and code. */
export interface CellCode {
  id: string;
  source: string;
}

// The seed line a reader (and `npm run claims`) edits: the band is over seeds, so another seed keeps it current.
const SEED_LINE = /^const seed = \d+;$/m;

/** A hash of cells' code, the seed's value left out: changes when the code that trains changes. */
export function cellsHash(cells: readonly CellCode[]): string {
  return textHash(cells.map((cell) => `${cell.id}\n${cell.source.replace(SEED_LINE, 'const seed = ?;')}`).join('\n\u0000\n'));
}

/** The cells that train (they call the lesson library's `fit`), in run order: one run each per Run all. */
export function trainingCells<T extends CellCode>(cells: readonly T[]): T[] {
  return cells.filter((cell) => /(^|[^.\w$])fit\s*\(/m.test(cell.source));
}

/** What identifies a dataset payload's content: its id, names, labels and the images' checksums. */
export interface ManifestIdentity {
  dataset: { id: string };
  count: number;
  names: readonly string[];
  labels: readonly number[];
  resolutions: Record<string, object>;
}

export function manifestHash(manifest: ManifestIdentity): string {
  const checksums = Object.keys(manifest.resolutions).sort().flatMap((key) => {
    const resolution = manifest.resolutions[key] as { shards?: Array<{ sha256: string }> };
    return [key, ...(resolution.shards ?? []).map((shard) => shard.sha256)];
  });
  return textHash(JSON.stringify([manifest.dataset.id, manifest.count, manifest.names, manifest.labels, checksums]));
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** Min, median and max of some numbers (the median of an even count is the mean of the middle two). */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('no values to spread');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { min: round(sorted[0]!), median: round(median), max: round(sorted.at(-1)!) };
}

/** Each curve's band over runs of the same cell (one history per seed), epoch by epoch. */
export function bandsOf(histories: readonly (readonly EpochLogs[])[]): Pick<ReferenceFigure, 'runs' | 'curves' | 'final'> {
  const finite = histories.filter((epochs) => epochs.length > 0);
  if (finite.length === 0) throw new Error('no run with an epoch to make a band of');
  const longest = Math.max(...finite.map((epochs) => epochs.length));
  const runs = Array.from({ length: longest }, (_, i) => finite.filter((epochs) => epochs.length > i).length);
  const curves: ReferenceFigure['curves'] = {};
  const final: ReferenceFigure['final'] = { epochs: spreadOf(finite.map((epochs) => epochs.length)) };
  for (const curve of REFERENCE_CURVES) {
    if (!finite.every((epochs) => epochs.every((logs) => logs[curve] !== undefined && Number.isFinite(logs[curve])))) continue;
    const band: Band = { min: [], median: [], max: [] };
    for (let i = 0; i < longest; i++) {
      const spread = spreadOf(finite.flatMap((epochs) => (i < epochs.length ? [epochs[i]![curve]!] : [])));
      band.min.push(spread.min);
      band.median.push(spread.median);
      band.max.push(spread.max);
    }
    curves[curve] = band;
    final[curve] = spreadOf(finite.map((epochs) => epochs.at(-1)![curve]!));
  }
  return { runs, curves, final };
}

export interface ReferenceInput {
  lesson: string;
  cells: readonly CellCode[];
  /** Each seed's recorded runs of the lesson's Run all, in the order they ran. */
  runsBySeed: ReadonlyMap<number, ReadonlyArray<{ label: string; epochs: readonly EpochLogs[] }>>;
  dataset: ReferenceDataset;
  maxEpochs: number | null;
  made: Date;
}

/**
 * The lesson's reference: the i-th recorded run of every seed belongs to the i-th training cell. Throws,
 * naming the lesson and seed, when a seed recorded another number of runs than the lesson has training cells.
 */
export function lessonReference(input: ReferenceInput): LessonReference {
  const training = trainingCells(input.cells);
  const seeds = [...input.runsBySeed.keys()].sort((a, b) => a - b);
  if (seeds.length === 0) throw new Error(`${input.lesson}: no seed's runs to make a reference from`);
  for (const seed of seeds) {
    const count = input.runsBySeed.get(seed)!.length;
    if (count !== training.length) {
      throw new Error(`${input.lesson}, seed ${seed}: ${count} recorded run${count === 1 ? '' : 's'}, but the lesson has ${training.length} training cell${training.length === 1 ? '' : 's'} (${training.map((cell) => cell.id).join(', ')})`);
    }
  }
  const figures = training.map((cell, index) => {
    const runs = seeds.map((seed) => input.runsBySeed.get(seed)![index]!);
    const upTo = input.cells.slice(0, input.cells.indexOf(cell) + 1);
    return { cell: cell.id, label: runs[0]!.label.replace(/ #\d+$/, ''), cellsHash: cellsHash(upTo), ...bandsOf(runs.map((run) => run.epochs)) };
  });
  return { format: REFERENCE_FORMAT, lesson: input.lesson, dataset: input.dataset, seeds, maxEpochs: input.maxEpochs, made: input.made.toISOString().slice(0, 10), figures };
}

/** Whether a dataset is the course's own generated one, whose references may be committed. */
export function isDefaultDataset(dataset: Pick<ReferenceDataset, 'id' | 'source'>): boolean {
  return dataset.source === 'generated' && dataset.id === 'default';
}

export const isDefaultReference = (reference: Pick<LessonReference, 'dataset'>): boolean => isDefaultDataset(reference.dataset);

/** Whether a figure's reference applies to a run: current, or why not. */
export type ReferenceStatus = 'current' | 'cells-changed' | 'other-dataset';

/** Compares a figure's reference with the cells (all of the lesson's, in order) and the dataset of a run. */
export function referenceStatus(reference: Pick<LessonReference, 'dataset'>, figure: Pick<ReferenceFigure, 'cell' | 'cellsHash'>, run: { cells: readonly CellCode[]; manifestHash?: string }): ReferenceStatus {
  if (run.manifestHash !== undefined && run.manifestHash !== reference.dataset.manifestHash) return 'other-dataset';
  const index = run.cells.findIndex((cell) => cell.id === figure.cell);
  if (index < 0 || cellsHash(run.cells.slice(0, index + 1)) !== figure.cellsHash) return 'cells-changed';
  return 'current';
}
