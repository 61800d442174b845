import { ConfigError } from './env.js';

/** How this service signs in to call others: its machine client (client-credentials grant). */
export interface CallerSettings {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Scopes to ask for, space-separated in AUTH_CALLER_SCOPES. */
  readonly scopes: readonly string[];
}

const CALLER_VARIABLES = ['AUTH_TOKEN_URL', 'AUTH_CALLER_CLIENT_ID', 'AUTH_CALLER_CLIENT_SECRET'] as const;

/** The caller settings, or undefined when none is set: calls then go without a token, as locally. */
export function readCallerSettings(env: NodeJS.ProcessEnv): CallerSettings | undefined {
  const set = CALLER_VARIABLES.filter((name) => env[name]?.trim());
  if (set.length === 0) return undefined;
  const missing = CALLER_VARIABLES.filter((name) => !set.includes(name));
  if (missing.length > 0) {
    throw new ConfigError(
      `${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} not, so no token can be had. Fix: set all three, or none to call without a token.`,
    );
  }
  return {
    tokenUrl: env.AUTH_TOKEN_URL!.trim(),
    clientId: env.AUTH_CALLER_CLIENT_ID!.trim(),
    clientSecret: env.AUTH_CALLER_CLIENT_SECRET!.trim(),
    scopes: (env.AUTH_CALLER_SCOPES ?? '').split(/\s+/).filter((s) => s !== ''),
  };
}

/** Renew this long before expiry, so a token never runs out on its way to the other service. */
const RENEW_BEFORE_MS = 60_000;

/**
 * Access tokens from the token endpoint, fetched once and reused until shortly before they expire:
 * Cognito bills every machine-to-machine token request, so one per call would cost more than the
 * calls. Concurrent callers share one request.
 */
export class CallerTokens {
  private cached: { value: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly settings: CallerSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** `Bearer <token>`, for the Authorization header. */
  async header(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return `Bearer ${this.cached.value}`;
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    return `Bearer ${await this.pending}`;
  }

  /** Forget the token, after another service refused it with a 401. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async request(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scopes } = this.settings;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (scopes.length > 0) body.set('scope', scopes.join(' '));
    const asked = this.now();
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    const answer = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (!response.ok || typeof answer.access_token !== 'string') {
      throw new Error(`the token endpoint ${tokenUrl} answered ${response.status} without an access token`);
    }
    const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : 3600) * 1000;
    this.cached = { value: answer.access_token, renewAt: asked + Math.max(0, lifetimeMs - RENEW_BEFORE_MS) };
    return answer.access_token;
  }
}
