import { describe, expect, it } from 'vitest';
import { runBounded } from '../../src/deploy/run-bounded.js';

/** A task that settles when the test says so, to see what runs at once. */
function gate() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const settled = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { settled, open, fail };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('runBounded', () => {
  it('never has more than the limit running, and starts the next as one ends', async () => {
    const gates = Array.from({ length: 7 }, gate);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const run = runBounded(gates, 3, async (g, index) => {
      started.push(index);
      running += 1;
      most = Math.max(most, running);
      await g.settled;
      running -= 1;
      return index * 10;
    });
    await turn();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.open();
    await turn();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    const settled = await run;
    expect(most).toBe(3);
    expect(settled).toEqual(gates.map((_, i) => ({ state: 'done', value: i * 10 })));
  });

  it('starts nothing after a failure, lets the running ones finish, and says how each ended', async () => {
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    const run = runBounded(gates, 3, async (g, index) => {
      started.push(index);
      await g.settled;
      return index;
    });
    await turn();
    const failure = new Error('stack 1 failed');
    gates[1]?.fail(failure);
    await turn();
    // The two still going are waited for, not abandoned.
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.open();
    gates[2]?.open();
    const settled = await run;
    expect(started).toEqual([0, 1, 2]);
    expect(settled.map((s) => s.state)).toEqual([
      'done',
      'failed',
      'done',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(settled[1]).toEqual({ state: 'failed', error: failure });
  });

  it('runs one at a time with a limit of 1, and refuses a limit below it', async () => {
    const order: string[] = [];
    await runBounded(['a', 'b', 'c'], 1, async (item) => {
      order.push(`start ${item}`);
      await turn();
      order.push(`end ${item}`);
    });
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    await expect(runBounded(['a'], 0, async () => undefined)).rejects.toThrow(RangeError);
  });
});
