/**
 * `npm start`: builds the course when what it is built from changed since the last build (scripts/lib/buildStamp.ts),
 * then serves dist/ as `npm run preview` does. `--rebuild` builds in any case; the other options are the
 * server's (`--port 4400`, `--host 0.0.0.0`).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isBuildCurrent, STAMP_FILE, writeBuildStamp } from './lib/buildStamp';

const root = process.cwd();
const dist = resolve(root, 'dist');
const rebuild = process.argv.includes('--rebuild');
process.argv = process.argv.filter((arg) => arg !== '--rebuild');

if (!rebuild && isBuildCurrent(root, dist)) {
  console.log('dist/ is up to date with the sources, the dataset and the build settings: serving it without building (npm start -- --rebuild builds anyway).');
} else {
  // The stamp goes first: a build that fails or is stopped halfway must not pass for a current one.
  rmSync(join(dist, STAMP_FILE), { force: true });
  const started = Date.now();
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeBuildStamp(root, dist);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
await import('./serve');
