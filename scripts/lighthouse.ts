/**
 * Lighthouse scores of the built course: performance, accessibility, best practices and SEO of the index
 * and a lesson page, with the audits that cost points. A benchmark to quote in the README, not a test.
 *
 *   npm run audit:lighthouse                              # dist/ (built for the root), mobile profile
 *   npm run audit:lighthouse -- --dir /tmp/site --base /course/ --desktop --pages ,lessons/03-dropout/ --runs 5
 *
 * Each page is audited --runs times (default 3) and the median run is reported: on a shared machine one run's
 * Total Blocking Time can jump by hundreds of milliseconds from other processes' load.
 * Runs Lighthouse 12 in-process against Debian's Chromium (scripts/lib/chromium.ts finds it), with the site
 * served by the project's static server (with the COOP/COEP headers, as `npm run preview`; --plain without).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type LighthouseResult from 'lighthouse/types/lhr/lhr.js';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath } from './lib/chromium';
import { startStaticServer } from './lib/staticServer';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    base: { type: 'string', default: process.env.COURSE_BASE ?? '/' },
    pages: { type: 'string', default: ',lessons/01-baseline/' },
    desktop: { type: 'boolean', default: false },
    /** Runs per page; the median is reported (Lighthouse's own advice: scores vary from run to run). */
    runs: { type: 'string', default: '3' },
    plain: { type: 'boolean', default: false },
    /** Also write each page's full Lighthouse report (JSON) into this folder. */
    reports: { type: 'string' },
  },
});

if (!existsSync(`${values.dir}/index.html`)) {
  console.error(`error: ${values.dir}/index.html does not exist: build the course first (npm run build)`);
  process.exit(2);
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const { server, url: siteUrl } = await startStaticServer({ root: values.dir, base: values.base, isolate: !values.plain });
const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath(),
  chromeFlags: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage'],
});

const rows: string[][] = [];
try {
  for (const path of values.pages.split(',')) {
    const url = `${siteUrl}${path}`;
    const runs: LighthouseResult[] = [];
    for (let run = 0; run < Math.max(1, Number(values.runs)); run++) {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
        values.desktop ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      runs.push(result.lhr);
    }
    const total = (lhr: LighthouseResult) => CATEGORIES.reduce((sum, id) => sum + (lhr.categories[id]?.score ?? 0), 0);
    const lhr = [...runs].sort((a, b) => total(a) - total(b))[Math.floor(runs.length / 2)]!;
    if (values.reports) {
      mkdirSync(values.reports, { recursive: true });
      writeFileSync(join(values.reports, `${(path || 'index').replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
    }
    const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
    rows.push([path || '(index)', ...scores.map(String)]);
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '–';
    const perf = runs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100));
    console.log(`\n${url} (median of ${runs.length} runs; performance per run: ${perf.join(', ')})`);
    console.log(`  ${CATEGORIES.map((id, i) => `${id} ${scores[i]}`).join(' · ')}`);
    console.log(`  FCP ${metric('first-contentful-paint')} · LCP ${metric('largest-contentful-paint')} · TBT ${metric('total-blocking-time')} · CLS ${metric('cumulative-layout-shift')} · SI ${metric('speed-index')}`);
    for (const id of CATEGORIES) {
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 0.9) continue;
        if (audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'informative') continue;
        console.log(`  - ${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
    }
  }
} finally {
  await chrome.kill();
  server.close();
}

console.log(`\nLighthouse ${values.desktop ? 'desktop' : 'mobile'} profile, ${values.plain ? 'no isolation headers' : 'with COOP/COEP'}, Chromium at ${chromiumPath()}\n`);
console.log(['page', ...CATEGORIES].map((cell) => cell.padEnd(16)).join(''));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(i === 0 ? Math.max(16, cell.length + 2) : 16)).join(''));
