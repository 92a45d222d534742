import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** What the service worker saves for offline use: pages, code, wasm, styles, images, the lessons' notebooks (for Export .ipynb), and the dataset's sprite sheets. */
const KEEP = /\.(html|js|css|wasm|svg|json|ipynb|jpg|png|webp|woff2|ico)$/i;
/**
 * Not saved ahead: the 224×224 originals (loaded only on request; kept once used), build leftovers, Pagefind's
 * index, and the editor's language service (TypeScript and the type declarations; kept once an editor used it).
 */
const SKIP = /^(data\/images\/|collections\/|pagefind\/|offline-manifest\.json$|sw\.js$|_astro\/languageWorker[-.][\w-]+\.js$|_astro\/cell-types[-.][\w-]+\.json$)/;
/** Of the files not saved ahead, the built code a page loads on demand: the service worker keeps it once used, and drops older builds' copies. */
const ON_DEMAND = /^_astro\/(languageWorker[-.][\w-]+\.js|cell-types[-.][\w-]+\.json)$/;
/** Beside the payload in public/ while an import runs (see scripts/lib/dataset/payloadFolder.ts): never part of a build. */
const IMPORT_LEFTOVER = /^data\.(partial-.*|lock)$/;
/** A sprite sheet's name (see src/importer/spriteSheets.ts); data/ also holds the data page (index.html). */
const SPRITE_SHEET = /^x\d+-\d+-[0-9a-f]{8}\.(jpg|png|webp)$/;

export interface OfflineManifest {
  /** Changes whenever any listed file changes: the service worker keeps one saved copy per version. */
  version: string;
  /** Addresses relative to the site's base; a page is its folder ("lessons/01-baseline/", "" for the index). */
  files: string[];
  /**
   * Each file's revision (a hash of its content), by address: the service worker fetches again only the
   * files whose revision changed since it saved them, and deletes the ones no longer listed.
   */
  revisions: Record<string, string>;
  /** Built code not saved ahead but kept once used (the editor's language service); other builds' copies are dropped. */
  onDemand: string[];
  bytes: number;
}

/** The files of the active dataset in dist/data/: its manifest, its report and the sheets the manifest names. */
async function activeDatasetFiles(dir: string): Promise<Set<string>> {
  const files = new Set(['manifest.json', 'report.json']);
  const manifest = await readFile(join(dir, 'data', 'manifest.json'), 'utf8').then((text) => JSON.parse(text), () => undefined);
  for (const resolution of Object.values((manifest?.resolutions ?? {}) as Record<string, { shards?: { file: string }[] }>)) {
    for (const shard of resolution.shards ?? []) files.add(shard.file);
  }
  return files;
}

/**
 * Removes from a build what is not the active dataset: an import's staging folder or lock copied from public/,
 * and sprite sheets in data/ that its manifest does not name. Returns what it removed, relative to `dir`.
 */
export async function pruneInactiveDatasetFiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(dir)) {
    if (!IMPORT_LEFTOVER.test(entry)) continue;
    await rm(join(dir, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  const keep = await activeDatasetFiles(dir);
  for (const entry of await readdir(join(dir, 'data'), { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory() || !SPRITE_SHEET.test(entry.name) || keep.has(entry.name)) continue;
    await rm(join(dir, 'data', entry.name), { recursive: true, force: true });
    removed.push(`data/${entry.name}`);
  }
  return removed;
}

export async function buildOfflineManifest(dir: string): Promise<OfflineManifest> {
  const files: string[] = [];
  const revisions: Record<string, string> = {};
  const onDemand: string[] = [];
  const hash = createHash('sha256');
  const dataset = await activeDatasetFiles(dir);
  let bytes = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (folder === dir && IMPORT_LEFTOVER.test(entry.name)) continue;
      if (entry.isDirectory()) {
        if (!SKIP.test(`${rel}/`)) await walk(path);
        continue;
      }
      if (ON_DEMAND.test(rel)) onDemand.push(rel);
      if (!KEEP.test(rel) || SKIP.test(rel)) continue;
      if (folder === join(dir, 'data') && SPRITE_SHEET.test(entry.name) && !dataset.has(entry.name)) continue;
      const content = await readFile(path);
      hash.update(rel).update(content);
      bytes += content.length;
      const address = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
      files.push(address);
      revisions[address] = createHash('sha256').update(content).digest('hex').slice(0, 16);
    }
  };
  await walk(dir);
  return { version: hash.digest('hex').slice(0, 16), files, revisions, onDemand, bytes };
}

export function offlineManifest(): AstroIntegration {
  return {
    name: 'course-offline-manifest',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const folder = fileURLToPath(dir);
        const removed = await pruneInactiveDatasetFiles(folder);
        if (removed.length > 0) logger.info(`left out of the build, not the active dataset: ${removed.join(', ')}`);
        const manifest = await buildOfflineManifest(folder);
        await writeFile(join(folder, 'offline-manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
        logger.info(`offline-manifest.json: ${manifest.files.length} files, ${(manifest.bytes / 1e6).toFixed(1)} MB saved for offline use`);
      },
    },
  };
}
