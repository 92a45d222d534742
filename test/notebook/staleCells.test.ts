// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createStaleTracker, type TrackedCell } from '../../src/client/staleCells';
import { notebookText } from '../../src/i18n/notebook';

const t = notebookText.en;

function cells(...ids: string[]): TrackedCell[] {
  return ids.map((id, index) => {
    const root = document.createElement('section');
    const staleMark = document.createElement('span');
    staleMark.hidden = true;
    root.append(staleMark);
    return { id, number: String(index + 1), root, staleMark };
  });
}
const shown = (cell: TrackedCell) => (cell.root.dataset.stale === 'true' && !cell.staleMark.hidden ? cell.staleMark.textContent : null);

describe('stale marks after an edit', () => {
  it('marks the later cells that used a name the edited cell defines, not the others, until they run again', () => {
    const [load, split, model, compile] = cells('load', 'split', 'model', 'compile');
    const page = [load!, split!, model!, compile!];
    const stale = createStaleTracker(t);
    expect(stale.anyRan()).toBe(false);
    stale.ran(load!, { changed: ['epochs'], used: [] }, page, 'let epochs = 10;');
    stale.ran(split!, { changed: [], used: ['epochs'] }, page, 'epochs * 2');
    stale.ran(model!, { changed: ['unrelated'], used: [] }, page, 'const unrelated = 1;');
    stale.edited(load!, 'let epochs = 20;', ['epochs'], page);
    expect(shown(split!)).toBe('stale: cell 1, which defines `epochs`, was edited since this ran');
    expect([shown(model!), shown(compile!), shown(load!)]).toEqual([null, null, null]);
    stale.ran(split!, { changed: [], used: ['epochs'] }, page, 'epochs * 2');
    expect(shown(split!)).toBeNull();
  });

  it('counts the names the new code declares, and only cells after the edited one', () => {
    const [a, b, c] = cells('a', 'b', 'c');
    const page = [a!, b!, c!];
    const stale = createStaleTracker(t);
    stale.ran(a!, { changed: [], used: ['rate'] }, page, 'rate');
    stale.ran(c!, { changed: [], used: ['rate'] }, page, 'rate * 2');
    stale.edited(b!, 'const rate = 0.1;', ['rate'], page);
    expect([shown(a!), shown(c!)]).toEqual([null, 'stale: cell 2, which defines `rate`, was edited since this ran']);
  });

  it('clears its marks when the edit goes back to the code that ran, and leaves a rerun\'s mark alone', () => {
    const [a, b, c] = cells('a', 'b', 'c');
    const page = [a!, b!, c!];
    const stale = createStaleTracker(t);
    stale.ran(a!, { changed: ['x', 'y'], used: [] }, page, 'let x = 1, y = 2;');
    stale.ran(c!, { changed: ['y'], used: ['y'] }, page, 'y = y + 1');
    stale.ran(a!, { changed: ['x', 'y'], used: [] }, page, 'let x = 1, y = 2;');
    stale.ran(b!, { changed: [], used: ['x'] }, page, 'x');
    expect(shown(c!)).toBe('stale: cell 1 changed `y` since this ran');
    stale.edited(a!, 'let x = 5, y = 2;', ['x', 'y'], page);
    expect(shown(b!)).toBe('stale: cell 1, which defines `x`, was edited since this ran');
    expect(shown(c!)).toBe('stale: cell 1 changed `y` since this ran');
    stale.edited(a!, 'let x = 1, y = 2;', ['x', 'y'], page);
    expect(shown(b!)).toBeNull();
    expect(shown(c!)).toBe('stale: cell 1 changed `y` since this ran');
  });
});
