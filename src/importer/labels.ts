/**
 * The labelled images of a dataset, checked thoroughly so that every later step can trust names and labels:
 * the CSV of the article's or the Kaggle layout (header, one 0/1 label per image, every named file present),
 * or two folders of photos (a label per folder). Problems are collected, not stopped at, and named by file and line.
 */
import { parseCsv, type CsvRecord } from './csv';
import { ARTICLE_HEADER, isHidden, missingFolderProblem, type FoldersLayout, type LabelledLayout, type Layout } from './layout';
import { MAX_LABEL_FILE_BYTES } from './limits';
import { findNearName, isPlainFileName, printable, quoted } from './names';
import { joinPath, notAFileProblem, sizePhrase, type DatasetSource, type SourceEntry } from './source';

export type BinaryLabel = 0 | 1;

export interface LabeledImage {
  /** Its name in the payload and the manifest. */
  name: string;
  /** Where it is in the source. */
  path: string;
  label: BinaryLabel;
}

export interface LabelledImages {
  /** In CSV order (the order the article's split indexes into); emergency, then other, for folders. */
  rows: LabeledImage[];
  /** Files beside the images that no row names (ignored; the report lists them). */
  unlisted: string[];
  warnings: string[];
  /** How the report refers to the order of rows: "the CSV", "the folders". */
  orderSource: string;
}

/** Raised when the label file is not valid; `problems` lists every issue found. */
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

// Photos a reader drops in a folder; anything else there (a README, Thumbs.db) is listed as ignored.
const PHOTO_EXTENSIONS = /\.(jpe?g|jfif|png|webp|heic|heif|avif|gif|bmp|tiff?)$/i;
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);

export async function readLabelledImages(source: DatasetSource, layout: Layout): Promise<LabelledImages> {
  return layout.kind === 'folders' ? readFolders(source, layout) : readLabelFile(source, layout);
}

/**
 * A label file's text: a plain file (a link, pipe or device is refused by name: a pipe would hang the read or
 * read as empty), capped in size, UTF-8 (or Windows-1252, with a warning, when it is not valid UTF-8).
 */
export async function readText(source: DatasetSource, path: string, { size, kind }: Pick<SourceEntry, 'size' | 'kind'>, warnings: string[]): Promise<string> {
  const notAFile = await notAFileProblem(source, path, kind, 'label file');
  if (notAFile) throw new Error(`${source.where(path)} ${notAFile}, so nothing was imported`);
  if (size > MAX_LABEL_FILE_BYTES) {
    throw new Error(`${source.where(path)} ${sizePhrase(source, size)}; a label file may be at most ${MAX_LABEL_FILE_BYTES / 1e6} MB (one short line per image), so nothing was imported`);
  }
  const bytes = await source.read(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push(`${path} is not valid UTF-8 text; it was read as Windows-1252`);
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function readLabelFile(source: DatasetSource, layout: LabelledLayout): Promise<LabelledImages> {
  const csvName = source.where(layout.csvPath);
  const layoutHint = `expected the labels in ${csvName} and the images in ${source.where(layout.imagesDir)}/`;
  const csvEntry = await entryAt(source, layout.csvPath);
  if (!csvEntry) throw new Error(`${csvName} not found (${layoutHint})`);
  const warnings: string[] = [];
  const records = parseCsv(await readText(source, layout.csvPath, csvEntry, warnings), csvName);
  if (records.length === 0) throw new Error(`${csvName} is empty (expected the header "${ARTICLE_HEADER.join(',')}" and one row per image)`);
  checkHeader(records[0]!, csvName);
  if (records.length === 1) throw new Error(`${csvName} has a header but no image rows`);

  const listing = await source.list(layout.imagesDir);
  if (!listing) throw new Error(`${source.where(layout.imagesDir)} ${await missingFolderProblem(source, layout.imagesDir)} (${layoutHint})`);
  const files = new Map(listing.filter((entry) => entry.kind !== 'directory').map((entry) => [entry.name, entry]));
  const folders = new Set(listing.filter((entry) => entry.kind === 'directory').map((entry) => entry.name));
  const { rows, problems } = checkRows(records.slice(1), { files, folders }, source.where(layout.imagesDir), layout.imagesDir);
  if (problems.length > 0) throw new DatasetLayoutError(csvName, problems);
  const listed = new Set(rows.map((row) => row.name));
  const unlisted = [...files.keys()].filter((name) => !listed.has(name)).sort(compareFileNames);
  return { rows, unlisted, warnings, orderSource: 'the CSV' };
}

async function readFolders(source: DatasetSource, layout: FoldersLayout): Promise<LabelledImages> {
  const rows: LabeledImage[] = [];
  const unlisted: string[] = [];
  const warnings: string[] = [];
  for (const [dir, label, prefix] of [[layout.emergencyDir, 1, 'emergency'], [layout.otherDir, 0, 'other']] as const) {
    const entries = (await source.list(dir)) ?? [];
    const photos = entries.filter((entry) => entry.kind !== 'directory' && !isHidden(entry.name) && !SYSTEM_FILES.has(entry.name.toLowerCase()));
    for (const entry of photos.sort((a, b) => compareFileNames(a.name, b.name))) {
      if (!PHOTO_EXTENSIONS.test(entry.name)) unlisted.push(joinPath(dir, entry.name));
      else rows.push({ name: `${prefix}-${entry.name}`, path: joinPath(dir, entry.name), label });
    }
    const subfolders = entries.filter((entry) => entry.kind === 'directory' && !isHidden(entry.name));
    if (subfolders.length > 0) warnings.push(`${dir}/: ${subfolders.length} folder${subfolders.length === 1 ? '' : 's'} inside, not read: ${subfolders.map((entry) => printable(entry.name)).join(', ')}`);
    if (!rows.some((row) => row.label === label)) {
      throw new Error(`${source.where(dir)}/ holds no photos (expected JPEG, PNG or WebP files${unlisted.length ? `; found only ${unlisted.map(printable).join(', ')}` : ''})`);
    }
  }
  const bad = rows.find((row) => !isPlainFileName(row.name));
  if (bad) throw new Error(`${source.where(bad.path)}: the file name ${quoted(bad.path.split('/').pop()!)} has a control character; rename the file`);
  return { rows, unlisted, warnings, orderSource: 'the folders' };
}

async function entryAt(source: DatasetSource, path: string): Promise<SourceEntry | undefined> {
  const slash = path.lastIndexOf('/');
  const entries = await source.list(slash < 0 ? '' : path.slice(0, slash));
  return entries?.find((entry) => entry.name === path.slice(slash + 1) && entry.kind !== 'directory');
}

/** "2.jpg" before "10.jpg": numbers inside names compare by value. */
const compareFileNames = new Intl.Collator('en', { numeric: true }).compare;

function checkHeader(header: CsvRecord, csvName: string): void {
  // Extra columns are allowed (some copies of the dataset carry more); the first two must be the article's.
  const found = header.fields.slice(0, 2).map((field) => field.trim());
  if (found[0] !== ARTICLE_HEADER[0] || found[1] !== ARTICLE_HEADER[1]) {
    throw new Error(`${csvName} line ${header.line}: expected the header "${ARTICLE_HEADER.join(',')}", found "${printable(header.fields.join(','))}"`);
  }
}

/** Validates every data row; collects all problems (as "line N: …") instead of stopping at the first. */
function checkRows(records: CsvRecord[], { files, folders }: { files: Map<string, SourceEntry>; folders: Set<string> }, imagesWhere: string, imagesDir: string): { rows: LabeledImage[]; problems: string[] } {
  const rows: LabeledImage[] = [];
  const problems: string[] = [];
  const firstSeen = new Map<string, { line: number; label: string }>();

  for (const { line, fields } of records) {
    const raw = fields[0]!;
    // A name is taken as written when such a file exists, else without the spaces a spreadsheet may add.
    const name = files.has(raw) ? raw : raw.trim();
    const labelText = (fields[1] ?? '').trim();
    const where = `line ${line}:`;
    if (name === '') {
      problems.push(`${where} the image name is empty`);
      continue;
    }
    if (!isPlainFileName(name)) {
      problems.push(`${where} image name ${quoted(name)} must be a plain file name inside ${imagesDir.split('/').pop()}/`);
      continue;
    }
    const earlier = firstSeen.get(name);
    if (earlier) {
      const conflict = earlier.label === labelText ? '' : ` with a different label (${printable(earlier.label)} there, ${printable(labelText)} here)`;
      problems.push(`${where} ${quoted(name)} is listed again${conflict} (first on line ${earlier.line})`);
      continue;
    }
    firstSeen.set(name, { line, label: labelText });
    if (labelText !== '0' && labelText !== '1') {
      problems.push(`${where} label ${quoted(labelText)} for ${quoted(name)} must be 0 (not emergency) or 1 (emergency)`);
      continue;
    }
    if (!files.has(name) && folders.has(name)) {
      problems.push(`${where} ${quoted(name)} in ${imagesWhere} is a folder, not an image file`);
      continue;
    }
    if (!files.has(name)) {
      const near = findNearName(raw, files.keys()) ?? findNearName(name, files.keys());
      problems.push(`${where} image ${quoted(name)} not found in ${imagesWhere}${near ? `; ${quoted(near.name)} is there, which ${near.difference}` : ''}`);
      continue;
    }
    rows.push({ name, path: joinPath(imagesDir, name), label: labelText === '1' ? 1 : 0 });
  }
  return { rows, problems };
}

/** Kaggle's test.csv: header "image_names", one image per row, no labels; kept apart, never given invented labels. */
export async function readUnlabelled(source: DatasetSource, layout: Layout): Promise<{ names: string[]; warnings: string[] }> {
  if (layout.kind !== 'kaggle' || !layout.unlabelled) return { names: [], warnings: [] };
  const { csvPath, imagesDir } = layout.unlabelled;
  const csvName = source.where(csvPath);
  const warnings: string[] = [];
  const entry = await entryAt(source, csvPath);
  const relative = csvPath.split('/').pop()!;
  const records = parseCsv(await readText(source, csvPath, entry ?? { size: 0, kind: 'file' }, warnings), csvName);
  if (records.length === 0) return { names: [], warnings: [`${relative} is empty`] };
  if (records[0]!.fields[0]!.trim() !== 'image_names') {
    throw new Error(`${csvName} line ${records[0]!.line}: expected the header "image_names", found "${printable(records[0]!.fields.join(','))}"`);
  }
  const files = new Set(((await source.list(imagesDir)) ?? []).map((file) => file.name));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of records.slice(1)) {
    const name = fields[0]!.trim();
    if (name === '' || seen.has(name)) warnings.push(`${relative} line ${line}: ${name === '' ? 'empty image name' : `${quoted(name)} is listed again`} (skipped)`);
    else if (!files.has(name)) {
      const near = findNearName(name, files);
      warnings.push(`${relative} line ${line}: image ${quoted(name)} not found in ${imagesDir.split('/').pop()}/${near ? `; ${quoted(near.name)} is there, which ${near.difference}` : ''} (skipped)`);
    }
    else names.push(name);
    seen.add(name);
  }
  return { names, warnings };
}
