import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

// Debian's Chromium, never a downloaded browser. CHROMIUM_PATH overrides for other machines.
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export function chromiumPath(): string {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`no Chromium found (looked at ${CANDIDATES.join(', ')}): install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-unsafe-swiftshader',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Records what a page did that a reader would see as broken: failed requests, other origins, console errors. */
export function watchPage(page: Page, siteOrigin: string) {
  const failedRequests: string[] = [];
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? 'failed';
    // A cancelled request (the page navigated on while the service worker was saving the course
    // for offline use) is not a broken resource: a missing file answers 4xx, a bad one another error.
    if (error === 'net::ERR_ABORTED') return;
    failedRequests.push(`${request.url()} (${error})`);
  });
  page.on('response', (response) => { if (response.status() >= 400) failedRequests.push(`${response.url()} (${response.status()})`); });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(siteOrigin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { failedRequests, foreignRequests, consoleErrors, pageErrors };
}
