import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import './provided.js';

export interface TestDatabase {
  readonly name: string;
  /** URL of the new, empty database, with the admin user's credentials. */
  readonly url: string;
  drop(): Promise<void>;
}

/** Runs one statement as the admin user, on the maintenance database. */
export async function adminQuery(
  sql: string,
  values: unknown[] = [],
  adminUrl = inject('adminDatabaseUrl'),
): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/** A fresh database per test file, so files never see each other's rows or migrations. */
export async function createTestDatabase(
  prefix = 'api',
  adminUrl = inject('adminDatabaseUrl'),
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`, [], adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, [], adminUrl);
    },
  };
}
