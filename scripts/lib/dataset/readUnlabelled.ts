/**
 * Reads the Kaggle layout's test.csv: header "image_names", one image per row, no labels. These images are
 * kept as an unlabelled set (listed in the report), never given invented labels, never put in the payload.
 */
import { readdir, readFile } from 'node:fs/promises';
import { parseCsv } from './csv';

export const UNLABELLED_HEADER = 'image_names';

export interface UnlabelledImages {
  names: string[];
  /** Rows that name no file, or repeat an earlier row: reported, not fatal, since these images are not imported. */
  warnings: string[];
}

export async function readUnlabelled(csvPath: string, imagesDir: string): Promise<UnlabelledImages> {
  const records = parseCsv(await readFile(csvPath, 'utf8'), csvPath);
  if (records.length === 0) return { names: [], warnings: [`${csvPath} is empty`] };
  const header = records[0].fields[0].trim();
  if (header !== UNLABELLED_HEADER) {
    throw new Error(`${csvPath} line ${records[0].line}: expected the header "${UNLABELLED_HEADER}", found "${records[0].fields.join(',')}"`);
  }
  const files = new Set(await readdir(imagesDir).catch(() => []));
  const names: string[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of records.slice(1)) {
    const name = fields[0].trim();
    if (name === '' || seen.has(name)) {
      warnings.push(`${csvPath} line ${line}: ${name === '' ? 'empty image name' : `"${name}" is listed again`} (skipped)`);
    } else if (!files.has(name)) {
      warnings.push(`${csvPath} line ${line}: image "${name}" not found in ${imagesDir} (skipped)`);
    } else {
      names.push(name);
    }
    seen.add(name);
  }
  return { names, warnings };
}
