/**
 * Writes the declarations cells are type-checked against (the type pack, src/notebook/cellLanguageService.ts)
 * to generated/: cell-types.json for the editor's language service and the CI check, and
 * lesson-library.d.ts (the same library declarations, to read). Skipped when nothing they come from changed.
 *
 *   npx tsx scripts/build-cell-types.ts [--force]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { lessonLibraryDeclarations } from './lib/lessonLibraryTypes';
import { buildTypePackFiles } from './lib/typePack';
import { CELL_TYPES_FILE, LESSON_LIBRARY_FILE, GENERATED_FOLDER } from './lib/cellTypesPaths';

/** What the declarations come from: the library's sources, the installed packages, this generator. */
function inputKey(root: string): string {
  const hash = createHash('sha256').update(ts.version);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ts$/.test(name)) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  for (const file of ['package-lock.json', 'scripts/build-cell-types.ts', 'scripts/lib/lessonLibraryTypes.ts', 'scripts/lib/typePack.ts']) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

export function buildCellTypes({ root = process.cwd(), force = false } = {}): { path: string; built: boolean } {
  const out = join(root, GENERATED_FOLDER, CELL_TYPES_FILE);
  const key = inputKey(root);
  if (!force && existsSync(out)) {
    try {
      if ((JSON.parse(readFileSync(out, 'utf8')) as { key?: string }).key === key) return { path: out, built: false };
    } catch { /* unreadable: build it again */ }
  }
  const declarations = lessonLibraryDeclarations(root);
  const files = buildTypePackFiles(declarations, root);
  mkdirSync(join(root, GENERATED_FOLDER), { recursive: true });
  // Written to a temporary name and renamed, so a stopped build never leaves half a file.
  const write = (path: string, text: string) => {
    writeFileSync(`${path}.partial`, text);
    renameSync(`${path}.partial`, path);
  };
  write(join(root, GENERATED_FOLDER, LESSON_LIBRARY_FILE), declarations);
  write(out, JSON.stringify({ key, files }));
  return { path: out, built: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const { path, built } = buildCellTypes({ force: process.argv.includes('--force') });
  const size = statSync(path).size;
  console.log(`${built ? 'wrote' : 'up to date:'} ${path} (${(size / 1e6).toFixed(2)} MB${built ? `, ${((performance.now() - started) / 1000).toFixed(1)} s` : ''})`);
}
