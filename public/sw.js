/*
 * The course's service worker (registered by the inline script of every page, scope = the site's base).
 *
 * 1. Cross-origin isolation on static hosts: it adds Cross-Origin-Opener-Policy and
 *    Cross-Origin-Embedder-Policy to the site's own responses, so after one reload the pages are
 *    cross-origin isolated and TF.js's wasm backend can use threads (SharedArrayBuffer). Everything the
 *    site loads is same-origin, so `require-corp` blocks nothing.
 * 2. Offline: pages are network-first (falling back to the cache), hashed files (the built code in
 *    _astro/, the dataset's sprite sheets) cache-first, everything else network-first. On request from a
 *    page it saves the whole course listed in offline-manifest.json (written by the build): pages, code,
 *    wasm and the active dataset at 32 and 64 pixels.
 */
const scope = self.registration.scope; // e.g. https://user.github.io/course/
const PRECACHE_PREFIX = `course-precache:${scope}:`;
const RUNTIME = `course-runtime:${scope}`;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  if (request.headers.has('range')) return;
  event.respondWith(respond(request).then(isolated));
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'precache') event.waitUntil(precache(event.source));
});

async function respond(request) {
  const url = new URL(request.url);
  const immutable = url.pathname.includes('/_astro/') || /-[0-9a-f]{8}\.[a-z0-9]+$/i.test(url.pathname);
  if (immutable) {
    const cached = await caches.match(request);
    if (cached) return cached;
    return fetchAndKeep(request);
  }
  try {
    return await fetchAndKeep(request);
  } catch (error) {
    const cached = (await caches.match(request)) ?? (await caches.match(request, { ignoreSearch: true })) ?? (await caches.match(withSlash(url)));
    if (cached) return cached;
    throw error;
  }
}

async function fetchAndKeep(request) {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(RUNTIME).then((cache) => cache.put(request, copy)).catch(() => {});
  }
  return response;
}

/** A folder address without its final slash (/course/lessons/01-baseline) is the page at .../01-baseline/. */
function withSlash(url) {
  const copy = new URL(url);
  copy.search = '';
  if (!copy.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(copy.pathname)) copy.pathname += '/';
  return copy.href;
}

/** The site's own responses, with the headers that make its pages cross-origin isolated. */
function isolated(response) {
  if (!response || response.status === 0 || (response.type !== 'basic' && response.type !== 'default')) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

let precaching;
/** Saves every file the build listed (once per build), reporting progress to the page that asked. */
function precache(client) {
  precaching ??= savePrecache(client).finally(() => { precaching = undefined; });
  return precaching;
}

async function savePrecache(client) {
  const tell = (message) => client?.postMessage(message);
  try {
    const response = await fetch(new URL('offline-manifest.json', scope), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`offline-manifest.json: HTTP ${response.status}`);
    const manifest = await response.json();
    const name = PRECACHE_PREFIX + manifest.version;
    const cache = await caches.open(name);
    const urls = manifest.files.map((file) => new URL(file, scope).href);
    let done = 0;
    const queue = [...urls];
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        if (!(await cache.match(url))) {
          const fetched = await fetch(url, { cache: 'no-cache' });
          if (!fetched.ok) throw new Error(`${url}: HTTP ${fetched.status}`);
          await cache.put(url, fetched);
        }
        done += 1;
        if (done % 10 === 0) tell({ type: 'precache-progress', done, total: urls.length });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    for (const key of await caches.keys()) if (key.startsWith(PRECACHE_PREFIX) && key !== name) await caches.delete(key);
    tell({ type: 'precache-done', files: urls.length, version: manifest.version });
  } catch (error) {
    tell({ type: 'precache-failed', error: String(error?.message ?? error) });
  }
}
