/**
 * Runs task(0 … total−1) with at most `limit` in flight. On a failure or abort no new task starts, and
 * the first error is thrown only once running tasks have finished, so cleanup never races a write.
 */
export async function forEachConcurrently(total: number, limit: number, signal: AbortSignal | undefined, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < total) {
      const index = next++;
      try {
        signal?.throwIfAborted();
        await task(index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, total)) }, worker));
  const rejected = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
