/**
 * Finds the dataset inside what the user named: a folder in the article's layout, the folder above it
 * (Dataset/…), a .zip of either, or the hackathon/Kaggle layout (train.csv [+ test.csv], images in
 * images/ or train/ + test/). Zips are extracted into a temporary folder that `cleanup()` removes.
 */
import { open, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ARTICLE_CSV_FILE, ARTICLE_IMAGES_DIR } from './readArticleLayout';
import { extractZip, looksLikeZip } from './zip';

export const KAGGLE_TRAIN_CSV = 'train.csv';
export const KAGGLE_TEST_CSV = 'test.csv';

export interface LocatedDataset {
  layout: 'article' | 'kaggle';
  zip: boolean;
  /** The temporary folder a zip was extracted into. */
  extractedTo?: string;
  /** The folder holding the label file. */
  root: string;
  csvPath: string;
  imagesDir: string;
  /** Kaggle's test.csv (images without labels) and the folder its images are in. */
  unlabelled?: { csvPath: string; imagesDir: string };
  /** Removes the temporary extraction of a zip; does nothing for a folder. */
  cleanup(): Promise<void>;
}

export interface LocateOptions {
  /** Where a zip is extracted (a new folder inside it); default os.tmpdir(). */
  tempParent?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const WHAT_WE_LOOK_FOR = `${ARTICLE_CSV_FILE} + ${ARTICLE_IMAGES_DIR}/ (the article's layout) or ${KAGGLE_TRAIN_CSV} + images/ or train/ (the Kaggle layout)`;

export async function locateDataset(input: string, options: LocateOptions = {}): Promise<LocatedDataset> {
  const path = resolve(input);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${path} not found` : `cannot read ${path}: ${error.message}`);
  });
  if (info.isDirectory()) {
    const found = await findLayout(path);
    if (!found) throw new Error(`${path}: no dataset found here or one folder down (expected ${WHAT_WE_LOOK_FOR}; found ${await describeFolder(path)})`);
    return { ...found, zip: false, cleanup: async () => {} };
  }
  if (!(await isZipFile(path))) throw new Error(`${path} is neither a folder nor a zip file`);

  const tempDir = await mkdtemp(join(options.tempParent ?? tmpdir(), 'dataset-import-'));
  const cleanup = () => rm(tempDir, { recursive: true, force: true });
  try {
    await extractZip(path, tempDir, { onProgress: options.onProgress, signal: options.signal });
    const found = await findLayout(tempDir);
    if (!found) throw new Error(`${path}: the zip holds no dataset at its top level or one folder down (expected ${WHAT_WE_LOOK_FOR}; found ${await describeFolder(tempDir)})`);
    return { ...found, zip: true, extractedTo: tempDir, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function isZipFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && looksLikeZip(buffer);
  } finally {
    await file.close();
  }
}

type Layout = Omit<LocatedDataset, 'zip' | 'extractedTo' | 'cleanup'>;

/** The folder itself first, then its sub-folders (Dataset/ in Dataset.zip); more than one match is ambiguous. */
async function findLayout(dir: string): Promise<Layout | undefined> {
  const here = await layoutIn(dir);
  if (here) return here;
  const found: Layout[] = [];
  for (const sub of await subfolders(dir)) {
    const layout = await layoutIn(join(dir, sub));
    if (layout) found.push(layout);
  }
  if (found.length > 1) {
    throw new Error(`${dir} holds ${found.length} datasets (${found.map((layout) => layout.root).join(', ')}); name the one to import`);
  }
  return found[0];
}

async function layoutIn(dir: string): Promise<Layout | undefined> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
  const folders = new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  if (files.has(ARTICLE_CSV_FILE)) {
    return { layout: 'article', root: dir, csvPath: join(dir, ARTICLE_CSV_FILE), imagesDir: join(dir, ARTICLE_IMAGES_DIR) };
  }
  if (!files.has(KAGGLE_TRAIN_CSV)) return undefined;
  const trainImages = ['train', 'images'].find((name) => folders.has(name));
  if (!trainImages) throw new Error(`${join(dir, KAGGLE_TRAIN_CSV)} found, but no train/ or images/ folder for its images next to it`);
  const testImages = ['test', 'images'].find((name) => folders.has(name)) ?? trainImages;
  return {
    layout: 'kaggle',
    root: dir,
    csvPath: join(dir, KAGGLE_TRAIN_CSV),
    imagesDir: join(dir, trainImages),
    unlabelled: files.has(KAGGLE_TEST_CSV) ? { csvPath: join(dir, KAGGLE_TEST_CSV), imagesDir: join(dir, testImages) } : undefined,
  };
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== '__MACOSX')
    .map((entry) => entry.name)
    .sort();
}

/** "Dataset/, notes.txt" (at most 8 names), for errors that say what was there instead. */
async function describeFolder(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  if (entries.length === 0) return 'an empty folder';
  const names = entries.map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name)).sort();
  return names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length} entries)` : '');
}
