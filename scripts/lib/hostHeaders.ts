import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The `_headers` file that Netlify and Cloudflare Pages read from the published folder, with every rule under
 * the site's base path: the built folder's own copy is right for the base it was built for.
 */
export function hostHeadersFile(base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `# Netlify and Cloudflare Pages read this file from the root of the published folder; written by the build
# (scripts/lib/hostHeaders.ts) for the base path ${root}. If the course is published inside a sub-folder of
# a larger site, move this file to that site's root: the rules already carry the prefix.
# Cross-origin isolation lets TF.js's wasm backend use threads; everything the course loads is its own,
# so require-corp blocks nothing. With these headers the service worker (sw.js) has nothing to add and
# only keeps the course for offline use.
${root}*
  Cross-Origin-Opener-Policy: same-origin
  Cross-Origin-Embedder-Policy: require-corp
  Cross-Origin-Resource-Policy: same-origin
  X-Content-Type-Options: nosniff

# Built code has content hashes in its names: cache it for a year.
${root}_astro/*
  Cache-Control: public, max-age=31536000, immutable

# The service worker must be revalidated so a new deployment reaches readers.
${root}sw.js
  Cache-Control: no-cache
`;
}

export function hostHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'course-host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(join(fileURLToPath(dir), '_headers'), hostHeadersFile(base));
      },
    },
  };
}
