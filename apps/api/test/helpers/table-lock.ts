import pg from 'pg';

/**
 * Holds an exclusive lock on the items table from another session, so the service's queries on it
 * block: a real slow query, with no test-only route in the service.
 */
export async function lockItems(databaseUrl: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE items IN ACCESS EXCLUSIVE MODE');
  let released: Promise<void> | undefined;
  return {
    // Safe to call twice: a test may release early and again in its cleanup.
    release: () => {
      released ??= client.query('ROLLBACK').then(() => client.end());
      return released;
    },
  };
}

/** Resolves once `count` sessions of the service wait on a lock in this database. */
export async function waitForBlockedQueries(
  databaseUrl: string,
  count = 1,
  timeoutMs = 10_000,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const giveUpAt = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'slipway-api' AND wait_event_type = 'Lock'",
      );
      if (rows[0].n >= count) return;
      if (Date.now() > giveUpAt) throw new Error(`fewer than ${count} blocked queries after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
