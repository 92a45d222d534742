// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { remarkCells, CELL_LANGUAGE } from './src/markdown/remarkCells.ts';
import { offlineManifest } from './scripts/lib/offlineManifest.ts';
import { hostHeaders } from './scripts/lib/hostHeaders.ts';
import { cellReload } from './scripts/lib/cellReload.ts';

// Cross-origin isolation lets TF.js's wasm backend use threads (SharedArrayBuffer).
// Static hosts that cannot send headers get them from the service worker (public/sw.js): see the README.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** An esbuild plugin for Vite's dev pre-bundling: node-fetch (tfjs-core's fetch under Node) is an empty module. */
const withoutNodeFetch = {
  name: 'course-without-node-fetch',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^node-fetch$/ }, () => ({ path: 'node-fetch', namespace: 'course-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'course-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

export default defineConfig({
  // Deploy under a sub-path (GitHub Pages: /<repo>/) with COURSE_BASE=/course/ npm run build.
  base: process.env.COURSE_BASE ?? '/',
  // The public origin (COURSE_SITE=https://user.github.io), when known: pages then name their other-language
  // version for search engines (<link rel="alternate" hreflang>), which must be an absolute address.
  site: process.env.COURSE_SITE || undefined,
  trailingSlash: 'ignore',
  // A build of other lessons (COURSE_LESSONS, src/lessons/layout.ts) keeps its content cache apart from the course's.
  cacheDir: process.env.COURSE_CACHE_DIR || undefined,
  // offlineManifest lists the built files the service worker saves for offline use; hostHeaders writes
  // _headers (Netlify, Cloudflare Pages) for the base path.
  integrations: [mdx(), offlineManifest(), hostHeaders()],
  markdown: {
    remarkPlugins: [remarkCells],
    // Cells are highlighted by remarkCells (with their toolbar); Astro highlights the other code blocks.
    syntaxHighlight: { type: 'shiki', excludeLangs: [CELL_LANGUAGE] },
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  server: { headers: isolationHeaders },
  // The dev toolbar floats over the first cell's Run button.
  devToolbar: { enabled: false },
  vite: {
    // astro dev: an edited cell or exercise file reloads its lesson's page (the prose alone Astro already watches).
    plugins: [cellReload()],
    build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 4096 },
    // The language worker (src/notebook/languageWorker.ts) is a module worker.
    worker: { format: 'es' },
    // Dev only (astro dev pre-bundles dependencies; the build does not use optimizeDeps). TF.js's wasm backend is
    // pre-bundled: served raw, its dist/backend_wasm.js imports the worker source from a CommonJS file, which
    // fails in the browser (the .wasm files are named by tfBackend.ts's ?url imports, so bundling moves nothing).
    // tfjs-core's Node fetch (node-fetch, "browser": false in its package.json) then becomes an empty module
    // instead of an import of node-fetch's Node-only code.
    optimizeDeps: { esbuildOptions: { plugins: [withoutNodeFetch] } },
  },
});
