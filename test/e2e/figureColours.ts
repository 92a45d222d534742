import type { Page } from 'playwright-core';

/**
 * What in the page's figures would not read on its background in the colour scheme the page shows now
 * (issue 16's quality bar): an SVG text under 4.5:1 or a line, rule or dot under 3:1 against the body's
 * background, as the browser computes them (CSS variables, light-dark() and currentColor resolved), and any
 * colour an SVG names as a fixed value instead of the palette's variables or currentColor. Shading (fill or
 * stroke opacity under 0.5: bands, the overfitting region) is left out; its edges are the lines above it.
 */
export async function figureColourProblems(page: Page, selector = '[data-cell-output] svg, .reference-figure svg'): Promise<string[]> {
  return page.evaluate((selector) => {
    const rgb = (value: string): [number, number, number] | undefined => {
      const match = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(value);
      if (!match || match[4] === '0') return undefined;
      return [Number(match[1]), Number(match[2]), Number(match[3])];
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const channel = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const contrast = (a: [number, number, number], b: [number, number, number]) => {
      const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (high! + 0.05) / (low! + 0.05);
    };
    const background = rgb(getComputedStyle(document.body).backgroundColor)!;
    const problems: string[] = [];
    const name = (element: Element) => {
      const figure = element.closest('[data-figure], [data-metric], [data-curve], [data-layer], figure');
      const where = figure ? `${figure.tagName.toLowerCase()}[${[...figure.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `${a.name}=${a.value}`).join(' ')}]` : 'svg';
      return `${where} <${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 30)}"`;
    };
    for (const svg of document.querySelectorAll(selector)) {
      if (!(svg as SVGElement).getBoundingClientRect().width) continue;
      for (const element of [svg, ...svg.querySelectorAll('*')]) {
        for (const attribute of ['fill', 'stroke', 'color', 'style']) {
          const value = element.getAttribute(attribute) ?? '';
          if (/#[0-9a-f]{3,8}\b|rgba?\(|\b(white|black)\b/i.test(value)) problems.push(`${name(element)}: fixed colour ${attribute}="${value}"`);
        }
        const style = getComputedStyle(element);
        const visible = (opacity: string) => Number(opacity) * Number(style.opacity) >= 0.5;
        if (element.tagName === 'text' && visible(style.fillOpacity)) {
          const fill = rgb(style.fill);
          if (fill && contrast(fill, background) < 4.5) problems.push(`${name(element)}: text ${style.fill} on ${getComputedStyle(document.body).backgroundColor}, ${contrast(fill, background).toFixed(2)}:1`);
        }
        if (['path', 'line', 'circle'].includes(element.tagName) && !element.closest('text, defs, marker')) {
          const stroke = rgb(style.stroke);
          // A stroke of the page's own colour is a halo around a mark (the threshold's dot on its curve), not a line.
          const halo = style.stroke === getComputedStyle(document.body).backgroundColor;
          if (stroke && !halo && visible(style.strokeOpacity) && contrast(stroke, background) < 3) problems.push(`${name(element)}: stroke ${style.stroke}, ${contrast(stroke, background).toFixed(2)}:1`);
          const fill = element.tagName === 'circle' ? rgb(style.fill) : undefined;
          if (fill && visible(style.fillOpacity) && contrast(fill, background) < 3) problems.push(`${name(element)}: fill ${style.fill}, ${contrast(fill, background).toFixed(2)}:1`);
        }
      }
    }
    return [...new Set(problems)];
  }, selector);
}

/**
 * What of a lesson's figures (after a run) a 375 px phone would not show whole, or would not show readably
 * in either colour scheme: each figure's charts, pictures, tables and captions within the screen (no sideways
 * scroll of the page, none cut off in a scrolling box of its own), then {@link figureColourProblems} in light
 * and in dark mode. The page is put back to its own size and scheme afterwards.
 */
export async function figureProblemsOnAPhone(page: Page): Promise<string[]> {
  const size = page.viewportSize();
  const problems: string[] = [];
  try {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    problems.push(...await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const found: string[] = [];
      const overflow = document.documentElement.scrollWidth - width;
      if (overflow > 0) found.push(`the page scrolls sideways by ${overflow} px`);
      for (const element of document.querySelectorAll('[data-cell-output] [data-figure] :is(svg[viewBox], canvas, img, table, figcaption, p)')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) {
          const figure = element.closest('[data-figure]')!.getAttribute('data-figure');
          found.push(`${figure} <${element.tagName.toLowerCase()}> spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${width}`);
        }
      }
      return [...new Set(found)];
    }));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      problems.push(...(await figureColourProblems(page)).map((problem) => `${colorScheme}: ${problem}`));
    }
  } finally {
    await page.emulateMedia({ colorScheme: null });
    if (size) await page.setViewportSize(size);
  }
  return problems;
}
