/**
 * Code the loop guards cannot reach (a regular expression that backtracks for minutes, one long call into
 * the browser or a library) blocks the page's only thread: nothing on the page can stop it, Stop included.
 * What the page can do is notice afterwards: a timer that ticks every 250 ms while a cell runs sees the
 * gap when it next runs, and the cell says what happened instead of the page seeming to hang for no reason.
 */
const TICK_MS = 250;
/** A gap this long is a block, not a busy moment (TF.js compiling its kernels, a garbage collection). */
const BLOCKED_MS = 3000;

export function watchForBlocking(onBlocked: (blockedMs: number) => void, { tickMs = TICK_MS, blockedMs = BLOCKED_MS, now = () => performance.now() } = {}): () => void {
  let last = now();
  const check = () => {
    const time = now();
    const gap = time - last;
    last = time;
    if (gap >= blockedMs) onBlocked(gap);
  };
  const timer = setInterval(check, tickMs);
  // A cell whose blocking call was its last work ends before the timer's next tick: look once more.
  return () => {
    clearInterval(timer);
    check();
  };
}
