import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Builds the course into `outDir` in a child process, as `npm run build` would (Astro, then Pagefind when
 * `search` is set), with extra environment variables (COURSE_BASE, COURSE_LESSONS, …).
 */
export async function buildCourse(outDir: string, extraEnv: Record<string, string>, { search = false } = {}): Promise<void> {
  const env = { ...withoutVitestEnv(), ...extraEnv };
  await run('npx', ['astro', 'build', '--outDir', outDir], { env, maxBuffer: 64 * 1024 * 1024 });
  if (search) await run('npx', ['pagefind', '--site', outDir], { env, maxBuffer: 16 * 1024 * 1024 });
}

/** The environment without Vitest's own variables (BASE_URL=/, MODE, NODE_ENV=test, …), which would leak into a child's Vite build. */
export function withoutVitestEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITE.*|TEST)$/.test(entry[0])));
}
