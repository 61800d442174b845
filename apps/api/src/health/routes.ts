import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { sendProblem } from '../http/problem.js';
import { databaseResponds, type Readiness } from './readiness.js';

/** Readiness gives up well under the 2 s most probes allow, leaving time for the response. */
export const READINESS_TIMEOUT_MS = 1_500;

/**
 * `/healthz` is liveness: it answers from memory only, so a database outage never makes the
 * orchestrator restart healthy processes (which would not fix the database). `/readyz` is
 * readiness: it checks the database and turns 503 while draining, so traffic moves elsewhere.
 */
export function healthRoutes(app: FastifyInstance, pool: pg.Pool, readiness: Readiness): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    if (!readiness.accepting) return sendProblem(reply, 503, 'The service is shutting down.');
    if (!(await databaseResponds(pool, READINESS_TIMEOUT_MS))) {
      return sendProblem(
        reply,
        503,
        `The database did not answer SELECT 1 within ${READINESS_TIMEOUT_MS} ms.`,
      );
    }
    return { status: 'ready' };
  });
}
