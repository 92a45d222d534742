/**
 * The site's base path, in one place. Astro's BASE_URL is the configured `base` as written:
 * `COURSE_BASE=/course` gives "/course", and `${base}data/` would then link to /coursedata/.
 * Every page, component and script takes the base from here, always with one trailing slash.
 */

/** "/course" → "/course/", "/course/" unchanged, "" → "/". */
export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The site's base path (Astro's BASE_URL), ending in "/": `${siteBase()}data/` is the data page. */
export function siteBase(): string {
  return withTrailingSlash(import.meta.env.BASE_URL);
}
