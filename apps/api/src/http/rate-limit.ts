import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

export interface RateLimitOptions {
  /** Requests one client address may make per window. */
  readonly max: number;
  readonly windowMs: number;
  /** Paths never limited: health probes must not be throttled into a restart. */
  readonly exempt?: readonly string[];
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * A fixed-window counter per client address, kept in process memory. Every client's window starts
 * on the same boundary, so the whole table is dropped at once when the window turns over, which
 * bounds memory to the clients seen in one window without a sweep timer. Each process (and each
 * cluster worker) counts on its own, so the effective limit is per process; a limit shared across
 * replicas belongs in the load balancer or WAF.
 */
export function registerRateLimit(app: FastifyInstance, options: RateLimitOptions): void {
  const { max, windowMs, now = Date.now } = options;
  const exempt = new Set(options.exempt ?? []);
  let windowStart = 0;
  let counts = new Map<string, number>();

  app.addHook('onRequest', (request, reply, done) => {
    if (exempt.has(request.routeOptions.url ?? '')) return done();
    const time = now();
    const start = time - (time % windowMs);
    if (start !== windowStart) {
      windowStart = start;
      counts = new Map();
    }
    const count = (counts.get(request.ip) ?? 0) + 1;
    counts.set(request.ip, count);
    if (count <= max) return done();
    const retryAfter = Math.max(1, Math.ceil((start + windowMs - time) / 1000));
    sendProblem(
      reply.header('retry-after', String(retryAfter)),
      429,
      `Too many requests from this address: the limit is ${max} per ${windowMs / 1000} s. Retry after ${retryAfter} s.`,
    );
  });
}
