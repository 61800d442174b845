import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  FetchError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  NonRetryableFetchError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { AuthConfig } from '../config/auth-config.js';

/** What a bearer token turned out to be. */
export type TokenCheck =
  | { readonly outcome: 'valid'; readonly clientId: string; readonly scopes: readonly string[] }
  /** Not a token this service accepts: forged, expired, another pool's, another client's, an ID token. */
  | { readonly outcome: 'invalid'; readonly reason: string }
  /** The signing keys could not be fetched, so the token could not be judged either way. */
  | { readonly outcome: 'unavailable'; readonly reason: string };

/** The key set fetch is on the request path of the first write, so it must give up quickly. */
const JWKS_TIMEOUT_MS = 3_000;

/**
 * Checks Cognito access tokens with aws-jwt-verify: signature against the pool's key set (fetched
 * once, then again only for an unknown key id, at most every 10 s), issuer, expiry, `token_use`
 * and `client_id`. The scope is left to the caller, so a token that fails any of these is always
 * a 401 and only a valid token can earn a 403.
 */
export class AccessTokenVerifier {
  readonly #verifier;

  constructor(config: AuthConfig) {
    this.#verifier = CognitoJwtVerifier.create(
      { userPoolId: config.userPoolId, tokenUse: 'access', clientId: [...config.clientIds] },
      config.jwksUrl
        ? { jwksCache: new SimpleJwksCache({ fetcher: new FixedUrlFetcher(config.jwksUrl) }) }
        : undefined,
    );
  }

  /** Fetches the key set ahead of the first request; rejects if it cannot. */
  async hydrate(): Promise<void> {
    await this.#verifier.hydrate();
  }

  async check(token: string): Promise<TokenCheck> {
    try {
      const payload = await this.#verifier.verify(token);
      return {
        outcome: 'valid',
        clientId: payload.client_id,
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : [],
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (
        error instanceof FetchError ||
        error instanceof JwksValidationError ||
        error instanceof JwksNotAvailableInCacheError
      )
        return { outcome: 'unavailable', reason };
      return { outcome: 'invalid', reason };
    }
  }
}

/**
 * Fetches the key set from one configured address whatever the pool's address is, over plain
 * `fetch`, so a loopback http:// key set works too (aws-jwt-verify's own fetcher is HTTPS only).
 */
class FixedUrlFetcher implements Fetcher {
  constructor(private readonly url: string) {}

  async fetch(): Promise<ArrayBuffer> {
    let response: Response;
    try {
      response = await fetch(this.url, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
    } catch (error) {
      throw new FetchError(this.url, (error as Error).message);
    }
    if (response.status !== 200)
      throw new NonRetryableFetchError(this.url, `Status code is ${response.status}, expected 200`);
    return response.arrayBuffer();
  }
}
