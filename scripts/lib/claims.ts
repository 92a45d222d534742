/**
 * The claims the lessons make, checked on what one seeded "Run all" of each lesson recorded
 * (issue 12, item 2). Pure functions over the run log: `npm run claims` collects the runs in
 * Chromium, this module decides, per seed, whether each claim held and by how much.
 */
import type { EpochLogs } from '../../src/ml/train';
import type { RunRecord } from '../../src/ml/runLog';
import { overfittingPoint, DEFAULT_OVERFITTING_RULE } from '../../src/viz/overfitting';

/** What one seed's Run all of a lesson left behind: its recorded runs and its cells' output text. */
export interface LessonOutcome {
  runs: RunRecord[];
  outputs: Record<string, string>;
}

export type SeedOutcomes = Partial<Record<string, LessonOutcome>>;

export interface ClaimCheck {
  /** true: held; false: did not; undefined: could not be judged on this seed (a lesson missing, the run did not overfit). */
  pass: boolean | undefined;
  /** The size of the effect, in `unit` (positive = in the claimed direction). */
  effect?: number;
}

export interface Claim {
  id: string;
  lesson: string;
  text: string;
  unit: string;
  check(outcomes: SeedOutcomes): ClaimCheck;
}

/** How far before the last epoch "well before" is: the point lies in the first 80 % of the run. */
export const WELL_BEFORE = 0.8;
/** "Clearly fewer epochs": at most two thirds as many. */
export const CLEARLY_FEWER = 2 / 3;

const last = (run: RunRecord | undefined): EpochLogs | undefined => run?.epochs.at(-1);
const gap = (logs: EpochLogs | undefined) => (logs?.val_acc === undefined ? undefined : logs.acc - logs.val_acc);
const runOf = (outcomes: SeedOutcomes, lesson: string, index: number) => outcomes[lesson]?.runs[index];
const findRun = (outcomes: SeedOutcomes, lesson: string, match: (label: string) => boolean) => outcomes[lesson]?.runs.find((run) => match(run.label));
const points = (fraction: number) => 100 * fraction;

function lowestEpoch(epochs: readonly EpochLogs[]): EpochLogs | undefined {
  return epochs.reduce<EpochLogs | undefined>((low, logs) => (logs.val_loss !== undefined && (!low || logs.val_loss < low.val_loss!) ? logs : low), undefined);
}

function bestAccuracy(epochs: readonly EpochLogs[]): number | undefined {
  const values = epochs.flatMap((logs) => (logs.val_acc === undefined ? [] : [logs.val_acc]));
  return values.length ? Math.max(...values) : undefined;
}

/** The two validation losses the early-stopping lesson prints: its last epoch's and the restored model's. */
export function restoredLosses(text: string): { last: number; restored: number } | undefined {
  const match = /Last epoch \(\d+\): validation loss (\d+\.\d+).*Restored \(epoch \d+\): validation loss (\d+\.\d+)/s.exec(text);
  return match ? { last: Number(match[1]), restored: Number(match[2]) } : undefined;
}

const judged = (pass: boolean, effect: number): ClaimCheck => ({ pass, effect });
const unjudged: ClaimCheck = { pass: undefined };

export const CLAIMS: Claim[] = [
  {
    id: 'baseline-overfits', lesson: '01-baseline', unit: 'val loss',
    text: `baseline: validation loss stops improving (min delta ${DEFAULT_OVERFITTING_RULE.minDelta}, patience ${DEFAULT_OVERFITTING_RULE.patience}) well before the last epoch and rises after it`,
    check(outcomes) {
      const run = runOf(outcomes, '01-baseline', 0);
      if (!run) return unjudged;
      const end = last(run)!;
      const point = overfittingPoint(run.epochs);
      const rise = end.val_loss! - (point?.bestValLoss ?? lowestEpoch(run.epochs)!.val_loss!);
      return judged(point !== undefined && point.bestEpoch <= WELL_BEFORE * end.epoch && rise > DEFAULT_OVERFITTING_RULE.minDelta, rise);
    },
  },
  {
    id: 'baseline-gap', lesson: '01-baseline', unit: 'points', text: 'baseline: training − validation accuracy ≥ 10 points at the end',
    check(outcomes) {
      const value = gap(last(runOf(outcomes, '01-baseline', 0)));
      return value === undefined ? unjudged : judged(points(value) >= 10, points(value));
    },
  },
  {
    id: 'early-stop-5', lesson: '02-early-stopping', unit: 'epochs', text: 'early stopping, patience 5: stops well before the epoch limit',
    check(outcomes) {
      const run = findRun(outcomes, '02-early-stopping', (label) => label.includes('patience 5'));
      if (!run) return unjudged;
      const stopped = run.epochs.length;
      return judged(run.stopReason === 'stopped by a callback' && stopped <= WELL_BEFORE * run.settings.epochsAsked, run.settings.epochsAsked - stopped);
    },
  },
  {
    id: 'early-stop-10-later', lesson: '02-early-stopping', unit: 'epochs', text: 'early stopping, patience 10: stops later than patience 5',
    check(outcomes) {
      const five = findRun(outcomes, '02-early-stopping', (label) => label.includes('patience 5'));
      const ten = findRun(outcomes, '02-early-stopping', (label) => label.includes('patience 10'));
      if (!five || !ten) return unjudged;
      return judged(ten.epochs.length > five.epochs.length, ten.epochs.length - five.epochs.length);
    },
  },
  {
    id: 'restore-helps', lesson: '02-early-stopping', unit: 'val loss', text: 'early stopping: restoring the best weights lowers validation loss',
    check(outcomes) {
      const losses = restoredLosses(outcomes['02-early-stopping']?.outputs.restore ?? '');
      return losses ? judged(losses.restored < losses.last, losses.last - losses.restored) : unjudged;
    },
  },
  {
    id: 'dropout-gap', lesson: '03-dropout', unit: 'points', text: 'dropout: shrinks the training–validation accuracy gap',
    check(outcomes) {
      const plain = gap(last(findRun(outcomes, '03-dropout', (label) => label.includes('no dropout'))));
      const dropout = gap(last(findRun(outcomes, '03-dropout', (label) => label.includes('+ dropout'))));
      return plain === undefined || dropout === undefined ? unjudged : judged(dropout < plain, points(plain - dropout));
    },
  },
  {
    id: 'dropout-accuracy', lesson: '03-dropout', unit: 'points', text: 'dropout: final validation accuracy not lower than without',
    check(outcomes) {
      const plain = last(findRun(outcomes, '03-dropout', (label) => label.includes('no dropout')))?.val_acc;
      const dropout = last(findRun(outcomes, '03-dropout', (label) => label.includes('+ dropout')))?.val_acc;
      return plain === undefined || dropout === undefined ? unjudged : judged(dropout >= plain, points(dropout - plain));
    },
  },
  {
    id: 'batch-norm-faster', lesson: '04-batch-normalization', unit: 'epochs',
    text: `batch norm: reaches the plain MLP's best validation loss in ≤ ${CLEARLY_FEWER.toFixed(2)}× its epochs`,
    check(outcomes) {
      const bn = findRun(outcomes, '04-batch-normalization', (label) => label.includes('+ batch norm'));
      const plain = findRun(outcomes, '04-batch-normalization', (label) => label.includes('no batch norm'));
      if (!bn || !plain) return unjudged;
      const target = lowestEpoch(plain.epochs)!;
      const reached = bn.epochs.find((logs) => logs.val_loss !== undefined && logs.val_loss <= target.val_loss!)?.epoch;
      if (reached === undefined) return judged(false, -target.epoch);
      return judged(reached <= CLEARLY_FEWER * target.epoch, target.epoch - reached);
    },
  },
  {
    id: 'augmentation-gap', lesson: '05-augmentation', unit: 'points', text: 'augmentation (+ BN, dropout): a smaller accuracy gap than the baseline',
    check(outcomes) {
      const base = gap(last(runOf(outcomes, '01-baseline', 0)));
      const augmented = gap(last(runOf(outcomes, '05-augmentation', 0)));
      return base === undefined || augmented === undefined ? unjudged : judged(augmented < base, points(base - augmented));
    },
  },
  {
    id: 'checkpoint-beats-last', lesson: '06-checkpointing', unit: 'points', text: 'checkpoint: the best epoch beats the last one when the run overfits',
    check(outcomes) {
      const run = runOf(outcomes, '06-checkpointing', 0);
      if (!run || !overfittingPoint(run.epochs)) return unjudged;
      const best = bestAccuracy(run.epochs)!;
      const end = last(run)!.val_acc!;
      return judged(best > end, points(best - end));
    },
  },
  {
    id: 'all-together-beats-baseline', lesson: '07-all-together', unit: 'points', text: "all together (best checkpoint) beats the baseline's final validation accuracy",
    check(outcomes) {
      const base = last(runOf(outcomes, '01-baseline', 0))?.val_acc;
      const run = runOf(outcomes, '07-all-together', 0);
      const best = run && bestAccuracy(run.epochs);
      return base === undefined || best === undefined ? unjudged : judged(best > base, points(best - base));
    },
  },
];

export interface ClaimSummary {
  claim: Claim;
  checks: ClaimCheck[];
  passed: number;
  judged: number;
  meanEffect?: number;
  /** Standard deviation of the effect from seed to seed. */
  spread?: number;
  /** Held on at least `required` of the judged seeds, with the mean effect larger than its spread. */
  holds: boolean;
}

/** Each claim over the seeds: how often it held, and its effect against the seed-to-seed spread. */
export function summarizeClaims(perSeed: readonly SeedOutcomes[], { required = 0.9 } = {}): ClaimSummary[] {
  return CLAIMS.map((claim) => {
    const checks = perSeed.map((outcomes) => claim.check(outcomes));
    const judgedChecks = checks.filter((check) => check.pass !== undefined);
    const effects = checks.flatMap((check) => (check.effect === undefined ? [] : [check.effect]));
    const meanEffect = effects.length ? effects.reduce((a, b) => a + b, 0) / effects.length : undefined;
    const spread = effects.length > 1 ? Math.sqrt(effects.reduce((sum, value) => sum + (value - meanEffect!) ** 2, 0) / (effects.length - 1)) : undefined;
    const passed = judgedChecks.filter((check) => check.pass).length;
    const holds = judgedChecks.length > 0 && passed >= Math.ceil(required * judgedChecks.length) && meanEffect !== undefined && meanEffect > (spread ?? 0);
    return { claim, checks, passed, judged: judgedChecks.length, meanEffect, spread, holds };
  });
}

const format = (value: number | undefined, digits = 2) => (value === undefined ? '—' : value.toFixed(digits));

/** The table `npm run claims` prints: one row per claim, one column per seed. */
export function claimsTable(summaries: readonly ClaimSummary[], seeds: readonly number[]): string {
  const header = ['claim', ...seeds.map((seed) => `s${seed}`), 'held', 'effect (mean ± sd)', 'holds'];
  const rows = summaries.map((summary) => [
    summary.claim.text,
    ...summary.checks.map((check) => (check.pass === undefined ? 'n/a' : `${check.pass ? '✓' : '✗'} ${format(check.effect, 1)}`)),
    `${summary.passed}/${summary.judged}`,
    `${format(summary.meanEffect)} ± ${format(summary.spread)} ${summary.claim.unit}`,
    summary.holds ? 'yes' : 'NO',
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
