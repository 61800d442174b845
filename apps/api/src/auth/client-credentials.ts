export interface ClientCredentialsOptions {
  /** The user pool domain's token endpoint: `https://<domain>.auth.<region>.amazoncognito.com/oauth2/token`. */
  readonly tokenUrl: string;
  /** A confidential app client allowed the client_credentials grant. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Scopes to ask for, such as `items/write`. @default every scope the client is allowed */
  readonly scopes?: readonly string[];
  /** Renew this long before expiry, so a token never expires on its way to the other service. @default 60000 */
  readonly renewBeforeMs?: number;
  /** Give up on the token endpoint after this long. @default 5000 */
  readonly timeoutMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** The token endpoint refused, failed or answered something that is not a token. */
export class TokenRequestError extends Error {
  override name = 'TokenRequestError';

  constructor(
    message: string,
    /** The HTTP status, when there was an answer. */
    readonly status?: number,
  ) {
    super(message);
  }
}

interface CachedToken {
  readonly value: string;
  readonly renewAt: number;
  readonly expiresAt: number;
}

/**
 * Access tokens for calling other services, from Cognito's client-credentials grant. Each token is
 * reused until shortly before it expires, and concurrent callers share one request, because
 * Cognito bills machine-to-machine token requests ($2.25 per 1,000 on top of $6 per client per
 * month): a token per outgoing call would cost more than the calls.
 */
export class ClientCredentialsTokens {
  readonly #options: ClientCredentialsOptions;
  readonly #now: () => number;
  #cached: CachedToken | undefined;
  #inFlight: Promise<CachedToken> | undefined;

  constructor(options: ClientCredentialsOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /**
   * A token to send as `Authorization: Bearer <token>`. If renewing fails while the current token
   * is still valid, that token is returned and the next call tries again.
   */
  async token(): Promise<string> {
    const cached = this.#cached;
    if (cached && this.#now() < cached.renewAt) return cached.value;
    try {
      return (await this.#renew()).value;
    } catch (error) {
      if (cached && cached === this.#cached && this.#now() < cached.expiresAt) return cached.value;
      throw error;
    }
  }

  /** Forgets the cached token; call it when another service refused the token with a 401. */
  invalidate(): void {
    this.#cached = undefined;
  }

  #renew(): Promise<CachedToken> {
    this.#inFlight ??= this.#request().finally(() => {
      this.#inFlight = undefined;
    });
    return this.#inFlight;
  }

  async #request(): Promise<CachedToken> {
    const {
      tokenUrl,
      clientId,
      clientSecret,
      scopes,
      renewBeforeMs = 60_000,
      timeoutMs = 5_000,
    } = this.#options;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scopes && scopes.length > 0) body.set('scope', scopes.join(' '));
    const requestedAt = this.#now();
    let response: Response;
    try {
      response = await fetch(tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new TokenRequestError(
        `The token endpoint ${tokenUrl} did not answer: ${(error as Error).message}`,
      );
    }
    const answer = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!response.ok) {
      // OAuth errors (RFC 6749 section 5.2) name the problem, such as invalid_client or invalid_scope.
      const reason = typeof answer?.error === 'string' ? answer.error : 'no OAuth error given';
      throw new TokenRequestError(
        `The token endpoint ${tokenUrl} refused client ${clientId}: ${response.status} ${reason}`,
        response.status,
      );
    }
    const value = answer?.access_token;
    const expiresIn = answer?.expires_in;
    if (typeof value !== 'string' || value === '' || typeof expiresIn !== 'number' || !(expiresIn > 0))
      throw new TokenRequestError(
        `The token endpoint ${tokenUrl} answered without an access_token and a positive expires_in`,
        response.status,
      );
    // Counted from when the request was sent, so time spent waiting for the answer is not lent.
    const lifetimeMs = expiresIn * 1_000;
    const token = {
      value,
      expiresAt: requestedAt + lifetimeMs,
      // A token shorter-lived than twice the margin is renewed at half its life instead.
      renewAt: requestedAt + lifetimeMs - Math.min(renewBeforeMs, lifetimeMs / 2),
    };
    this.#cached = token;
    return token;
  }
}
