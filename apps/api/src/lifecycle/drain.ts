import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Readiness } from '../health/readiness.js';

export interface DrainOptions {
  readonly app: FastifyInstance;
  readonly pool: pg.Pool;
  readonly readiness: Readiness;
  /** How long to keep serving, with readiness failing, before the listener closes. */
  readonly delayMs: number;
}

/**
 * Stops in the order that loses no request: readiness fails at once so load balancers and
 * Kubernetes stop routing here; the server keeps serving for `delayMs` while they notice; then it
 * stops accepting, lets in-flight requests finish (idle keep-alive sockets are closed, late
 * requests on busy ones get a 503 with `Connection: close`), and only then closes the pool those
 * requests were using.
 */
export async function drain({ app, pool, readiness, delayMs }: DrainOptions): Promise<void> {
  readiness.stopAccepting();
  app.log.info({ delayMs }, 'draining: readiness now fails');
  if (delayMs > 0) await sleep(delayMs);
  await app.close();
  app.log.info('server closed; in-flight requests finished');
  await pool.end();
  app.log.info('database pool closed');
}
