/** A full browser store, said in numbers the reader can act on (src/importer/browser/datasetStore.ts). */
import { describe, expect, it } from 'vitest';
import { datasetId, isQuotaError, StorageQuotaError } from '../../src/importer/browser/datasetStore';


describe('the browser store', () => {
  it('says how much space the dataset needs and how much the browser offers', () => {
    expect(new StorageQuotaError(41_300_000, 12_500_000).message).toBe(
      'the browser has no room for this dataset: it needs about 41.3 MB and this site may use 12.5 MB more; free space on the disk, delete a stored dataset, or allow this site more storage. Nothing was stored',
    );
    expect(new StorageQuotaError(2e6, -5).message).toContain('may use 0.0 MB more');
    expect(new StorageQuotaError(2e6, undefined).message).toBe('the browser has no room for this dataset: it needs about 2.0 MB; free space on the disk, delete a stored dataset, or allow this site more storage. Nothing was stored');
  });

  it('knows the browser’s quota error from other failures', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'NotFoundError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
  });

  it('names a stored dataset after what the reader chose', () => {
    expect(datasetId('Dataset.zip', 0)).toBe('dataset-0');
    expect(datasetId('My photos (Émile)', 36)).toBe('my-photos-emile-10');
    expect(datasetId('紧急车辆', 1)).toBe('dataset-1');
  });
});
