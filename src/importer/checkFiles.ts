/**
 * Before any image is read: every file the import will read is a plain file (not a link, a pipe that would
 * hang the reader, or a device), no image is larger than an image can be, and all of them together fit.
 */
import { formatSize, MAX_DATASET_BYTES, MAX_IMAGE_BYTES, MAX_IMAGES } from './limits';
import type { LabeledImage } from './labels';
import { notAFileProblem, sizePhrase, type DatasetSource, type SourceEntry } from './source';

export async function checkImageFiles(source: DatasetSource, rows: readonly LabeledImage[]): Promise<void> {
  if (rows.length > MAX_IMAGES) throw new Error(`${source.label} names ${rows.length} images; a dataset may have at most ${MAX_IMAGES}, so nothing was imported`);
  const folders = new Map<string, Map<string, SourceEntry>>();
  const problems: string[] = [];
  let total = 0;
  for (const row of rows) {
    const slash = row.path.lastIndexOf('/');
    const dir = slash < 0 ? '' : row.path.slice(0, slash);
    let folder = folders.get(dir);
    if (!folder) {
      folder = new Map(((await source.list(dir)) ?? []).map((entry) => [entry.name, entry]));
      folders.set(dir, folder);
    }
    const entry = folder.get(row.path.slice(slash + 1));
    if (!entry) {
      problems.push(`${source.where(row.path)} is missing`);
      continue;
    }
    const notAFile = await notAFileProblem(source, row.path, entry.kind);
    if (notAFile) problems.push(`${source.where(row.path)} ${notAFile}`);
    else if (entry.size > MAX_IMAGE_BYTES) problems.push(`${source.where(row.path)} ${sizePhrase(source, entry.size)}; an image may be at most ${MAX_IMAGE_BYTES / 1e6} MB`);
    total += entry.size;
  }
  if (problems.length === 1) throw new Error(`${problems[0]}, so nothing was imported`);
  if (problems.length > 1) {
    const listed = problems.slice(0, 10).map((problem) => `\n  ${problem}`).join('');
    throw new Error(`${problems.length} files cannot be read as images, so nothing was imported:${listed}${problems.length > 10 ? `\n  … and ${problems.length - 10} more` : ''}`);
  }
  if (total > MAX_DATASET_BYTES) {
    throw new Error(`the ${rows.length} images of ${source.label} take ${formatSize(total)}; a dataset may be at most ${MAX_DATASET_BYTES / 1024 ** 3} GiB, so nothing was imported`);
  }
}
