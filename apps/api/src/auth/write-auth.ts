import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../config/auth-config.js';
import { sendProblem } from '../http/problem.js';
import { noteError } from '../http/request-log.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { bearerToken } from './bearer-token.js';

/** Methods that change data. Guarding by method covers write routes added later as well. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Requires a valid Cognito access token on every write: 401 without one or with one this service
 * does not accept, 403 when a valid token lacks the write scope. Reads and health probes stay open.
 * It runs on `onRequest`, before the body is read, so an unauthenticated caller costs no parsing
 * and learns nothing from validation errors.
 */
export function registerWriteAuth(app: FastifyInstance, config: AuthConfig): void {
  const verifier = new AccessTokenVerifier(config);

  // Fetch the key set while starting, without holding the start up: the first write would
  // otherwise wait for it, and a key set that is down must not stop reads from being served.
  app.addHook('onReady', (done) => {
    verifier.hydrate().catch((error: unknown) => {
      app.log.warn(
        { err: error },
        'could not fetch the signing keys for access tokens yet; writes are refused with 503 until they can be',
      );
    });
    done();
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!WRITE_METHODS.has(request.method)) return;
    const token = bearerToken(request.headers.authorization);
    if (token === undefined)
      return deny(
        request,
        reply,
        401,
        'Bearer',
        'This request needs an access token. Send it as Authorization: Bearer <token>.',
        'no bearer token',
      );
    const check = await verifier.check(token);
    if (check.outcome === 'unavailable') {
      noteError(request, new TokenRefused(check.reason));
      return sendProblem(
        reply.header('retry-after', '5'),
        503,
        'The access token cannot be checked right now. Try again shortly.',
      );
    }
    if (check.outcome === 'invalid')
      return deny(
        request,
        reply,
        401,
        'Bearer error="invalid_token"',
        'The access token is not valid: it is expired, malformed, not signed by the user pool, or issued to a client this service does not accept.',
        check.reason,
      );
    if (config.writeScope !== undefined && !check.scopes.includes(config.writeScope))
      return deny(
        request,
        reply,
        403,
        `Bearer error="insufficient_scope", scope="${config.writeScope}"`,
        `The access token lacks the ${config.writeScope} scope this request needs.`,
        `client ${check.clientId} has scopes ${check.scopes.join(' ') || '(none)'}`,
      );
    return undefined;
  });
}

/** Refuses with the RFC 6750 challenge; the reason goes to the request's log line only. */
function deny(
  request: FastifyRequest,
  reply: FastifyReply,
  status: 401 | 403,
  challenge: string,
  detail: string,
  reason: string,
): FastifyReply {
  noteError(request, new TokenRefused(reason));
  return sendProblem(reply.header('www-authenticate', challenge), status, detail);
}

/** Why a write was refused, for its log line: a known outcome, so no stack trace. */
class TokenRefused extends Error {
  override name = 'TokenRefused';

  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}
