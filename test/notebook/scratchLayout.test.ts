import { describe, expect, it } from 'vitest';
import { createScratchLayout, inPageOrder, scratchEditsLesson, withScratchCells } from '../../src/client/scratchLayout';
import { createEditStore } from '../../src/client/editStore';
import { memoryStorage } from './memoryStorage';

const LESSON = ['load', 'split', 'model', 'train'];

describe('scratch cells: where they are, across reloads', () => {
  it('numbers new cells after the highest stored one and keeps each lesson cell\'s in the order they were added', () => {
    const storage = memoryStorage();
    const layout = createScratchLayout('01-baseline', storage);
    expect(layout.add('split')).toEqual({ placement: { id: 'scratch-1', n: 1, after: 'split' }, stored: true });
    layout.add('load');
    layout.add('split');
    expect(layout.list(LESSON).map(({ id, after }) => `${id}@${after}`)).toEqual(['scratch-2@load', 'scratch-1@split', 'scratch-3@split']);
    // One small entry per cell, named by the lesson and the cell.
    expect([...storage.items.keys()].sort()).toEqual(['course-scratch:v1:01-baseline:scratch-1', 'course-scratch:v1:01-baseline:scratch-2', 'course-scratch:v1:01-baseline:scratch-3']);
    // A reload (a new layout on the same storage) finds them at the same places; another lesson has none.
    expect(createScratchLayout('01-baseline', storage).list(LESSON)).toEqual(layout.list(LESSON));
    expect(createScratchLayout('02-early-stopping', storage).list(LESSON)).toEqual([]);
  });

  it('does not give a deleted cell\'s number to a new one while its Undo is offered, and Undo puts it back in place', () => {
    const storage = memoryStorage();
    const layout = createScratchLayout('l', storage);
    layout.add('split');
    const { placement } = layout.add('split');
    layout.remove(placement.id);
    expect(layout.has('scratch-2')).toBe(false);
    expect(layout.add('model').placement.id).toBe('scratch-3');
    layout.restore(placement);
    expect(layout.list(LESSON).map((p) => p.id)).toEqual(['scratch-1', 'scratch-2', 'scratch-3']);
  });

  it('sees cells another tab added (the storage is shared) and numbers past them', () => {
    const storage = memoryStorage();
    const mine = createScratchLayout('l', storage);
    const theirs = createScratchLayout('l', storage);
    mine.add('load');
    expect(theirs.add('load').placement.id).toBe('scratch-2');
    expect(mine.add('load').placement.id).toBe('scratch-3');
    expect(mine.parse('course-scratch:v1:l:scratch-2', '{"after":"load"}')).toEqual({ id: 'scratch-2', placement: { id: 'scratch-2', n: 2, after: 'load' } });
    expect(mine.parse('course-scratch:v1:l:scratch-2', null)).toEqual({ id: 'scratch-2', placement: undefined });
    expect(mine.parse('course-edits:v2:l:split', '{}')).toBeUndefined();
  });

  it('places a cell whose lesson cell is gone after the last lesson cell, and ignores corrupt entries', () => {
    const storage = memoryStorage();
    storage.setItem('course-scratch:v1:l:scratch-4', '{"after":"renamed"}');
    storage.setItem('course-scratch:v1:l:scratch-5', '{not json');
    storage.setItem('course-scratch:v1:l:notes', '{"after":"load"}');
    storage.setItem('course-scratch:v1:l:scratch-1', '{"after":"train"}');
    expect(createScratchLayout('l', storage).list(LESSON)).toEqual([
      { id: 'scratch-1', n: 1, after: 'train' },
      { id: 'scratch-4', n: 4, after: 'train' },
    ]);
  });

  it('says when the storage refused a cell (full, or none at all)', () => {
    expect(createScratchLayout('l', memoryStorage(10)).add('load').stored).toBe(false);
    const none = createScratchLayout('l', undefined);
    expect(none.add('load')).toEqual({ placement: { id: 'scratch-1', n: 1, after: 'load' }, stored: false });
    expect(none.list(LESSON)).toEqual([]);
  });

  it('saves a scratch cell\'s code apart from the lesson\'s edits (so "Reset all edits" does not count or remove it)', () => {
    const storage = memoryStorage();
    const lessonEdits = createEditStore('l', storage);
    const scratchEdits = createEditStore(scratchEditsLesson('l'), storage);
    scratchEdits.save('scratch-1', '', 'epochs * 2');
    expect(lessonEdits.count()).toBe(0);
    lessonEdits.discardAll();
    expect(createEditStore(scratchEditsLesson('l'), storage).status('scratch-1', '')).toMatchObject({ kind: 'current', edit: { source: 'epochs * 2' } });
  });
});

describe('the page order of lesson and scratch cells', () => {
  it('puts each lesson cell\'s scratch cells right after it, by number', () => {
    const placements = inPageOrder(LESSON, [{ id: 'scratch-3', n: 3, after: 'split' }, { id: 'scratch-1', n: 1, after: 'train' }, { id: 'scratch-2', n: 2, after: 'split' }]);
    const cells = LESSON.map((id) => ({ id }));
    expect(withScratchCells(cells, placements).map((cell) => cell.id)).toEqual(['load', 'split', 'scratch-2', 'scratch-3', 'model', 'train', 'scratch-1']);
  });
});
