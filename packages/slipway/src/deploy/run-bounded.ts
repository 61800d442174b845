/** How one item of a bounded run ended. */
export type Settled<R> =
  | { readonly state: 'done'; readonly value: R }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'not-started' };

/**
 * Runs `work` on each item with at most `limit` running at once, starting them in order. The first
 * failure stops new starts but lets the running ones finish: a stack half-way through a deploy is
 * left to CloudFormation to settle, never abandoned. Resolves (never rejects) with each item's end,
 * in the items' order.
 */
export async function runBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<Settled<R>[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, not ${limit}`);
  }
  const settled: Settled<R>[] = items.map(() => ({ state: 'not-started' }));
  let next = 0;
  let failed = false;
  // Each lane takes the next item when its own finishes, so `limit` lanes bound the run.
  const lane = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        settled[index] = { state: 'done', value: await work(items[index] as T, index) };
      } catch (error) {
        settled[index] = { state: 'failed', error };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return settled;
}
