import { describe, expect, it } from 'vitest';
import { CLAIMS, claimsTable, restoredLosses, summarizeClaims, type SeedOutcomes } from '../../scripts/lib/claims';
import type { RunRecord } from '../../src/ml/runLog';
import type { EpochLogs } from '../../src/ml/train';

/** A run whose validation loss falls to `bottom` at epoch `turn`, then rises; accuracies from `gap`. */
function curve(epochs: number, turn: number, { gap = 0.15, valAcc = 0.75 } = {}): EpochLogs[] {
  return Array.from({ length: epochs }, (_, i) => {
    const epoch = i + 1;
    const val_loss = epoch <= turn ? 0.69 - 0.2 * (epoch / turn) : 0.49 + 0.01 * (epoch - turn);
    return { epoch, loss: 0.69 - 0.4 * (epoch / epochs), acc: valAcc + gap * (epoch / epochs), val_loss, val_acc: epoch <= turn ? valAcc * (epoch / turn) : valAcc - 0.001 * (epoch - turn) };
  });
}

const record = (label: string, lesson: string, epochs: EpochLogs[], extra: Partial<RunRecord> = {}): RunRecord => ({
  id: label, label, lesson, epochs, stopReason: 'completed', elapsedMs: 0, finishedAt: 0,
  settings: { epochsAsked: epochs.length, batchSize: 128, trainingImages: 1646, validationImages: 706, resolution: 64, layers: '', augmented: false, callbacks: [] },
  ...extra,
});

function outcomes(): SeedOutcomes {
  const stopped = (label: string, epochs: number) => record(label, '02-early-stopping', curve(epochs, epochs - 6), { stopReason: 'stopped by a callback', settings: { ...record('', '', []).settings, epochsAsked: 100 } });
  return {
    '01-baseline': { runs: [record('MLP', '01-baseline', curve(50, 25))], outputs: {} },
    '02-early-stopping': {
      runs: [stopped('MLP + early stopping (patience 5)', 30), stopped('MLP + early stopping (patience 10)', 36)],
      outputs: { restore: 'Last epoch (36): validation loss 0.5500, accuracy 74.0 % — the model without restoreBestWeights. Restored (epoch 26): validation loss 0.4900, accuracy 75.0 %.' },
    },
    '03-dropout': { runs: [record('MLP, no dropout', '03-dropout', curve(100, 30, { gap: 0.2 })), record('MLP + dropout 0.5', '03-dropout', curve(100, 60, { gap: 0.05, valAcc: 0.76 }))], outputs: {} },
    '04-batch-normalization': { runs: [record('MLP + batch norm', '04-batch-normalization', curve(50, 8)), record('MLP, no batch norm', '04-batch-normalization', curve(50, 30))], outputs: {} },
    '05-augmentation': { runs: [record('MLP + batch norm + dropout 0.5 + augmentation', '05-augmentation', curve(50, 45, { gap: 0.02 }))], outputs: {} },
    '06-checkpointing': { runs: [record('MLP + checkpoint', '06-checkpointing', curve(50, 20))], outputs: {} },
    '07-all-together': { runs: [record('MLP + …', '07-all-together', curve(60, 50, { valAcc: 0.8 }))], outputs: {} },
  };
}

describe('the claims of the lessons', () => {
  it('all hold on runs that show what the lessons say', () => {
    const checks = CLAIMS.map((claim) => [claim.id, claim.check(outcomes()).pass]);
    expect(checks).toEqual(CLAIMS.map((claim) => [claim.id, true]));
  });

  it('fail where a run does not show it: a baseline still improving, BN no faster, dropout less accurate', () => {
    const seed = outcomes();
    seed['01-baseline']!.runs = [record('MLP', '01-baseline', curve(50, 48))];
    seed['04-batch-normalization']!.runs[0] = record('MLP + batch norm', '04-batch-normalization', curve(50, 29));
    seed['03-dropout']!.runs[1] = record('MLP + dropout 0.5', '03-dropout', curve(100, 60, { gap: 0.05, valAcc: 0.7 }));
    const failed = CLAIMS.filter((claim) => claim.check(seed).pass === false).map((claim) => claim.id);
    expect(failed).toEqual(['baseline-overfits', 'dropout-accuracy', 'batch-norm-faster']);
  });

  it('judges no claim whose lesson did not run, and the checkpoint claim only on a run that overfits', () => {
    expect(CLAIMS.map((claim) => claim.check({}).pass)).toEqual(CLAIMS.map(() => undefined));
    const seed = outcomes();
    seed['06-checkpointing']!.runs = [record('MLP + checkpoint', '06-checkpointing', curve(50, 50))];
    expect(CLAIMS.find((claim) => claim.id === 'checkpoint-beats-last')!.check(seed).pass).toBeUndefined();
  });

  it('reads the early-stopping lesson’s restored and last losses', () => {
    expect(restoredLosses(outcomes()['02-early-stopping']!.outputs.restore!)).toEqual({ last: 0.55, restored: 0.49 });
    expect(restoredLosses('nothing here')).toBeUndefined();
  });

  it('says a claim holds on ≥ 90 % of the seeds with its effect above the spread, and tabulates every seed', () => {
    const good = outcomes();
    const bad = outcomes();
    bad['03-dropout']!.runs[1] = record('MLP + dropout 0.5', '03-dropout', curve(100, 60, { gap: 0.05, valAcc: 0.7 }));
    const summaries = summarizeClaims([good, good, bad]);
    const dropout = summaries.find((summary) => summary.claim.id === 'dropout-accuracy')!;
    expect(dropout).toMatchObject({ passed: 2, judged: 3, holds: false });
    expect(summaries.find((summary) => summary.claim.id === 'baseline-gap')!).toMatchObject({ passed: 3, judged: 3, holds: true });
    const table = claimsTable(summaries, [1, 2, 3]).split('\n');
    expect(table).toHaveLength(2 + CLAIMS.length);
    expect(table[0]).toMatch(/^\| claim +\| s1 +\| s2 +\| s3 +\| held \| effect \(mean ± sd\) +\| holds \|$/);
    expect(table.find((line) => line.includes('dropout: final validation accuracy'))).toMatch(/\| ✓ [\d.]+ +\| ✓ [\d.]+ +\| ✗ -[\d.]+ +\| 2\/3 +\| .* points +\| NO +\|$/);
  });
});
