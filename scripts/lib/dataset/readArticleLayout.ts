/**
 * Reads a dataset folder in the article's layout:
 *   <root>/emergency_classification.csv   header "image_names,emergency_or_not"; label 1 = emergency, 0 = not
 *   <root>/images/<image_names>           the pictures
 * and checks it thoroughly, so that every later step can trust names and labels.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCsv, type CsvRecord } from './csv';

export const ARTICLE_CSV_FILE = 'emergency_classification.csv';
export const ARTICLE_IMAGES_DIR = 'images';
export const ARTICLE_HEADER = ['image_names', 'emergency_or_not'] as const;

export type BinaryLabel = 0 | 1;

export interface LabeledImage {
  /** File name inside `imagesDir`. */
  name: string;
  label: BinaryLabel;
}

export interface ArticleLayout {
  /** In CSV order, which is the order the article's split indexes into. */
  rows: LabeledImage[];
  imagesDir: string;
  csvPath: string;
  /** Files in `imagesDir` that no CSV row names (ignored; an importer warns about them). */
  unlisted: string[];
}

/** Where the label file and the pictures are, when they do not sit at the article's places (e.g. Kaggle's train.csv + train/). */
export interface LayoutPaths {
  csvPath?: string;
  imagesDir?: string;
}

/** Raised when the folder is not a valid article-layout dataset; `problems` lists every issue found. */
export class DatasetLayoutError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const MAX_SHOWN = 10;
    const listed = problems.slice(0, MAX_SHOWN).map((problem) => `\n  ${file} ${problem}`).join('');
    const more = problems.length > MAX_SHOWN ? `\n  … and ${problems.length - MAX_SHOWN} more` : '';
    super(problems.length === 1 ? `${file} ${problems[0]}` : `${problems.length} problems in ${file}:${listed}${more}`);
    this.name = 'DatasetLayoutError';
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

export async function readArticleLayout(root: string, paths: LayoutPaths = {}): Promise<ArticleLayout> {
  const csvPath = paths.csvPath ?? join(resolve(root), ARTICLE_CSV_FILE);
  const imagesDir = paths.imagesDir ?? join(resolve(root), ARTICLE_IMAGES_DIR);
  const layoutHint =
    paths.csvPath || paths.imagesDir
      ? `expected the labels in ${csvPath} and the images in ${imagesDir}/`
      : `expected the article layout: ${ARTICLE_CSV_FILE} and ${ARTICLE_IMAGES_DIR}/ inside ${resolve(root)}`;

  let text: string;
  try {
    text = await readFile(csvPath, 'utf8');
  } catch (error) {
    if (isMissing(error)) throw new Error(`${csvPath} not found (${layoutHint})`);
    throw error;
  }
  const records = parseCsv(text, csvPath);
  if (records.length === 0) {
    throw new Error(`${csvPath} is empty (expected the header "${ARTICLE_HEADER.join(',')}" and one row per image)`);
  }
  checkHeader(records[0], csvPath);
  if (records.length === 1) throw new Error(`${csvPath} has a header but no image rows`);

  let imageFiles: Set<string>;
  try {
    const entries = await readdir(imagesDir, { withFileTypes: true });
    imageFiles = new Set(entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name));
  } catch (error) {
    if (isMissing(error)) throw new Error(`${imagesDir} not found (${layoutHint})`);
    throw error;
  }

  const { rows, problems } = checkRows(records.slice(1), imageFiles, imagesDir);
  if (problems.length > 0) throw new DatasetLayoutError(csvPath, problems);
  const listed = new Set(rows.map((row) => row.name));
  const unlisted = [...imageFiles].filter((name) => !listed.has(name)).sort(compareFileNames);
  return { rows, imagesDir, csvPath, unlisted };
}

/** "2.jpg" before "10.jpg": numbers inside names compare by value. */
export const compareFileNames = new Intl.Collator('en', { numeric: true }).compare;

function checkHeader(header: CsvRecord, csvPath: string): void {
  // Extra columns are allowed (some copies of the dataset carry more); the first two must be the article's.
  const found = header.fields.slice(0, 2).map((field) => field.trim());
  if (found[0] !== ARTICLE_HEADER[0] || found[1] !== ARTICLE_HEADER[1]) {
    throw new Error(`${csvPath} line ${header.line}: expected the header "${ARTICLE_HEADER.join(',')}", found "${header.fields.join(',')}"`);
  }
}

// An image name must stay inside images/: no folders, no "." or "..".
function isPlainFileName(name: string): boolean {
  return name !== '.' && name !== '..' && !/[/\\\u0000-\u001f]/.test(name);
}

/** Validates every data row; collects all problems (as "line N: …") instead of stopping at the first. */
function checkRows(records: CsvRecord[], imageFiles: Set<string>, imagesDir: string): { rows: LabeledImage[]; problems: string[] } {
  const rows: LabeledImage[] = [];
  const problems: string[] = [];
  const firstSeen = new Map<string, { line: number; label: string }>();

  for (const { line, fields } of records) {
    const name = fields[0].trim();
    const labelText = (fields[1] ?? '').trim();
    const where = `line ${line}:`;
    if (name === '') {
      problems.push(`${where} the image name is empty`);
      continue;
    }
    if (!isPlainFileName(name)) {
      problems.push(`${where} image name ${JSON.stringify(name)} must be a plain file name inside ${ARTICLE_IMAGES_DIR}/`);
      continue;
    }
    const earlier = firstSeen.get(name);
    if (earlier) {
      const conflict = earlier.label === labelText ? '' : ` with a different label (${earlier.label} there, ${labelText} here)`;
      problems.push(`${where} "${name}" is listed again${conflict} (first on line ${earlier.line})`);
      continue;
    }
    firstSeen.set(name, { line, label: labelText });
    if (labelText !== '0' && labelText !== '1') {
      problems.push(`${where} label ${JSON.stringify(labelText)} for "${name}" must be 0 (not emergency) or 1 (emergency)`);
      continue;
    }
    if (!imageFiles.has(name)) {
      problems.push(`${where} image "${name}" not found in ${imagesDir}`);
      continue;
    }
    rows.push({ name, label: labelText === '1' ? 1 : 0 });
  }
  return { rows, problems };
}
