import { describe, expect, it } from 'vitest';
import { createEditStore, hashText } from '../../src/client/editStore';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('edit store', () => {
  it('keeps an edit made on the current original, per lesson', () => {
    const storage = memoryStorage();
    const store = createEditStore('01-baseline', storage);
    store.save('train', 'epochs: 50', 'epochs: 10');
    expect(store.status('train', 'epochs: 50')).toMatchObject({ kind: 'current', edit: { source: 'epochs: 10' } });
    expect(createEditStore('02-other', storage).status('train', 'epochs: 50')).toEqual({ kind: 'none' });
    expect([...storage.items.keys()]).toEqual(['course-edits:v1:01-baseline']);
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

  it('survives corrupt storage and missing storage', () => {
    const storage = memoryStorage();
    storage.items.set('course-edits:v1:l', '{not json');
    expect(createEditStore('l', storage).status('a', 'x')).toEqual({ kind: 'none' });
    const none = createEditStore('l', undefined);
    none.save('a', 'x', 'y');
    expect(none.count()).toBe(0);
  });

  it('hashes text stably', () => {
    expect(hashText('')).toBe('811c9dc5');
    expect(hashText('abc')).not.toBe(hashText('abd'));
  });
});
