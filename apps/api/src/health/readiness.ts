import type pg from 'pg';

/** Whether the process wants traffic: false once draining has begun. */
export class Readiness {
  #accepting = true;

  get accepting(): boolean {
    return this.#accepting;
  }

  /** Called on SIGTERM: from now on readiness answers 503 whatever the database says. */
  stopAccepting(): void {
    this.#accepting = false;
  }
}

/**
 * Runs `SELECT 1` and gives up after `timeoutMs` (waiting for a free connection included), so a
 * hung database fails the probe quickly instead of holding it open past the prober's own timeout.
 */
export async function databaseResponds(pool: pg.Pool, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  // query_timeout (missing from @types/pg) makes the pool discard the connection if the answer never
  // comes, so probes against a hung network cannot leak connections.
  const config = { text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig;
  const query = pool.query(config).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
