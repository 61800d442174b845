import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user pool id in the shape Cognito uses; it fixes the issuer the service expects. */
export const TEST_USER_POOL_ID = 'eu-west-1_TestPool1';
export const TEST_ISSUER = `https://cognito-idp.eu-west-1.amazonaws.com/${TEST_USER_POOL_ID}`;

/** The claims of a Cognito access token that the service looks at, any of which a test may change. */
export interface AccessTokenClaims {
  readonly iss?: string;
  readonly token_use?: string;
  readonly client_id?: string;
  readonly scope?: string;
  /** Seconds since the epoch. @default an hour from now */
  readonly exp?: number;
}

/**
 * Stands in for a Cognito user pool: an RSA key whose public half is served as a JWKS over local
 * HTTP, and access tokens signed with it (RS256, as Cognito signs them).
 */
export class LocalIssuer {
  readonly kid = randomUUID();
  readonly #privateKey: KeyObject;
  readonly #jwks: string;
  #server?: Server;
  /** JWKS requests served so far. */
  requests = 0;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.#privateKey = privateKey;
    this.#jwks = JSON.stringify({
      keys: [{ ...publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }],
    });
  }

  /** Serves the JWKS on a free loopback port; resolves with its address. */
  async serve(): Promise<string> {
    const server = createServer((_request, response) => {
      this.requests += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(this.#jwks);
    });
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** An access token with Cognito's claims, signed with this issuer's key unless another is given. */
  token(claims: AccessTokenClaims = {}, signWith: KeyObject = this.#privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { kid: this.kid, alg: 'RS256' };
    const payload = {
      sub: randomUUID(),
      iss: TEST_ISSUER,
      token_use: 'access',
      client_id: 'orders-service',
      scope: 'items/read items/write',
      auth_time: now,
      iat: now,
      exp: now + 3600,
      jti: randomUUID(),
      ...claims,
    };
    const signingInput = `${base64url(header)}.${base64url(payload)}`;
    const signature = sign('sha256', Buffer.from(signingInput), signWith).toString('base64url');
    return `${signingInput}.${signature}`;
  }
}

/** A key no JWKS lists: tokens signed with it carry the right key id and a signature that fails. */
export function strangerKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
