/**
 * The one inline script every page carries (allowed by its hash in the page's Content-Security-Policy).
 * It runs before the page paints, so a remembered theme shows without a flash, and it registers the
 * service worker (public/sw.js) that makes the course cross-origin isolated on static hosts (threads for
 * TF.js's wasm backend) and keeps it for offline use.
 */
import { CHOSEN_DATASET_KEY } from '../lib/chosenDataset';

export interface HeadScriptText {
  offlineSaving: string;
  offlineSaved: string;
  offlineFailed: string;
  offlineUnsupported: string;
  /** The header's badge when a dataset imported in this browser is active, and its button back. */
  datasetPrefix: string;
  useBuiltIn: string;
}

/**
 * `serviceWorker: false` under astro dev: the dev server sends COOP/COEP itself, there is no offline manifest to
 * save, and a worker caching dev modules would defeat live reload; the footer then says nothing.
 */
export function headScript(base: string, text: HeadScriptText, { serviceWorker = true } = {}): string {
  const body = String.raw`
const base = ${JSON.stringify(base)};
const useServiceWorker = ${JSON.stringify(serviceWorker)};
const CHOSEN_DATASET = ${JSON.stringify(CHOSEN_DATASET_KEY)};
const text = ${JSON.stringify(text)};
const root = document.documentElement;
const read = (store, key) => { try { return store.getItem(key); } catch { return null; } };
const write = (store, key, value) => { try { value === null ? store.removeItem(key) : store.setItem(key, value); } catch {} };
const THEME = 'course-theme';
const setTheme = (theme) => { if (theme === 'dark' || theme === 'light') root.dataset.theme = theme; else delete root.dataset.theme; };
setTheme(read(localStorage, THEME));
const isDark = () => root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
const syncToggles = () => { for (const button of document.querySelectorAll('[data-theme-toggle]')) button.setAttribute('aria-pressed', String(isDark())); };
document.addEventListener('DOMContentLoaded', syncToggles);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', syncToggles);
document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('[data-theme-toggle]')) return;
  const next = isDark() ? 'light' : 'dark';
  setTheme(next);
  write(localStorage, THEME, next);
  syncToggles();
});

// A dataset imported in this browser is named in every page's header, with a way back to the built-in one.
document.addEventListener('DOMContentLoaded', () => {
  let chosen = null;
  try { chosen = JSON.parse(read(localStorage, CHOSEN_DATASET) || 'null'); } catch {}
  const badge = document.querySelector('[data-active-dataset]');
  if (!badge || !chosen || typeof chosen.title !== 'string') return;
  badge.textContent = text.datasetPrefix + ' ' + chosen.title + ' ';
  badge.title = '';
  badge.dataset.activeDataset = chosen.id;
  const back = document.createElement('button');
  back.type = 'button';
  back.textContent = text.useBuiltIn;
  back.dataset.useBuiltIn = '';
  back.addEventListener('click', () => { write(localStorage, CHOSEN_DATASET, null); location.reload(); });
  badge.append(back);
});

const offlineStatus = (message, state) => {
  const element = document.querySelector('[data-offline-status]');
  if (!element) return;
  element.textContent = message;
  element.dataset.offlineState = state;
  element.hidden = false;
};
const sw = navigator.serviceWorker;
if (!useServiceWorker) {
  // astro dev: nothing to register, nothing to say in the footer.
} else if (!sw || !isSecureContext) {
  document.addEventListener('DOMContentLoaded', () => offlineStatus(text.offlineUnsupported, 'unsupported'));
} else {
  sw.addEventListener('message', (event) => {
    const data = event.data || {};
    if (data.type === 'precache-progress') offlineStatus(text.offlineSaving + ' (' + data.done + '/' + data.total + ')', 'saving');
    else if (data.type === 'precache-done') offlineStatus(text.offlineSaved, 'saved');
    else if (data.type === 'precache-failed') offlineStatus(text.offlineFailed + ': ' + data.error, 'failed');
  });
  const RELOAD = 'course-isolation-reload';
  addEventListener('load', async () => {
    let registration;
    try {
      registration = await sw.register(base + 'sw.js', { scope: base });
      await sw.ready;
    } catch (error) {
      offlineStatus(text.offlineFailed + ': ' + (error && error.message || error), 'failed');
      return;
    }
    if (crossOriginIsolated) {
      write(sessionStorage, RELOAD, null);
    } else if (!read(sessionStorage, RELOAD)) {
      // The page was served without COOP/COEP (a static host). Once the service worker controls the page
      // it adds them, so one reload makes the page cross-origin isolated. Guarded: at most one reload per
      // tab until isolation works, so a browser that ignores the headers does not reload in a loop.
      if (!sw.controller) await new Promise((resolve) => { sw.addEventListener('controllerchange', resolve, { once: true }); setTimeout(resolve, 3000); });
      if (!document.querySelector('[data-cell-state="running"], [data-import-state="running"]')) {
        write(sessionStorage, RELOAD, '1');
        location.reload();
        return;
      }
    }
    (sw.controller || registration.active)?.postMessage({ type: 'precache' });
  });
}
`;
  return `(() => {${body}})();`;
}
