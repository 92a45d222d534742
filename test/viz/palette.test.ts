/**
 * The figures' colours as the site ships them (src/styles/global.css, whose light-dark() pairs the build
 * copies as they are): every palette colour a mark uses at least 3:1 and every text colour at least 4.5:1
 * (WCAG 2.1: 1.4.11 non-text contrast, 1.4.3 text) against the backgrounds a figure sits on, the page and
 * the panels, in the light and the dark scheme. And no figure module names a fixed colour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARK_COLORS, RUN_COLORS, SERIES_COLORS } from '../../src/viz/palette';

const css = readFileSync(resolve('src/styles/global.css'), 'utf8');

/** `--name: light-dark(#light, #dark)` of the stylesheet's :root, by name. */
function schemeColors(source: string): Map<string, { light: string; dark: string }> {
  const colors = new Map<string, { light: string; dark: string }>();
  for (const match of source.matchAll(/(--[\w-]+):\s*light-dark\(\s*(#[0-9a-fA-F]{6})\s*,\s*(#[0-9a-fA-F]{6})\s*\)/g)) {
    colors.set(match[1]!, { light: match[2]!, dark: match[3]! });
  }
  return colors;
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

const colors = schemeColors(css);
const variable = (value: string) => /^var\((--[\w-]+)\)$/.exec(value)?.[1];
const paletteVariables = [...Object.values(SERIES_COLORS), ...RUN_COLORS, ...Object.values(MARK_COLORS)].flatMap((value) => variable(value) ?? []);
// The page's own text colours, which figures use for labels, captions and notices (currentColor is --fg).
const textVariables = ['--fg', '--muted', '--accent', '--danger', '--ok'];
// What a figure sits on: the page, and the panels of notices and hints.
const backgrounds = ['--bg', '--panel'];
const schemes = ['light', 'dark'] as const;

describe('the figures’ palette against the page, in both colour schemes', () => {
  it('computes contrast as WCAG does (the issue’s dark-mode label: #111827 on #0d1117)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#111827', '#0d1117')).toBeCloseTo(1.07, 2);
  });

  it('defines every palette colour with a light and a dark value', () => {
    expect(paletteVariables.length).toBe(Object.keys(SERIES_COLORS).length + RUN_COLORS.length + Object.keys(MARK_COLORS).length - 1);
    const missing = [...paletteVariables, ...textVariables, ...backgrounds].filter((name) => !colors.has(name));
    expect(missing).toEqual([]);
  });

  it('gives every mark colour at least 3:1 against the page and its panels', () => {
    const low = schemes.flatMap((scheme) => paletteVariables.flatMap((name) => backgrounds.flatMap((background) => {
      const ratio = contrast(colors.get(name)![scheme], colors.get(background)![scheme]);
      return ratio < 3 ? [`${scheme}: ${name} on ${background} ${ratio.toFixed(2)}:1`] : [];
    })));
    expect(low).toEqual([]);
  });

  it('gives every text colour at least 4.5:1 against the page and its panels', () => {
    const low = schemes.flatMap((scheme) => textVariables.flatMap((name) => backgrounds.flatMap((background) => {
      const ratio = contrast(colors.get(name)![scheme], colors.get(background)![scheme]);
      return ratio < 4.5 ? [`${scheme}: ${name} on ${background} ${ratio.toFixed(2)}:1`] : [];
    })));
    expect(low).toEqual([]);
  });

  it('catches a colour that fails (the check is not vacuous)', () => {
    const failing = schemeColors(':root { --x: light-dark(#ffff00, #111827); --bg: light-dark(#ffffff, #0d1117); }');
    expect(contrast(failing.get('--x')!.light, failing.get('--bg')!.light)).toBeLessThan(3);
    expect(contrast(failing.get('--x')!.dark, failing.get('--bg')!.dark)).toBeLessThan(3);
  });

  it('leaves fixed colours out of the figure modules: they take the palette or currentColor', () => {
    const dir = resolve('src/viz');
    const fixed = readdirSync(dir).filter((file) => file.endsWith('.ts')).flatMap((file) => {
      const source = readFileSync(resolve(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const hits = source.match(/['"`](#[0-9a-fA-F]{3,8}|white|black|rgb\([^)]*\))['"`]/g) ?? [];
      return hits.map((hit) => `${file}: ${hit}`);
    });
    expect(fixed).toEqual([]);
  });
});
