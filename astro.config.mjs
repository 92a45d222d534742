// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { remarkCells, CELL_LANGUAGE } from './src/markdown/remarkCells.ts';
import { offlineManifest } from './scripts/lib/offlineManifest.ts';
import { hostHeaders } from './scripts/lib/hostHeaders.ts';

// Cross-origin isolation lets TF.js's wasm backend use threads (SharedArrayBuffer).
// Static hosts that cannot send headers get them from the service worker (public/sw.js): see the README.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
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
  vite: {
    build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 4096 },
    // The language worker (src/notebook/languageWorker.ts) is a module worker.
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
