/**
 * What the built site (dist/) was built from, as one hash: `npm start` rebuilds only when it changed.
 * The inputs are the sources the build reads (src/, content/, public/ except the dataset's images, the
 * configuration and lockfile, the build's own scripts), the dataset payload's manifest (its files are
 * named by their hashes) and the environment variables that change the output.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders and files the build reads; a folder is hashed whole (file names and contents). */
const INPUTS = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
/** The dataset payload's images and sheets are named by their hashes: its manifest stands for them. */
const SKIPPED = new Set(['public/data', 'scripts/tools', 'scripts/synthetic']);
const DATA_MANIFEST = 'public/data/manifest.json';
/** Variables that change what the build writes (base path, origin, lesson set, solutions, content cache). */
export const BUILD_VARIABLES = ['COURSE_BASE', 'COURSE_SITE', 'COURSE_LESSONS', 'COURSE_SOLUTIONS', 'COURSE_CACHE_DIR'];
export const STAMP_FILE = '.build-stamp';

export function buildInputsHash(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const rel = relative(root, path).split(sep).join('/');
    if (SKIPPED.has(rel) || !existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(`${rel}\0`).update(readFileSync(path)).update('\0');
  };
  for (const input of INPUTS) add(join(root, input));
  const manifest = join(root, DATA_MANIFEST);
  hash.update(existsSync(manifest) ? readFileSync(manifest) : 'no dataset payload');
  for (const name of BUILD_VARIABLES) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex').slice(0, 20);
}

/** Whether `dist` holds a complete build of exactly these inputs. */
export function isBuildCurrent(root: string, dist: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const stamp = join(dist, STAMP_FILE);
  if (!existsSync(join(dist, 'index.html')) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8').trim() === buildInputsHash(root, env);
}

/** Written after a build succeeded (a failed or stopped build leaves no stamp, so the next start builds again). */
export function writeBuildStamp(root: string, dist: string, env: NodeJS.ProcessEnv = process.env): void {
  writeFileSync(join(dist, STAMP_FILE), `${buildInputsHash(root, env)}\n`);
}
