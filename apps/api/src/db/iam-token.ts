import { Signer } from '@aws-sdk/rds-signer';
import type { DatabaseConfig } from '../config/database-config.js';

/** Returns a password for the next database connection. */
export type PasswordSource = () => Promise<string>;

export interface CachedTokenOptions {
  /** Mint a new token once the cached one is this old. RDS tokens live 15 minutes. @default 10 min */
  readonly refreshAfterMs?: number;
  /** Never hand out a token older than this, even if minting a new one failed. @default 14 min */
  readonly maxAgeMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Caches short-lived tokens: one signing call serves every connection made in the next ten minutes,
 * concurrent connects share a single call, and a failed refresh falls back to the current token
 * while it is still valid, so a brief credentials hiccup does not drop new connections.
 */
export function cachedToken(mint: PasswordSource, options: CachedTokenOptions = {}): PasswordSource {
  const { refreshAfterMs = 10 * 60_000, maxAgeMs = 14 * 60_000, now = Date.now } = options;
  let current: { token: string; mintedAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const refresh = (): Promise<string> => {
    pending ??= mint()
      .then((token) => {
        current = { token, mintedAt: now() };
        return token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return async () => {
    const age = current ? now() - current.mintedAt : Number.POSITIVE_INFINITY;
    if (current && age < refreshAfterMs) return current.token;
    try {
      return await refresh();
    } catch (error) {
      if (current && now() - current.mintedAt < maxAgeMs) return current.token;
      throw error;
    }
  };
}

/** Signs RDS IAM authentication tokens with the default AWS credential chain (the ECS task role). */
export function rdsIamToken(database: DatabaseConfig, region: string): PasswordSource {
  const signer = new Signer({
    hostname: database.host,
    port: database.port,
    username: database.user,
    region,
  });
  return cachedToken(() => signer.getAuthToken());
}
