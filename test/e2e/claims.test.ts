import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CLAIMS } from '../../scripts/lib/claims';

const run = promisify(execFile);
const dist = resolve(process.env.E2E_DIST ?? 'dist');

/**
 * `npm run claims` at CI size: two seeds, training capped at 4 epochs, two lessons. At that size no lesson's
 * claim is expected to hold (4 epochs are before any overfitting); what must hold is the machinery: every claim
 * judged from what the page showed, per seed, and seeds that change the run and repeat it exactly.
 */
async function claims(args: string[]): Promise<{ table: string; saved: { seeds: Record<string, Record<string, { runs: { label: string; epochs: { val_loss: number }[] }[] }>> } }> {
  const folder = mkdtempSync(join(tmpdir(), 'claims-'));
  try {
    const json = join(folder, 'claims.json');
    const { stdout } = await run('npx', ['tsx', 'scripts/claims.ts', '--dir', dist, '--epochs', '4', '--json', json, ...args], { timeout: 300_000, maxBuffer: 1 << 24 });
    return { table: stdout, saved: JSON.parse(readFileSync(json, 'utf8')) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('npm run claims (reduced: 2 seeds, 4 epochs)', () => {
  it('runs the lessons per seed, prints every claim with a result per seed, and repeats a seed exactly', async () => {
    const { table, saved } = await claims(['--seeds', '2', '--lessons', '01-baseline,02-early-stopping']);
    const lines = table.trim().split('\n');
    expect(lines[0]).toMatch(/^Claims over seeds 1, 2 \(training capped at 4 epochs\)/);
    expect(lines[1]).toMatch(/^\| claim +\| s1 +\| s2 +\| held \| effect \(mean ± sd\) +\| holds \|$/);
    for (const claim of CLAIMS) expect(table).toContain(claim.text);
    // The baseline's gap row has a result for both seeds; a lesson that did not run is "n/a".
    expect(lines.find((line) => line.includes('training − validation accuracy'))).toMatch(/\| [✓✗] -?\d+\.\d +\| [✓✗] -?\d+\.\d +\| \d\/2 /);
    expect(lines.find((line) => line.includes('dropout: shrinks'))).toMatch(/\| n\/a +\| n\/a +\| 0\/0 /);
    // Read from the lesson's own output: the last epoch's and the restored model's validation loss, on both seeds.
    expect(lines.find((line) => line.includes('restoring the best weights'))).toMatch(/\| [✓✗] -?\d+\.\d +\| [✓✗] -?\d+\.\d +\| \d\/2 /);
    // 4 epochs never reach patience 5: the stop claim is judged, and fails, on both seeds.
    expect(lines.find((line) => line.includes('patience 5: stops'))).toMatch(/\| ✗ [\d.]+ +\| ✗ [\d.]+ +\| 0\/2 .*\| NO +\|$/);

    // Seeds change the run; the same seed repeats it exactly (a fresh browser, the seed edited in the first cell).
    const baseline = (seeds: typeof saved.seeds, seed: number) => seeds[seed]!['01-baseline']!.runs[0]!.epochs.map((logs) => logs.val_loss);
    expect(baseline(saved.seeds, 2)).not.toEqual(baseline(saved.seeds, 1));
    const again = await claims(['--seeds', '1', '--lessons', '01-baseline']);
    expect(baseline(again.saved.seeds, 1)).toEqual(baseline(saved.seeds, 1));
  });
});
