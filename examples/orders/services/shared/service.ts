import Fastify, { type FastifyInstance } from 'fastify';
import { ConfigError, port } from './env.js';
import { readAuthSettings, registerWriteAuth } from './write-auth.js';

/** Where the load balancer and ECS check a service (the config's `healthPath` default). */
export const HEALTH_PATH = '/healthz';

/**
 * A Fastify app with what every service of the example shares: one JSON log line per request
 * (pino, Fastify's logger), the health path, problem bodies for errors, and the write-token check
 * when AUTH_USER_POOL_ID is set.
 */
export function baseApp(name: string, env: NodeJS.ProcessEnv): FastifyInstance {
  const app = Fastify({
    logger: { level: env.LOG_LEVEL ?? 'info', base: { service: name } },
    // The load balancer ends idle connections at 60 s; keep ours open longer so it never reuses a closed one.
    keepAliveTimeout: 65_000,
  });
  const auth = readAuthSettings(env);
  if (auth) registerWriteAuth(app, auth);
  // Probes come every few seconds; a log line each would bury the requests that matter.
  app.get(HEALTH_PATH, { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ title: status >= 500 ? 'Internal error' : error.message });
  });
  return app;
}

/**
 * Listens on PORT and stops cleanly on SIGTERM (ECS on a deploy, `slipway dev` on Ctrl-C): no new
 * connections, requests in flight finish, then the process exits 0.
 */
export async function serve(
  build: (env: NodeJS.ProcessEnv) => FastifyInstance | Promise<FastifyInstance>,
): Promise<void> {
  let app: FastifyInstance;
  try {
    app = await build(process.env);
  } catch (error) {
    fatal(error);
  }
  // Before listening: a SIGTERM that comes as soon as the port answers must still drain, not kill.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'stopping');
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
    });
  }
  try {
    await app.listen({ port: port(process.env), host: '0.0.0.0' });
  } catch (error) {
    fatal(error);
  }
}

/** One JSON line saying why the service could not start, then exit 1. */
function fatal(error: unknown): never {
  const message = error instanceof ConfigError ? error.message : String((error as Error).stack ?? error);
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'could not start', error: message })}\n`);
  process.exit(1);
}
