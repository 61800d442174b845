import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { registerWriteAuth } from '../auth/write-auth.js';
import type { ServiceConfig } from '../config/service-config.js';
import type { Readiness } from '../health/readiness.js';
import { healthRoutes } from '../health/routes.js';
import { ItemRepository } from '../items/repository.js';
import { itemRoutes } from '../items/routes.js';
import type { Telemetry } from '../telemetry/telemetry.js';
import { errorHandler } from './error-handler.js';
import { registerLingeringClose } from './lingering-close.js';
import { type LoggerOptions, loggerOptions } from './logger-options.js';
import { sendProblem } from './problem.js';
import { registerRateLimit } from './rate-limit.js';
import { requestId } from './request-id.js';
import { OneLinePerRequest } from './request-log.js';

export interface BuildAppOptions {
  readonly config: ServiceConfig;
  readonly pool: pg.Pool;
  readonly readiness: Readiness;
  /** Where log lines go. @default stdout */
  readonly logStream?: LoggerOptions['stream'];
  /** Clock for the rate limiter (tests). */
  readonly now?: () => number;
  /** The running OpenTelemetry SDK; absent when tracing is off, and then nothing is instrumented. */
  readonly telemetry?: Telemetry;
}

/** The HTTP application, not yet listening: tests drive it with `inject`, the server calls `listen`. */
export function buildApp({
  config,
  pool,
  readiness,
  logStream,
  now,
  telemetry,
}: BuildAppOptions): FastifyInstance {
  const logController = new OneLinePerRequest({
    includeHeaders: config.logLevel === 'debug' || config.logLevel === 'trace',
  });
  const app = Fastify({
    logger: loggerOptions({
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      ...(telemetry ? { mixin: telemetry.logFields } : {}),
    }),
    logController,
    genReqId: requestId,
    bodyLimit: config.http.bodyLimitBytes,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    // A client that trickles its request in is cut off instead of holding a socket for five minutes
    // (Node's default); it must stay above the headers timeout set below.
    requestTimeout: config.http.keepAliveTimeoutMs + 30_000,
    // Trust only as many X-Forwarded-For entries as there are proxies we run (1 for an ALB), so a
    // client cannot pick its own address, and with it its rate-limit bucket. `false` when there
    // are none keeps request.ip a plain socket read.
    trustProxy: config.http.trustProxyHops > 0 ? (_address, hop) => hop < config.http.trustProxyHops : false,
    // Malformed URLs and the like go through the same problem format as everything else.
    frameworkErrors: (error, _request, reply) => {
      sendProblem(reply, error.statusCode ?? 400, error.message);
    },
  });
  // Node's headers timeout (60 s by default) must stay above the keep-alive timeout, or an idle
  // socket can be cut before the ALB's 60 s and the ALB answers 502 (nodejs/node#27363).
  app.server.headersTimeout = config.http.keepAliveTimeoutMs + 1_000;
  logController.useLogger(app.log);
  // Before every hook and route, so the request span covers them all.
  telemetry?.instrument(app);

  // First, so its onRequest hook comes before every other one.
  registerLingeringClose(app);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  // While draining, close each connection after its response: an in-flight request's keep-alive
  // socket would otherwise stay open after it and hold the drain until the keep-alive timeout.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (!readiness.accepting) reply.header('connection', 'close');
    done(null, payload);
  });
  if (config.rateLimit)
    registerRateLimit(app, { ...config.rateLimit, exempt: ['/healthz', '/readyz'], ...(now ? { now } : {}) });
  // After the rate limit, so a flood of bad tokens is limited before any is verified.
  if (config.auth) registerWriteAuth(app, config.auth);
  app.setErrorHandler(
    errorHandler({
      bodyLimitBytes: config.http.bodyLimitBytes,
      statementTimeoutMs: config.pool.statementTimeoutMs,
    }),
  );
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, 404, 'not found'));

  healthRoutes(app, pool, readiness);
  itemRoutes(app, new ItemRepository(pool));
  return app;
}
