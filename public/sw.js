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
// One precache per site: each entry carries its revision (REVISION_HEADER), so a new build re-fetches
// only the files whose revision changed (as Workbox's precaching does) and deletes the ones it no
// longer lists. Caches of earlier versions of this worker (one per build: PRECACHE_PREFIX + version)
// are removed when it activates.
const PRECACHE = `course-precache:${scope}`;
const PRECACHE_PREFIX = `${PRECACHE}:`;
const RUNTIME = `course-runtime:${scope}`;
const REVISION_HEADER = 'X-Course-Revision';

/** The course's own page for an address it has not saved, shown while offline (in the address's language). */
const OFFLINE_PAGES = ['offline/', 'zh/offline/'].map((path) => new URL(path, scope).href);

self.addEventListener('install', (event) => {
  self.skipWaiting();
  // Kept from the start, so that even before the course is saved an unknown page offline gets it; a failure
  // here (offline at install) must not stop the worker from installing.
  event.waitUntil(caches.open(RUNTIME).then((cache) => cache.addAll(OFFLINE_PAGES)).catch(() => {}));
});
self.addEventListener('activate', (event) => event.waitUntil(Promise.all([self.clients.claim(), removeOldCaches()])));

async function removeOldCaches() {
  for (const key of await caches.keys()) if (key.startsWith(PRECACHE_PREFIX)) await caches.delete(key);
}

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
    if (request.mode === 'navigate') {
      const chinese = url.href.startsWith(new URL('zh/', scope).href);
      const offline = await caches.match(OFFLINE_PAGES[chinese ? 1 : 0]);
      if (offline) return new Response(offline.body, { status: 503, statusText: 'Offline', headers: offline.headers });
    }
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
    const revisions = manifest.revisions ?? {};
    const cache = await caches.open(PRECACHE);
    const urls = manifest.files.map((file) => new URL(file, scope).href);
    const revisionOf = new Map(manifest.files.map((file, index) => [urls[index], revisions[file] ?? manifest.version]));
    let done = 0;
    let fetched = 0;
    let fetchedBytes = 0;
    const queue = [...urls];
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const revision = revisionOf.get(url);
        const saved = await cache.match(url);
        if (!saved || saved.headers.get(REVISION_HEADER) !== revision) {
          // The header says why the request is made (a server's log tells precaching from reading).
          const answer = await fetch(url, { cache: 'no-cache', headers: { 'X-Course-Precache': revision } });
          if (!answer.ok) throw new Error(`${url}: HTTP ${answer.status}`);
          const body = await answer.blob();
          const headers = new Headers(answer.headers);
          headers.set(REVISION_HEADER, revision);
          await cache.put(url, new Response(body, { status: answer.status, statusText: answer.statusText, headers }));
          fetched += 1;
          fetchedBytes += body.size;
        }
        done += 1;
        if (done % 10 === 0) tell({ type: 'precache-progress', done, total: urls.length });
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const listed = new Set(urls);
    for (const request of await cache.keys()) if (!listed.has(request.url)) await cache.delete(request);
    await pruneRuntime(listed, new Set((manifest.onDemand ?? []).map((file) => new URL(file, scope).href)));
    await removeOldCaches();
    tell({ type: 'precache-done', files: urls.length, version: manifest.version, fetched, fetchedBytes });
  } catch (error) {
    tell({ type: 'precache-failed', error: String(error?.message ?? error) });
  }
}

/**
 * The runtime cache keeps what was read without being listed (the 224×224 originals, the language
 * service): entries the precache now holds are dropped, and so is built code (_astro/) of other builds.
 */
async function pruneRuntime(precached, onDemand) {
  const cache = await caches.open(RUNTIME);
  for (const request of await cache.keys()) {
    const builtCode = new URL(request.url).pathname.includes('/_astro/');
    if (precached.has(request.url) || (builtCode && !onDemand.has(request.url))) await cache.delete(request);
  }
}
