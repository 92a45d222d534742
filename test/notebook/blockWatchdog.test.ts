import { describe, expect, it } from 'vitest';
import { watchForBlocking } from '../../src/client/blockWatchdog';

const blockFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* the page's thread is held, as by a backtracking regular expression */ }
};
const nextTicks = () => new Promise((resolve) => setTimeout(resolve, 120));

describe('the blocked-page watchdog (issue 14 item 5)', () => {
  it('notices a block once the thread is free again, and says how long it was', async () => {
    const seen: number[] = [];
    const stop = watchForBlocking((ms) => seen.push(ms), { tickMs: 20, blockedMs: 300 });
    await nextTicks();
    expect(seen).toEqual([]);
    blockFor(400);
    await nextTicks();
    stop();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThanOrEqual(400);
  });

  it('notices a block that was the last thing before the cell ended', () => {
    const seen: number[] = [];
    const stop = watchForBlocking((ms) => seen.push(ms), { tickMs: 20, blockedMs: 300 });
    blockFor(350);
    stop();
    expect(seen).toHaveLength(1);
  });
});
