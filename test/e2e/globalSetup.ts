import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/lib/staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Serves the built site (npm test builds it first) for the end-to-end tests. */
export default async function setup(project: TestProject) {
  // E2E_DIST points the tests at another build (e.g. a copy that a concurrent build cannot change).
  const dist = resolve(process.env.E2E_DIST ?? 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error('dist/index.html is missing: the end-to-end tests drive the built site; run "npm test" (which builds it) or "npm run build" first');
  }
  const { server, url } = await startStaticServer({ root: dist });
  project.provide('siteUrl', url);
  return () => new Promise<void>((done) => server.close(() => done()));
}
