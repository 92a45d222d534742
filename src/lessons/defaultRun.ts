/**
 * What a lesson's seeded default run (seed 1, on the generated default dataset) showed, as the few
 * figures its prose quotes under "What to expect on the default data" (issue 12, item 4).
 *
 * `npm run default-run -- --from <claims --json files>` writes each lesson's
 * references/seed-1.json from a `npm run claims` run; test/lessons/defaultRunProse.test.ts fails
 * when the prose (English or Chinese) quotes another figure, or when the lesson's cells or the
 * generator changed since that run was made — so the prose cannot drift from what a reader runs.
 */
import type { RunRecord } from '../ml/runLog';
import { overfittingPoint } from '../viz/overfitting';

export const DEFAULT_RUN_FILE = 'seed-1.json';
export const DEFAULT_RUN_SEED = 1;

/** One training run of the lesson, reduced to what the prose can quote. */
export interface RunFacts {
  label: string;
  epochs: number;
  stopReason: RunRecord['stopReason'];
  /** The last epoch's training and validation accuracy (0–1) and validation loss. */
  final: { acc: number; val_acc: number; val_loss: number };
  /** The epoch of the lowest validation loss. */
  lowest: { epoch: number; val_loss: number };
  /** The overfitting point by the course's rule (min delta 0.01, patience 5), or null while still improving. */
  overfittingEpoch: number | null;
  bestValAcc: { epoch: number; val_acc: number };
}

export interface DefaultRun {
  format: 1;
  lesson: string;
  seed: number;
  /** The generator that drew the dataset the run used (scripts/synthetic/generateDataset.ts). */
  generator: { version: number; count: number; labelNoise: number };
  /** src/ml/referenceBands.ts's cellsHash of the lesson's cells when the run was made. */
  cellsHash: string;
  runs: RunFacts[];
  /** Cell outputs the prose quotes (early stopping's restored losses). */
  outputs: Record<string, string>;
}

export function runFacts(run: RunRecord): RunFacts {
  const epochs = run.epochs.filter((logs) => logs.val_loss !== undefined && logs.val_acc !== undefined);
  if (epochs.length === 0) throw new Error(`run "${run.label}" has no epoch with validation figures`);
  const end = epochs.at(-1)!;
  const lowest = epochs.reduce((low, logs) => (logs.val_loss! < low.val_loss! ? logs : low));
  const best = epochs.reduce((top, logs) => (logs.val_acc! > top.val_acc! ? logs : top));
  return {
    label: run.label,
    epochs: run.epochs.length,
    stopReason: run.stopReason,
    final: { acc: end.acc, val_acc: end.val_acc!, val_loss: end.val_loss! },
    lowest: { epoch: lowest.epoch, val_loss: lowest.val_loss! },
    overfittingEpoch: overfittingPoint(epochs)?.bestEpoch ?? null,
    bestValAcc: { epoch: best.epoch, val_acc: best.val_acc! },
  };
}

const percent = (fraction: number) => (100 * fraction).toFixed(1);
const gapPoints = (run: RunFacts) => (100 * (run.final.acc - run.final.val_acc)).toFixed(1);

function find(run: DefaultRun, match: string): RunFacts {
  const found = run.runs.find((candidate) => candidate.label.includes(match));
  if (!found) throw new Error(`${run.lesson}: the seed-1 run has no run labelled "…${match}…" (it has ${run.runs.map((r) => `"${r.label}"`).join(', ')})`);
  return found;
}

/**
 * The figures each lesson's prose quotes, by name (the name says what the figure is). A lesson
 * missing here quotes none. Percentages have one decimal, as the page prints them.
 */
export const QUOTED: Record<string, (run: DefaultRun) => Record<string, string>> = {
  '01-baseline': (run) => {
    const base = run.runs[0]!;
    return {
      'training accuracy %': percent(base.final.acc),
      'validation accuracy %': percent(base.final.val_acc),
      'gap (points)': gapPoints(base),
      'marked epoch (min delta 0.01, patience 5)': String(base.overfittingEpoch ?? 'none'),
      'lowest validation loss, epoch': String(base.lowest.epoch),
    };
  },
  '02-early-stopping': (run) => {
    const five = find(run, 'patience 5');
    const ten = find(run, 'patience 10');
    const restored = /Restored \(epoch (\d+)\): validation loss (\d+\.\d+)/.exec(run.outputs.restore ?? '');
    const last = /Last epoch \(\d+\): validation loss (\d+\.\d+)/.exec(run.outputs.restore ?? '');
    return {
      'patience 5 stopped after epoch': String(five.epochs),
      'patience 10 stopped after epoch': String(ten.epochs),
      'restored epoch': restored?.[1] ?? '(no restore output)',
      'last epoch validation loss': last?.[1] ?? '(no restore output)',
      'restored validation loss': restored?.[2] ?? '(no restore output)',
    };
  },
  '03-dropout': (run) => {
    const plain = find(run, 'no dropout');
    const dropout = find(run, '+ dropout');
    return {
      'gap without dropout (points)': gapPoints(plain),
      'gap with dropout (points)': gapPoints(dropout),
      'validation accuracy without dropout %': percent(plain.final.val_acc),
      'validation accuracy with dropout %': percent(dropout.final.val_acc),
      'final validation loss without dropout': plain.final.val_loss.toFixed(2),
      'final validation loss with dropout': dropout.final.val_loss.toFixed(2),
    };
  },
  '04-batch-normalization': (run) => {
    const bn = find(run, '+ batch norm');
    const plain = find(run, 'no batch norm');
    return {
      'training accuracy with batch norm %': percent(bn.final.acc),
      'validation accuracy with batch norm %': percent(bn.final.val_acc),
      'validation accuracy without batch norm %': percent(plain.final.val_acc),
      'lowest validation loss without batch norm': plain.lowest.val_loss.toFixed(2),
      'lowest validation loss with batch norm': bn.lowest.val_loss.toFixed(2),
    };
  },
  '05-augmentation': (run) => {
    const augmented = run.runs[0]!;
    return {
      'training accuracy %': percent(augmented.final.acc),
      'validation accuracy %': percent(augmented.final.val_acc),
      'gap (points)': gapPoints(augmented),
      'best validation accuracy %': percent(augmented.bestValAcc.val_acc),
      'best validation accuracy, epoch': String(augmented.bestValAcc.epoch),
      'lowest validation loss': augmented.lowest.val_loss.toFixed(2),
      'lowest validation loss, epoch': String(augmented.lowest.epoch),
    };
  },
  '06-checkpointing': (run) => {
    const checkpointed = run.runs[0]!;
    return {
      'best validation accuracy %': percent(checkpointed.bestValAcc.val_acc),
      'best epoch': String(checkpointed.bestValAcc.epoch),
      'last epoch validation accuracy %': percent(checkpointed.final.val_acc),
    };
  },
  '07-all-together': (run) => {
    const together = run.runs[0]!;
    return {
      'stopped after epoch': String(together.epochs),
      'best validation accuracy %': percent(together.bestValAcc.val_acc),
      'best epoch': String(together.bestValAcc.epoch),
      'last epoch validation accuracy %': percent(together.final.val_acc),
    };
  },
};

/** The headings of the section that quotes the seeded default run, per language. */
export const EXPECT_HEADINGS = { en: '## What to expect on the default data', zh: '## 在默认数据上会看到什么' } as const;

/** The section's text (heading to the next `## `), or undefined when the prose has no such section. */
export function expectSection(mdx: string, heading: string): string | undefined {
  const start = mdx.indexOf(`\n${heading}\n`);
  if (start < 0) return undefined;
  const rest = mdx.slice(start + heading.length + 2);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * The quoted figures a section does not contain, as "name value" lines. A figure counts when the
 * number stands alone (65.0 does not match inside 165.03).
 */
export function missingFigures(section: string, quoted: Record<string, string>): string[] {
  return Object.entries(quoted).filter(([, value]) => {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return !new RegExp(`(^|[^\\d.])${escaped}(?![\\d]|\\.\\d)`).test(section);
  }).map(([name, value]) => `${name} ${value}`);
}
