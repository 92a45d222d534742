/**
 * The dataset report: what the importer found in a dataset (counts, sizes, duplicates, label conflicts,
 * class order, and what that means for the splits). Written by the importer (src/importer/runImport.ts)
 * next to the payload's manifest as report.json, by the command line and in the page alike; read by the
 * data page. No Node or DOM APIs: the browser parses it too.
 */
import { z } from 'zod';

export const REPORT_FORMAT = 1;
export const REPORT_FILE = 'report.json';

const count = () => z.number().int().nonnegative();
const fraction = () => z.number().min(0).max(1);
const label = () => z.union([z.literal(0), z.literal(1)]);

const duplicateGroupSchema = z.strictObject({
  /** Indices in CSV (= manifest) order, ascending. */
  indices: z.array(count()).min(2),
  names: z.array(z.string()).min(2),
  labels: z.array(label()).min(2),
  /** How many different files hold these pixels: 1 means the files are byte-identical too. */
  distinctFiles: count(),
});

const splitSchema = z.strictObject({
  description: z.string(),
  train: count(),
  validation: count(),
  trainEmergency: count(),
  validationEmergency: count(),
  /** Validation images with an identical image in the training set: they inflate validation accuracy. */
  leakedValidationImages: count(),
  /** Images on the other side than in the article's split (0 for the article's split itself). */
  moved: count(),
});

const orderSchema = z.strictObject({
  /** "sorted": each class is one block; "grouped": far from a random order; "shuffled": looks random. */
  verdict: z.enum(['sorted', 'grouped', 'shuffled']),
  explanation: z.string(),
  longestRun: z.strictObject({ label: label(), start: count(), length: count() }),
  /** Runs of equal labels in CSV order, and what a random order of the same labels gives (mean, sd). */
  runs: count(),
  expectedRuns: z.number(),
  runsStandardDeviation: z.number(),
  firstHalfEmergency: fraction(),
  secondHalfEmergency: fraction(),
  /** Emergency share of a naive split that takes the first 70 % for training and the last 30 % for validation. */
  headTailSplit: z.strictObject({ trainEmergency: fraction(), validationEmergency: fraction() }),
});

const datasetReportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT),
  createdAt: z.string().datetime(),
  dataset: z.strictObject({ id: z.string(), title: z.string(), source: z.enum(['generated', 'imported']), origin: z.string() }),
  /** The imported file or folder, by name only (a full path would publish the importer's machine layout). */
  input: z.strictObject({ name: z.string(), layout: z.enum(['article', 'kaggle', 'folders']), zip: z.boolean() }),
  counts: z.strictObject({ images: count(), emergency: count(), nonEmergency: count(), unlabelled: count() }),
  /** Images without a label (Kaggle's test.csv): kept out of the payload, listed here. */
  unlabelled: z.array(z.string()),
  /** Files in the image folders that no CSV names: ignored. */
  unlisted: z.array(z.string()),
  sizes: z.array(z.strictObject({ width: count(), height: count(), count: count() })),
  /** Images re-encoded as 224×224 RGB JPEG for the payload because they were another size, format or colour space. */
  normalised: count(),
  quality: z.strictObject({
    duplicateGroups: z.array(duplicateGroupSchema),
    imagesInDuplicateGroups: count(),
    /** Copies beyond the first of each group: images that add nothing new. */
    redundantImages: count(),
    byteIdenticalGroups: count(),
    conflictingGroups: count(),
    unreadable: z.array(z.strictObject({ name: z.string(), problem: z.string() })),
    notRgb: z.array(z.strictObject({ name: z.string(), channels: count(), space: z.string(), hasAlpha: z.boolean() })),
    order: orderSchema,
  }),
  splits: z.strictObject({ article: splitSchema, leakageFree: splitSchema }),
  payload: z.strictObject({ spriteBytes: z.record(z.string(), count()), originalBytes: count() }).optional(),
  warnings: z.array(z.string()),
  /** Wall time of the import up to writing the report (the command line's copy under data/reports also counts the swap). */
  seconds: z.number().nonnegative().optional(),
});

export type DatasetReport = z.infer<typeof datasetReportSchema>;
export type DuplicateGroupReport = z.infer<typeof duplicateGroupSchema>;
export type SplitReport = z.infer<typeof splitSchema>;
export type OrderReport = z.infer<typeof orderSchema>;

/** Validates report JSON; throws naming the first few fields that are wrong. */
export function parseDatasetReport(json: unknown, source = REPORT_FILE): DatasetReport {
  const parsed = datasetReportSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`invalid dataset report ${source}: ${problems.join('; ')}`);
}

/** A group of identical images labelled both emergency and non-emergency. */
export function isConflictingGroup(group: DuplicateGroupReport): boolean {
  return new Set(group.labels).size > 1;
}


/** "5.52 MB" */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
