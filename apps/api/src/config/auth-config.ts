import type { EnvReader } from './env-reader.js';

/** Access-token checks on the write routes: on when AUTH_USER_POOL_ID is set. */
export interface AuthConfig {
  /** The Cognito user pool that signs the tokens, `<region>_<id>`; it fixes the issuer. */
  readonly userPoolId: string;
  /** App clients whose access tokens are accepted (the token's `client_id`). */
  readonly clientIds: readonly string[];
  /** Scope a token must carry to write, e.g. `items/write`; any accepted token writes when unset. */
  readonly writeScope?: string;
  /**
   * Where to fetch the signing keys instead of the pool's own JWKS address: a local key set in
   * tests and local development. @default the pool's `/.well-known/jwks.json`
   */
  readonly jwksUrl?: string;
}

const AUTH_VARIABLES = ['AUTH_USER_POOL_ID', 'AUTH_CLIENT_IDS', 'AUTH_WRITE_SCOPE', 'AUTH_JWKS_URL'];
/** The same shape aws-jwt-verify accepts, so a typo is caught at boot, not on the first write. */
const USER_POOL_ID = /^(?:eusc-[a-z]{2}|[a-z]{2})-(?:gov-)?[a-z]+-\d_[a-zA-Z0-9]+$/;
/**
 * RFC 6749 scope-token characters (printable ASCII except space, `"` and `\`), less the comma, so
 * a comma-separated list is caught rather than taken for one odd scope.
 */
const SCOPE_TOKEN = /^[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]+$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Reads the AUTH_ variables; undefined (auth off) when none is set. */
export function readAuthConfig(reader: EnvReader): AuthConfig | undefined {
  const userPoolId = reader.string('AUTH_USER_POOL_ID');
  if (userPoolId === undefined) {
    const stray = AUTH_VARIABLES.filter((name) => reader.string(name) !== undefined);
    if (stray.length > 0)
      reader.problem(
        `${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but AUTH_USER_POOL_ID is not, so writes would stay open. Fix: set AUTH_USER_POOL_ID to the Cognito user pool id (such as eu-west-1_AbC123xyz), or unset the AUTH_ variables to run without auth.`,
      );
    return undefined;
  }
  if (!USER_POOL_ID.test(userPoolId))
    reader.problem(
      `AUTH_USER_POOL_ID=${JSON.stringify(userPoolId)} is not a Cognito user pool id. Fix: use the pool's id, <region>_<id> (such as eu-west-1_AbC123xyz), not its name or ARN.`,
    );

  const clientIds = (reader.string('AUTH_CLIENT_IDS') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (clientIds.length === 0)
    reader.problem(
      'AUTH_CLIENT_IDS is not set, so no token could be accepted. Fix: set it to the app client ids allowed to call this service, comma-separated, or unset AUTH_USER_POOL_ID to run without auth.',
    );

  const writeScope = reader.string('AUTH_WRITE_SCOPE');
  if (writeScope !== undefined && !SCOPE_TOKEN.test(writeScope))
    reader.problem(
      `AUTH_WRITE_SCOPE=${JSON.stringify(writeScope)} is not a single scope. Fix: set one scope such as items/write (no spaces or commas).`,
    );

  const jwksUrl = reader.string('AUTH_JWKS_URL');
  if (jwksUrl !== undefined) checkJwksUrl(reader, jwksUrl);

  return {
    userPoolId,
    clientIds,
    ...(writeScope !== undefined ? { writeScope } : {}),
    ...(jwksUrl !== undefined ? { jwksUrl } : {}),
  };
}

/**
 * Whoever serves the key set decides which tokens pass, so it must come over HTTPS; plain HTTP is
 * allowed on loopback only, for tests and a key set served next to the service.
 */
function checkJwksUrl(reader: EnvReader, raw: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    reader.problem(
      `AUTH_JWKS_URL=${JSON.stringify(raw)} is not a URL. Fix: set it to the key set's address, such as https://keys.example/jwks.json, or unset it to use the user pool's.`,
    );
    return;
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure)
    reader.problem(
      `AUTH_JWKS_URL=${JSON.stringify(raw)} is not HTTPS, and whoever serves it decides which tokens pass. Fix: use an https:// address (http:// only on localhost), or unset it to use the user pool's.`,
    );
}
