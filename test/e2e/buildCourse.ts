import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Builds the course into `outDir` in a child process, as `npm run build` would (Astro, then Pagefind when
 * `search` is set), with extra environment variables (COURSE_BASE, COURSE_LESSONS, …).
 */
export async function buildCourse(outDir: string, extraEnv: Record<string, string>, { search = false } = {}): Promise<void> {
  // Vitest's own variables (BASE_URL=/, MODE, NODE_ENV=test, …) would leak into the child's Vite build.
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITE.*|TEST)$/.test(key))), ...extraEnv };
  await run('npx', ['astro', 'build', '--outDir', outDir], { env, maxBuffer: 64 * 1024 * 1024 });
  if (search) await run('npx', ['pagefind', '--site', outDir], { env, maxBuffer: 16 * 1024 * 1024 });
}

