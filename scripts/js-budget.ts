/**
 * The JavaScript each built page makes the browser download before the reader does anything: its module and
 * classic scripts, the modules those import statically (and modulepreload links), and inline scripts.
 * Dynamic imports (the notebook engine, the editor, TF.js, Pagefind) load on demand and are not counted.
 *
 *   npm run budget                      # dist/, budget 150 KB gzipped per page
 *   npm run budget -- <folder> [--budget 150]
 *
 * Prints a table and exits with code 1 when a page is over budget.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

export interface PageBudget {
  page: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
}

const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\s]+?\.m?js)["']/g;
const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const PRELOAD_TAG = /<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/gi;
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((value) => value !== undefined);

function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind') walk(path);
      } else if (name.endsWith('.html')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

/** The file in `dir` an address on the site points at, whatever the base path ("/course/_astro/x.js" → _astro/x.js). */
function fileFor(dir: string, pathname: string): string | undefined {
  const segments = decodeURIComponent(pathname).split('/').filter(Boolean);
  for (let start = 0; start < segments.length; start++) {
    const candidate = join(dir, ...segments.slice(start));
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function measurePage(dir: string, htmlPath: string): PageBudget {
  const html = readFileSync(htmlPath, 'utf8');
  const rel = relative(dir, htmlPath).split(sep).join('/');
  const pageUrl = new URL(`http://site/${rel}`);
  const files = new Set<string>();
  let inline = '';
  const queue: URL[] = [];
  for (const match of html.matchAll(SCRIPT_TAG)) {
    const [, attributes, body] = match;
    const type = attribute(attributes!, 'type');
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue; // JSON, templates
    const src = attribute(attributes!, 'src');
    if (src) queue.push(new URL(src, pageUrl));
    else inline += body;
  }
  for (const match of html.matchAll(PRELOAD_TAG)) {
    const href = attribute(match[0], 'href');
    if (href) queue.push(new URL(href, pageUrl));
  }
  let bytes = Buffer.byteLength(inline);
  let gzipBytes = inline ? gzipSync(inline).length : 0;
  const seen = new Set<string>();
  for (let url = queue.shift(); url; url = queue.shift()) {
    if (url.host !== 'site' || seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    const file = fileFor(dir, url.pathname);
    if (!file) throw new Error(`${rel} loads ${url.pathname}, which is not in ${dir}`);
    const code = readFileSync(file);
    files.add(relative(dir, file).split(sep).join('/'));
    bytes += code.length;
    gzipBytes += gzipSync(code).length;
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(new URL(match[1]!, url));
  }
  return { page: rel, files: [...files], bytes, gzipBytes };
}

export function measureSite(dir: string): PageBudget[] {
  return htmlFiles(dir).map((file) => measurePage(dir, file));
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { budget: { type: 'string', default: '150' } } });
  const dir = positionals[0] ?? 'dist';
  const budgetKb = Number(values.budget);
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`error: ${dir}/index.html does not exist: build the course first (npm run build)`);
    process.exit(2);
  }
  const pages = measureSite(dir);
  const width = Math.max(4, ...pages.map((page) => page.page.length));
  console.log(`JavaScript loaded before any interaction, per page (budget ${budgetKb} KB gzipped)\n`);
  console.log(`${'page'.padEnd(width)}  files  ${'raw KB'.padStart(8)}  ${'gzip KB'.padStart(8)}`);
  let over = 0;
  for (const page of pages) {
    const isOver = page.gzipBytes > budgetKb * 1024;
    if (isOver) over += 1;
    console.log(`${page.page.padEnd(width)}  ${String(page.files.length).padStart(5)}  ${kb(page.bytes).padStart(8)}  ${kb(page.gzipBytes).padStart(8)}${isOver ? '  OVER BUDGET' : ''}`);
  }
  const largest = pages.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  console.log(`\nLargest: ${largest.page} with ${kb(largest.gzipBytes)} KB gzipped (${largest.files.join(', ') || 'inline only'}).`);
  if (over > 0) {
    console.error(`error: ${over} page(s) load more than ${budgetKb} KB of gzipped JavaScript before any interaction`);
    process.exit(1);
  }
  console.log(`Every page is within the budget of ${budgetKb} KB.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
