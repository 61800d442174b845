import type { TestProject } from 'vitest/node';
import './helpers/provided.js';
import { startTempCluster } from './helpers/temp-cluster.js';

/**
 * Gives the tests a PostgreSQL server: the one in TEST_DATABASE_URL (its user needs CREATEDB),
 * or else a private cluster on a free loopback port, removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL?.trim();
  if (given) {
    project.provide('adminDatabaseUrl', given);
    return undefined;
  }
  const cluster = await startTempCluster();
  project.provide('adminDatabaseUrl', cluster.url);
  return () => cluster.stop();
}
