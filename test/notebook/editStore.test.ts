import { describe, expect, it } from 'vitest';
import { createEditStore, hashText } from '../../src/client/editStore';
import { memoryStorage } from './memoryStorage';
import { dropOldestRun, readRuns, recordRun, RUN_LOG_KEY } from '../../src/ml/runLog';

const run = (finishedAt: number) => ({
  lesson: '01-baseline',
  settings: { epochsAsked: 50, batchSize: 128, trainingImages: 1646, validationImages: 706, resolution: 64, layers: 'dense 100 sigmoid', augmented: false, callbacks: [] },
  epochs: Array.from({ length: 50 }, (_, epoch) => ({ epoch: epoch + 1, loss: 0.5, acc: 0.8, val_loss: 0.6, val_acc: 0.7 })),
  stopReason: 'completed' as const,
  elapsedMs: 1000,
  finishedAt,
});

describe('edit store', () => {
  it('keeps an edit made on the current original, per lesson, each cell in its own small entry', () => {
    const storage = memoryStorage();
    const store = createEditStore('01-baseline', storage);
    expect(store.save('train', 'epochs: 50', 'epochs: 10')).toEqual({ kind: 'saved', prunedRuns: 0 });
    store.save('model', 'units: 100', 'units: 10');
    expect(store.status('train', 'epochs: 50')).toMatchObject({ kind: 'current', edit: { source: 'epochs: 10' } });
    expect(createEditStore('02-other', storage).status('train', 'epochs: 50')).toEqual({ kind: 'none' });
    expect([...storage.items.keys()].sort()).toEqual(['course-edits:v2:01-baseline:model', 'course-edits:v2:01-baseline:train']);
  });

  it('moves the edits saved by the previous version (one object per lesson) to their own entries', () => {
    const storage = memoryStorage();
    storage.items.set('course-edits:v1:l', JSON.stringify({ a: { source: 'mine', originalHash: hashText('x'), savedAt: 1 } }));
    const store = createEditStore('l', storage);
    expect(store.status('a', 'x')).toMatchObject({ kind: 'current', edit: { source: 'mine' } });
    expect([...storage.items.keys()]).toEqual(['course-edits:v2:l:a']);
  });

  it('flags an edit whose original has changed since', () => {
    const store = createEditStore('l', memoryStorage());
    store.save('c', 'old original', 'my edit');
    expect(store.status('c', 'new original')).toMatchObject({ kind: 'outdated', edit: { source: 'my edit' } });
  });

  it('forgets an edit that is back to the original, or discarded', () => {
    const storage = memoryStorage();
    const store = createEditStore('l', storage);
    store.save('a', 'x', 'y');
    store.save('b', 'x', 'z');
    store.save('a', 'x', 'x');
    expect(store.count()).toBe(1);
    store.discard('b');
    expect(store.count()).toBe(0);
    expect(storage.items.size).toBe(0);
  });

  it('survives corrupt storage and says when there is no storage', () => {
    const storage = memoryStorage();
    storage.items.set('course-edits:v2:l:a', '{not json');
    expect(createEditStore('l', storage).status('a', 'x')).toEqual({ kind: 'none' });
    const none = createEditStore('l', undefined);
    expect(none.save('a', 'x', 'y')).toEqual({ kind: 'unavailable' });
    expect(none.count()).toBe(0);
  });

  it('says "full" when the storage is full and nothing can be freed, and keeps the edit saved before', () => {
    const storage = memoryStorage(200);
    const store = createEditStore('l', storage);
    expect(store.save('a', 'x', 'small')).toMatchObject({ kind: 'saved' });
    expect(store.save('a', 'x', 'y'.repeat(500))).toEqual({ kind: 'full' });
    expect(store.status('a', 'x')).toMatchObject({ kind: 'current', edit: { source: 'small' } });
  });

  it('removes the run log\'s oldest records first to make room for an edit, and counts them', () => {
    const storage = memoryStorage(Infinity);
    for (let i = 1; i <= 5; i++) recordRun(storage, run(i * 1000));
    const logSize = storage.items.get(RUN_LOG_KEY)!.length;
    // Room for the log and a little more: a 2,500-character edit needs the room of about two runs.
    const full = memoryStorage(logSize + 300);
    full.items.set(RUN_LOG_KEY, storage.items.get(RUN_LOG_KEY)!);
    const store = createEditStore('l', full, { makeRoom: () => dropOldestRun(full) });
    const result = store.save('a', 'x', 'z'.repeat(Math.round(logSize / 5) * 2));
    expect(result.kind).toBe('saved');
    const pruned = (result as { prunedRuns: number }).prunedRuns;
    expect(pruned).toBeGreaterThanOrEqual(2);
    expect(pruned).toBeLessThan(5);
    // The oldest went first.
    expect(readRuns(full).map((kept) => kept.finishedAt)).toEqual([1000, 2000, 3000, 4000, 5000].slice(pruned));
    expect(store.status('a', 'x').kind).toBe('current');
  });
});

describe('two tabs of the same lesson (one storage, two stores)', () => {
  it('does not overwrite an edit another tab saved since: it reports the conflict until the reader chooses', () => {
    const storage = memoryStorage();
    const mine = createEditStore('l', storage);
    const theirs = createEditStore('l', storage);
    mine.status('a', 'x');
    theirs.status('a', 'x');
    theirs.save('a', 'x', 'their edit');
    expect(mine.changedElsewhere('a')).toMatchObject({ theirs: { source: 'their edit' } });
    expect(mine.save('a', 'x', 'my edit')).toMatchObject({ kind: 'conflict', change: { theirs: { source: 'their edit' } } });
    expect(theirs.status('a', 'x')).toMatchObject({ edit: { source: 'their edit' } });
    // "Keep mine" writes over theirs; now the other tab sees a change it has not chosen about.
    expect(mine.save('a', 'x', 'my edit', { force: true })).toMatchObject({ kind: 'saved' });
    expect(theirs.changedElsewhere('a')).toMatchObject({ theirs: { source: 'my edit' } });
    theirs.accept('a');
    expect(theirs.changedElsewhere('a')).toBeUndefined();
    expect(theirs.save('a', 'x', 'their next edit')).toMatchObject({ kind: 'saved' });
  });

  it('"Reset all" in one tab keeps an edit the other tab made since', () => {
    const storage = memoryStorage();
    const mine = createEditStore('l', storage);
    const theirs = createEditStore('l', storage);
    for (const cellId of ['a', 'b']) { mine.status(cellId, 'x'); theirs.status(cellId, 'x'); }
    mine.save('a', 'x', 'mine in a');
    theirs.save('b', 'x', 'theirs in b');
    mine.discardAll();
    expect(mine.status('a', 'x')).toEqual({ kind: 'none' });
    expect(theirs.status('b', 'x')).toMatchObject({ kind: 'current', edit: { source: 'theirs in b' } });
    // Reset of a cell the other tab changed is a conflict too, not a silent removal.
    expect(mine.save('b', 'x', 'x')).toMatchObject({ kind: 'conflict' });
  });
});

describe('hashText', () => {
  it('hashes text stably', () => {
    expect(hashText('')).toBe('811c9dc5');
    expect(hashText('abc')).not.toBe(hashText('abd'));
  });
});
