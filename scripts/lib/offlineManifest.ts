import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** What the service worker saves for offline use: pages, code, wasm, styles, images, and the dataset's sprite sheets. */
const KEEP = /\.(html|js|css|wasm|svg|json|jpg|png|webp|woff2|ico)$/i;
/** Not saved ahead: the 224×224 originals (loaded only on request; kept once used), build leftovers, Pagefind's index. */
const SKIP = /^(data\/images\/|collections\/|pagefind\/|offline-manifest\.json$|sw\.js$)/;

export interface OfflineManifest {
  /** Changes whenever any listed file changes: the service worker keeps one saved copy per version. */
  version: string;
  /** Addresses relative to the site's base; a page is its folder ("lessons/01-baseline/", "" for the index). */
  files: string[];
  bytes: number;
}

export async function buildOfflineManifest(dir: string): Promise<OfflineManifest> {
  const files: string[] = [];
  const hash = createHash('sha256');
  let bytes = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!SKIP.test(`${rel}/`)) await walk(path);
        continue;
      }
      if (!KEEP.test(rel) || SKIP.test(rel)) continue;
      const content = await readFile(path);
      hash.update(rel).update(content);
      bytes += content.length;
      files.push(rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
    }
  };
  await walk(dir);
  return { version: hash.digest('hex').slice(0, 16), files, bytes };
}

export function offlineManifest(): AstroIntegration {
  return {
    name: 'course-offline-manifest',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const folder = fileURLToPath(dir);
        const manifest = await buildOfflineManifest(folder);
        await writeFile(join(folder, 'offline-manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
        logger.info(`offline-manifest.json: ${manifest.files.length} files, ${(manifest.bytes / 1e6).toFixed(1)} MB saved for offline use`);
      },
    },
  };
}
