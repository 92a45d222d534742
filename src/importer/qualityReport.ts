/**
 * The data-quality part of the dataset report, computed from labels and image fingerprints alone (no I/O):
 * exact duplicates, duplicates whose labels disagree, unreadable and non-RGB images, whether the file order
 * is sorted by class, and what duplicates do to the article's split compared with a leakage-free one.
 */
import type { DatasetReport, DuplicateGroupReport, OrderReport, SplitReport } from '../lib/datasetReport';
import { countLeakedValidationImages, groupAwareSplitIndices } from '../ml/groupSplit';
import { trainTestSplitIndices } from '../ml/split';
import { formatPercent } from '../lib/numbers';
import type { BinaryLabel, LabeledImage } from './labels';
import { isPlainRgb, type ImageInspection } from './packImages';

const ARTICLE_TEST_SIZE = 0.3;
const ARTICLE_SEED = 42;

// A runs count this many standard deviations below a random order's is no accident.
const GROUPED_RUNS_Z = -3;
// Halves whose emergency shares differ by this much (and more than chance, z > 3) make a head/tail split misleading.
const GROUPED_HALVES_DIFFERENCE = 0.1;
const GROUPED_HALVES_Z = 3;

export type QualityFindings = Pick<DatasetReport, 'sizes' | 'quality' | 'splits'> & {
  counts: Pick<DatasetReport['counts'], 'images' | 'emergency' | 'nonEmergency'>;
  warnings: string[];
};

/** `orderSource` names what lists the images in order in the explanation: "the CSV", "the folders". */
export function buildQualityReport(rows: readonly LabeledImage[], inspections: readonly ImageInspection[], orderSource = 'the CSV'): QualityFindings {
  if (rows.length !== inspections.length) throw new Error(`buildQualityReport: ${rows.length} rows but ${inspections.length} inspections`);
  const labels = rows.map((row) => row.label);
  const emergency = labels.filter((label) => label === 1).length;
  const groups = findDuplicateGroups(inspections.map((inspection) => inspection.pixelSha256));
  const duplicateGroups = groups.map((indices) => describeGroup(indices, rows, inspections));
  const warnings: string[] = [];
  if (emergency === 0 || emergency === rows.length) warnings.push(`every image has label ${labels[0]}: a classifier needs both classes`);

  let leakageFree: SplitReport;
  try {
    const split = groupAwareSplitIndices(rows.length, groups, { testSize: ARTICLE_TEST_SIZE, seed: ARTICLE_SEED });
    leakageFree = describeSplit(split.train, split.validation, labels, groups, split.moved, 'the article’s permutation, each group of identical images moved wholly to the side of its first image');
  } catch (error) {
    // Only when nearly every image is a duplicate; the article's split is still reported.
    warnings.push(`no leakage-free split: ${(error as Error).message}`);
    leakageFree = describeSplit([], [], labels, groups, 0, `not possible: ${(error as Error).message}`);
  }
  const article = trainTestSplitIndices(rows.length, { testSize: ARTICLE_TEST_SIZE, seed: ARTICLE_SEED });

  return {
    counts: { images: rows.length, emergency, nonEmergency: rows.length - emergency },
    sizes: countSizes(inspections),
    quality: {
      duplicateGroups,
      imagesInDuplicateGroups: groups.reduce((sum, group) => sum + group.length, 0),
      redundantImages: groups.reduce((sum, group) => sum + group.length - 1, 0),
      byteIdenticalGroups: duplicateGroups.filter((group) => group.distinctFiles === 1).length,
      conflictingGroups: duplicateGroups.filter((group) => new Set(group.labels).size > 1).length,
      unreadable: inspections.filter((inspection) => inspection.problem).map(({ name, problem }) => ({ name, problem: problem! })),
      notRgb: inspections
        .filter((inspection) => !inspection.problem && !isPlainRgb(inspection))
        .map(({ name, channels, space, hasAlpha }) => ({ name, channels, space, hasAlpha })),
      order: analyseOrder(labels, orderSource),
    },
    splits: {
      article: describeSplit(article.train, article.validation, labels, groups, 0, 'scikit-learn train_test_split(test_size=0.3, random_state=42), as in the article'),
      leakageFree,
    },
    warnings,
  };
}

/** Indices that share a key, as groups of two or more, each ascending, ordered by first index. Undefined keys never match. */
export function findDuplicateGroups(keys: readonly (string | undefined)[]): number[][] {
  const byKey = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const group = byKey.get(key);
    if (group) group.push(index);
    else byKey.set(key, [index]);
  });
  return [...byKey.values()].filter((group) => group.length > 1);
}

function describeGroup(indices: number[], rows: readonly LabeledImage[], inspections: readonly ImageInspection[]): DuplicateGroupReport {
  return {
    indices,
    names: indices.map((index) => rows[index].name),
    labels: indices.map((index) => rows[index].label),
    distinctFiles: new Set(indices.map((index) => inspections[index].fileSha256)).size,
  };
}

function countSizes(inspections: readonly ImageInspection[]): DatasetReport['sizes'] {
  const counts = new Map<string, { width: number; height: number; count: number }>();
  for (const { width, height, problem } of inspections) {
    if (problem) continue;
    const key = `${width}x${height}`;
    const entry = counts.get(key) ?? { width, height, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.width - b.width || a.height - b.height);
}

function describeSplit(
  train: readonly number[],
  validation: readonly number[],
  labels: readonly BinaryLabel[],
  groups: readonly number[][],
  moved: number,
  description: string,
): SplitReport {
  const emergencyIn = (indices: readonly number[]) => indices.filter((index) => labels[index] === 1).length;
  return {
    description,
    train: train.length,
    validation: validation.length,
    trainEmergency: emergencyIn(train),
    validationEmergency: emergencyIn(validation),
    leakedValidationImages: countLeakedValidationImages(train, validation, groups),
    moved,
  };
}

const share = (labels: readonly BinaryLabel[]) => (labels.length === 0 ? 0 : labels.filter((label) => label === 1).length / labels.length);


/**
 * Is the CSV order sorted by class? Counts runs of equal labels and compares them with a random order of the
 * same labels (Wald–Wolfowitz: mean 2·n₀·n₁/n + 1), and compares the class balance of the two halves.
 */
export function analyseOrder(labels: readonly BinaryLabel[], orderSource = 'the CSV'): OrderReport {
  const n = labels.length;
  const ones = labels.filter((label) => label === 1).length;
  const zeros = n - ones;

  let runs = 0;
  let longestRun = { label: labels[0] ?? 0, start: 0, length: 0 };
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && labels[end] === labels[start]) end++;
    runs++;
    if (end - start > longestRun.length) longestRun = { label: labels[start], start, length: end - start };
    start = end;
  }
  const expectedRuns = n === 0 ? 0 : (2 * ones * zeros) / n + 1;
  const variance = n > 1 ? ((expectedRuns - 1) * (expectedRuns - 2)) / (n - 1) : 0;
  const runsStandardDeviation = Math.sqrt(Math.max(0, variance));
  const z = runsStandardDeviation > 0 ? (runs - expectedRuns) / runsStandardDeviation : 0;

  const half = Math.floor(n / 2);
  const firstHalfEmergency = share(labels.slice(0, half));
  const secondHalfEmergency = share(labels.slice(half));
  const trainCount = n - Math.ceil(ARTICLE_TEST_SIZE * n);
  const headTailSplit = { trainEmergency: share(labels.slice(0, trainCount)), validationEmergency: share(labels.slice(trainCount)) };

  const bothClasses = ones > 0 && zeros > 0;
  const halvesDiffer = Math.abs(firstHalfEmergency - secondHalfEmergency) >= GROUPED_HALVES_DIFFERENCE && halvesZ(labels, half) > GROUPED_HALVES_Z;
  const verdict: OrderReport['verdict'] = bothClasses && runs === 2 ? 'sorted' : bothClasses && (z < GROUPED_RUNS_Z || halvesDiffer) ? 'grouped' : 'shuffled';

  const headTail = `a split that trains on the first 70 % and validates on the last 30 % would train on ${formatPercent(headTailSplit.trainEmergency)} emergency images and validate on ${formatPercent(headTailSplit.validationEmergency)}`;
  const firstBlock = bothClasses ? labels.indexOf(labels[0] === 1 ? 0 : 1) : n;
  const className = (label: BinaryLabel) => (label === 1 ? 'emergency' : 'non-emergency');
  const explanation = !bothClasses
    ? `Only one class (${className(labels[0] ?? 0)}) is present, so the order says nothing.`
    : verdict === 'sorted'
      ? `Sorted by class: ${orderSource} list${orderSource.endsWith('s') ? '' : 's'} all ${firstBlock} ${className(labels[0])} images first (rows 1–${firstBlock}), then all ${n - firstBlock} ${className(labels[firstBlock])} ones. ${capitalise(headTail)}; shuffle before splitting (train_test_split does).`
      : verdict === 'grouped'
        ? `Grouped by class: ${runs} runs of one label where a random order gives ${expectedRuns.toFixed(0)} ± ${runsStandardDeviation.toFixed(0)}; the first half is ${formatPercent(firstHalfEmergency)} emergency, the second ${formatPercent(secondHalfEmergency)}. ${capitalise(headTail)}; shuffle before splitting.`
        : `Not grouped by class: ${runs} runs of one label (a random order gives ${expectedRuns.toFixed(0)} ± ${runsStandardDeviation.toFixed(0)}); the halves are ${formatPercent(firstHalfEmergency)} and ${formatPercent(secondHalfEmergency)} emergency.`;

  return { verdict, explanation, longestRun, runs, expectedRuns, runsStandardDeviation, firstHalfEmergency, secondHalfEmergency, headTailSplit };
}

/** Two-proportion z statistic of the emergency share in labels[0, half) against labels[half, n). */
function halvesZ(labels: readonly BinaryLabel[], half: number): number {
  const n = labels.length;
  if (half === 0 || half === n) return 0;
  const p1 = share(labels.slice(0, half));
  const p2 = share(labels.slice(half));
  const pooled = share(labels);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / half + 1 / (n - half)));
  return standardError > 0 ? Math.abs(p1 - p2) / standardError : 0;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
