// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createCellOutput, type OutputLimits } from '../../src/notebook/cellOutput';
import { notebookText } from '../../src/i18n/notebook';

// Issue 14, item 6: no output can freeze the page. Small limits here; the page uses 1,000 lines and 10,000 characters.
const limits: OutputLimits = { lines: 3, characters: 10, keptCharacters: 1000 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function area(overrides: Partial<OutputLimits> = {}) {
  const element = document.createElement('div');
  return { element, output: createCellOutput(element, notebookText.en, { ...limits, ...overrides }) };
}
const lines = (element: HTMLElement) => [...element.querySelectorAll('.nb-console')].map((line) => line.textContent);
const button = (element: HTMLElement, name: RegExp) => [...element.querySelectorAll('button')].find((b) => !b.hidden && name.test(b.textContent ?? ''));

describe('createCellOutput', () => {
  it('shows the first lines and folds the rest behind "show more", which shows them page by page', async () => {
    const { element, output } = area();
    const shown = Array.from({ length: 8 }, (_, i) => output.log('log', ['line', i]));
    expect(shown).toEqual([true, true, true, false, false, false, false, false]);
    await tick();
    expect(lines(element)).toEqual(['line 0', 'line 1', 'line 2']);
    const more = button(element, /more line/)!;
    expect(more.textContent).toBe('Show 3 more lines (5 not shown)');
    more.click();
    expect(lines(element)).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    expect(more.textContent).toBe('Show 2 more lines (2 not shown)');
    more.click();
    expect(lines(element)).toHaveLength(8);
    expect(element.querySelector('.nb-fold')).toBeNull();
  });

  it('keeps output in order: a displayed node closes the fold, later lines fold after it', async () => {
    const { element, output } = area();
    for (let i = 0; i < 5; i++) output.log('log', [`a${i}`]);
    output.append(Object.assign(document.createElement('p'), { textContent: 'figure' }));
    for (let i = 0; i < 2; i++) output.log('log', [`b${i}`]);
    await tick();
    expect([...element.children].map((child) => child.className || child.tagName)).toEqual(['nb-console nb-console-log', 'nb-console nb-console-log', 'nb-console nb-console-log', 'nb-fold', 'P', 'nb-fold']);
    (element.querySelectorAll('.nb-fold button')[1] as HTMLButtonElement).click();
    expect([...element.children].slice(-3).map((child) => child.textContent)).toEqual(['figure', 'b0', 'b1']);
  });

  it('counts the lines past the kept characters and says they were not kept', async () => {
    const { element, output } = area({ keptCharacters: 40 });
    for (let i = 0; i < 3; i++) output.log('log', ['shown']);
    for (let i = 0; i < 10; i++) output.log('log', ['0123456789']); // 10 characters each: 4 fit in 40
    await tick();
    expect(button(element, /more line/)!.textContent).toBe('Show 3 more lines (10 not shown)');
    expect(element.querySelector('.nb-lines-dropped')!.textContent).toBe('… and 6 more lines, not kept: a cell keeps about 5 MB of folded output');
  });

  it('cuts a long string value and shows ten times more per click', () => {
    const { element, output } = area();
    output.append(output.render('x'.repeat(250)));
    const value = element.querySelector('.nb-value')!;
    const more = button(element, /^Show more/)!;
    expect(value.textContent).toBe(`${'x'.repeat(10)}Show more (240 more characters)`);
    more.click();
    expect(more.textContent).toBe('Show more (140 more characters)');
    more.click();
    more.click();
    expect(value.textContent).toBe('x'.repeat(250));
  });

  it('cuts a long console line, keeping what comes before it', () => {
    const { element, output } = area();
    output.log('log', ['start', 'y'.repeat(30)]);
    expect(element.querySelector('.nb-console')!.textContent).toBe(`start ${'y'.repeat(10)}Show more (20 more characters)`);
  });

  it('leaves short values to the inspector', () => {
    const { output } = area();
    expect(output.render('short').textContent).toBe('short');
    expect(output.render(42).textContent).toBe('42');
  });
});
