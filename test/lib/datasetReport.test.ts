import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConflictingGroup } from '../../src/lib/datasetReport';
import { formatShare } from '../../src/lib/numbers';
import { readDatasetReport } from '../../src/lib/activeDataset';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readDatasetReport', () => {
  it('returns undefined for a payload without report.json', () => {
    expect(readDatasetReport(dir)).toBeUndefined();
  });

  it('names the file and the wrong fields of an invalid report', async () => {
    await writeFile(join(dir, 'report.json'), JSON.stringify({ format: 1, counts: { images: -1 } }));
    expect(() => readDatasetReport(dir)).toThrow(`invalid dataset report ${join(dir, 'report.json')}: createdAt: Required`);
  });
});

describe('helpers', () => {
  it('formats shares and spots groups whose labels disagree', () => {
    expect(formatShare(46, 706)).toBe('6.5 %');
    expect(formatShare(0, 0)).toBe('–');
    expect(isConflictingGroup({ indices: [1, 2], names: ['1.jpg', '2.jpg'], labels: [1, 0], distinctFiles: 1 })).toBe(true);
    expect(isConflictingGroup({ indices: [1, 2], names: ['1.jpg', '2.jpg'], labels: [0, 0], distinctFiles: 1 })).toBe(false);
  });
});
