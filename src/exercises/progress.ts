/**
 * Which exercises the reader has solved, kept in the browser (localStorage) so it survives a reload. The key is
 * the exercise's `<lesson>/<id>`, the same in both languages, so the English and the Chinese course share it.
 * A damaged or unreadable record reads as no progress; storage that refuses to write loses nothing else.
 */
const PROGRESS_KEY = 'course-exercise-progress';
const PROGRESS_VERSION = 1;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface StoredProgress {
  version: number;
  /** `<lesson>/<id>` → when it was first solved (ms since 1970). */
  solved: Record<string, number>;
}

function readSolved(store: Store | undefined): Record<string, number> {
  try {
    const stored = JSON.parse(store?.getItem(PROGRESS_KEY) ?? 'null') as Partial<StoredProgress> | null;
    return stored?.version === PROGRESS_VERSION && stored.solved && typeof stored.solved === 'object' ? stored.solved : {};
  } catch {
    return {};
  }
}

export function isSolved(store: Store | undefined, key: string): boolean {
  return key in readSolved(store);
}

/** Records an exercise as solved (the first time counts; solving again changes nothing). */
export function markSolved(store: Store | undefined, key: string, at = Date.now()): void {
  const solved = readSolved(store);
  if (key in solved) return;
  try {
    store?.setItem(PROGRESS_KEY, JSON.stringify({ version: PROGRESS_VERSION, solved: { ...solved, [key]: at } } satisfies StoredProgress));
  } catch {
    // storage full or refused (a private window): the exercise is still solved on this page
  }
}

/** How many of a lesson's exercises (by id) are solved; a record of an exercise the lesson no longer has does not count. */
export function solvedInLesson(store: Store | undefined, lesson: string, ids: readonly string[]): number {
  const solved = readSolved(store);
  return ids.filter((id) => `${lesson}/${id}` in solved).length;
}

export function clearProgress(store: Store | undefined): void {
  try {
    store?.removeItem(PROGRESS_KEY);
  } catch {
    // nothing stored, nothing to forget
  }
}

/** localStorage, or undefined where the browser refuses it. */
export function browserStore(): Store | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
