/**
 * Finds the dataset inside what the reader chose: the article's layout (emergency_classification.csv +
 * images/), the Kaggle layout (train.csv [+ test.csv], images in images/ or train/ + test/), or two folders
 * of photos (emergency/ + other/) — at the top or one folder down (Dataset/… in Dataset.zip).
 */
import { findNearName, printable, quoted, type NameSides } from './names';
import { joinPath, type DatasetSource, type SourceEntry } from './source';

export const ARTICLE_CSV_FILE = 'emergency_classification.csv';
export const ARTICLE_IMAGES_DIR = 'images';
/** The article's label file header: image name, then 1 for an emergency vehicle and 0 for any other. */
export const ARTICLE_HEADER = ['image_names', 'emergency_or_not'] as const;
const KAGGLE_TRAIN_CSV = 'train.csv';
const KAGGLE_TEST_CSV = 'test.csv';
/** Folder names of the "two folders of photos" layout; the first of each list is the canonical one. */
const EMERGENCY_FOLDERS = ['emergency'];
const OTHER_FOLDERS = ['other', 'non-emergency', 'non_emergency', 'not-emergency', 'not_emergency'];

export type LayoutKind = 'article' | 'kaggle' | 'folders';

export interface LabelledLayout {
  kind: 'article' | 'kaggle';
  /** The folder holding the label file ("" is the top of the source). */
  root: string;
  csvPath: string;
  imagesDir: string;
  /** Kaggle's test.csv (images without labels) and the folder its images are in. */
  unlabelled?: { csvPath: string; imagesDir: string };
}

export interface FoldersLayout {
  kind: 'folders';
  root: string;
  emergencyDir: string;
  otherDir: string;
}

export type Layout = LabelledLayout | FoldersLayout;

const WHAT_WE_LOOK_FOR = `${ARTICLE_CSV_FILE} + ${ARTICLE_IMAGES_DIR}/ (the article's layout), ${KAGGLE_TRAIN_CSV} + images/ or train/ (the Kaggle layout), or two folders of photos, emergency/ + other/`;

/** Folders a tool adds beside the data (macOS resource forks, version control), never a dataset. */
export const isHidden = (name: string) => name.startsWith('.') || name === '__MACOSX';

export async function locateLayout(source: DatasetSource): Promise<Layout> {
  const top = (await source.list('')) ?? [];
  const here = await layoutIn(source, '', top);
  if (here) return here;
  const found: Layout[] = [];
  for (const entry of top) {
    if (entry.kind !== 'directory' || isHidden(entry.name)) continue;
    const layout = await layoutIn(source, entry.name, (await source.list(entry.name)) ?? []);
    if (layout) found.push(layout);
  }
  if (found.length > 1) {
    throw new Error(`${source.isZip ? source.label : source.where('')} holds ${found.length} datasets (${found.map((layout) => source.where(layout.root)).join(', ')}); name the one to import`);
  }
  if (found[0]) return found[0];
  const near = [nearLayoutFile(source, '', top), ...(await Promise.all(top.filter((entry) => entry.kind === 'directory' && !isHidden(entry.name)).map(async (entry) => nearLayoutFile(source, entry.name, (await source.list(entry.name)) ?? []))))].find(Boolean);
  const what = `(expected ${WHAT_WE_LOOK_FOR}; found ${describeEntries(top)})${near ? `; ${near}` : ''}`;
  throw new Error(source.isZip ? `${source.label}: the zip holds no dataset at its top level or one folder down ${what}` : `${source.where('')}: no dataset found here or one folder down ${what}`);
}

async function layoutIn(source: DatasetSource, dir: string, entries: SourceEntry[]): Promise<Layout | undefined> {
  const files = new Set(entries.filter((entry) => entry.kind !== 'directory').map((entry) => entry.name));
  const folders = new Set(entries.filter((entry) => entry.kind === 'directory').map((entry) => entry.name));
  const path = (name: string) => joinPath(dir, name);
  if (files.has(ARTICLE_CSV_FILE)) {
    return { kind: 'article', root: dir, csvPath: path(ARTICLE_CSV_FILE), imagesDir: path(ARTICLE_IMAGES_DIR) };
  }
  if (files.has(KAGGLE_TRAIN_CSV)) {
    const trainImages = ['train', 'images'].find((name) => folders.has(name));
    if (!trainImages) throw new Error(`${source.where(path(KAGGLE_TRAIN_CSV))} found, but no train/ or images/ folder for its images next to it`);
    const testImages = ['test', 'images'].find((name) => folders.has(name)) ?? trainImages;
    return {
      kind: 'kaggle',
      root: dir,
      csvPath: path(KAGGLE_TRAIN_CSV),
      imagesDir: path(trainImages),
      unlabelled: files.has(KAGGLE_TEST_CSV) ? { csvPath: path(KAGGLE_TEST_CSV), imagesDir: path(testImages) } : undefined,
    };
  }
  const folderNamed = (names: string[]) => [...folders].find((folder) => names.includes(folder.toLowerCase()));
  const emergency = folderNamed(EMERGENCY_FOLDERS);
  const other = folderNamed(OTHER_FOLDERS);
  if (emergency && other) return { kind: 'folders', root: dir, emergencyDir: path(emergency), otherDir: path(other) };
  return undefined;
}

const LAYOUT_SIDES: NameSides = { wanted: 'the expected name', found: 'the name there' };

/** '"images " is there, which differs by a trailing space', for a name the reader sees as the expected one. */
function nearNameHint(source: DatasetSource, dir: string, expected: string, names: string[]): string | undefined {
  const near = findNearName(expected, names, LAYOUT_SIDES);
  return near && `${quoted(source.where(joinPath(dir, near.name)))} is there, which ${near.difference} from ${expected}`;
}

/** A label file, or a folder of photos, whose name is almost the layout's (a space, a letter case, an invisible character). */
function nearLayoutFile(source: DatasetSource, dir: string, entries: SourceEntry[]): string | undefined {
  const files = entries.filter((entry) => entry.kind !== 'directory').map((entry) => entry.name);
  // The photo folders are matched ignoring letter case already, so only the other differences can hide them.
  const folders = entries.filter((entry) => entry.kind === 'directory').map((entry) => entry.name.toLowerCase());
  return (
    nearNameHint(source, dir, ARTICLE_CSV_FILE, files) ??
    nearNameHint(source, dir, KAGGLE_TRAIN_CSV, files) ??
    [...EMERGENCY_FOLDERS, ...OTHER_FOLDERS].map((name) => nearFolderHint(source, dir, name, entries, folders)).find(Boolean)
  );
}

function nearFolderHint(source: DatasetSource, dir: string, expected: string, entries: SourceEntry[], lowerCaseFolders: string[]): string | undefined {
  const near = findNearName(expected, lowerCaseFolders, LAYOUT_SIDES);
  const entry = near && entries.find((candidate) => candidate.kind === 'directory' && candidate.name.toLowerCase() === near.name);
  return entry && `${quoted(`${source.where(joinPath(dir, entry.name))}/`)} is there, which ${near.difference} from ${expected}/`;
}

/**
 * What to say of a folder the layout needs (images/, train/) that is not there: "is a file, not a folder",
 * 'not found; "…/images " is there, which differs by a trailing space from images', or "not found".
 */
export async function missingFolderProblem(source: DatasetSource, path: string): Promise<string> {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  const entries = (await source.list(dir)) ?? [];
  if (entries.some((entry) => entry.name === name && entry.kind !== 'directory')) return 'is a file, not a folder';
  const near = nearNameHint(source, dir, name, entries.filter((entry) => entry.kind === 'directory').map((entry) => entry.name));
  return near ? `not found; ${near}` : 'not found';
}

/** "Dataset/, notes.txt" (at most 8 names), for errors that say what was there instead. */
function describeEntries(entries: SourceEntry[]): string {
  if (entries.length === 0) return 'an empty folder';
  // A name with spaces at its ends is quoted, so that they show; every name is printed escaped.
  const shown = (name: string) => (name.trim() === name ? printable(name) : quoted(name));
  const names = entries.map((entry) => (entry.kind === 'directory' ? `${shown(entry.name)}/` : shown(entry.name))).sort();
  return names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length} entries)` : '');
}
