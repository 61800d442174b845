import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { FetchError, JwksNotAvailableInCacheError, JwksValidationError } from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ConfigError } from './env.js';

/** The token check Slipway's `auth` sets up for a service (AUTH_USER_POOL_ID and friends). */
export interface AuthSettings {
  readonly userPoolId: string;
  readonly clientIds: readonly string[];
  /** Scope a token needs to write; any accepted token writes without it. */
  readonly writeScope?: string;
  /** Key set address instead of the pool's own: a local key set in tests. */
  readonly jwksUrl?: string;
}

/** The check's settings, or undefined when AUTH_USER_POOL_ID is unset (no check, as locally). */
export function readAuthSettings(env: NodeJS.ProcessEnv): AuthSettings | undefined {
  const userPoolId = env.AUTH_USER_POOL_ID?.trim();
  if (!userPoolId) return undefined;
  const clientIds = (env.AUTH_CLIENT_IDS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (clientIds.length === 0) {
    throw new ConfigError(
      'AUTH_CLIENT_IDS is not set, so no token could be accepted. Fix: set it to the accepted app client ids, comma-separated, or unset AUTH_USER_POOL_ID.',
    );
  }
  const writeScope = env.AUTH_WRITE_SCOPE?.trim() || undefined;
  const jwksUrl = env.AUTH_JWKS_URL?.trim() || undefined;
  return { userPoolId, clientIds, ...(writeScope ? { writeScope } : {}), ...(jwksUrl ? { jwksUrl } : {}) };
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Every write needs a Cognito access token from an accepted client (401 without one or with a bad
 * one), carrying the write scope when one is set (403); reads and the health path stay open. A key
 * set that cannot be fetched makes writes 503, since the token can be judged neither way.
 */
export function registerWriteAuth(app: FastifyInstance, settings: AuthSettings): void {
  const verifier = CognitoJwtVerifier.create(
    { userPoolId: settings.userPoolId, tokenUse: 'access', clientId: [...settings.clientIds] },
    settings.jwksUrl
      ? { jwksCache: new SimpleJwksCache({ fetcher: new PlainFetcher(settings.jwksUrl) }) }
      : undefined,
  );
  app.addHook('onRequest', async (request, reply) => {
    if (!WRITES.has(request.method)) return;
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined)
      return deny(
        reply,
        401,
        'Bearer',
        'This request needs an access token (Authorization: Bearer <token>).',
      );
    let scopes: string[];
    try {
      const payload = await verifier.verify(token);
      scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    } catch (error) {
      request.log.warn({ reason: (error as Error).message }, 'access token refused');
      if (
        error instanceof FetchError ||
        error instanceof JwksValidationError ||
        error instanceof JwksNotAvailableInCacheError
      ) {
        return reply
          .code(503)
          .header('retry-after', '5')
          .send({ title: 'The access token cannot be checked right now.' });
      }
      return deny(
        reply,
        401,
        'Bearer error="invalid_token"',
        'The access token is not valid for this service.',
      );
    }
    if (settings.writeScope !== undefined && !scopes.includes(settings.writeScope)) {
      return deny(
        reply,
        403,
        `Bearer error="insufficient_scope", scope="${settings.writeScope}"`,
        `The access token lacks the ${settings.writeScope} scope.`,
      );
    }
    return undefined;
  });
}

function deny(reply: FastifyReply, status: 401 | 403, challenge: string, title: string): FastifyReply {
  return reply.code(status).header('www-authenticate', challenge).send({ title });
}

/** Fetches the key set from one fixed address over plain fetch, so an http:// test key set works. */
class PlainFetcher implements Fetcher {
  constructor(private readonly url: string) {}

  async fetch(): Promise<ArrayBuffer> {
    let response: Response;
    try {
      response = await fetch(this.url, { signal: AbortSignal.timeout(3_000) });
    } catch (error) {
      throw new FetchError(this.url, (error as Error).message);
    }
    if (!response.ok) throw new FetchError(this.url, `status ${response.status}`);
    return response.arrayBuffer();
  }
}
