import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalIssuer, strangerKey, TEST_USER_POOL_ID } from './helpers/local-issuer.js';
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// The real server, started as in production, with auth configured the way the Slipway stacks
// configure it and a local key set standing in for the user pool's.
let db: TestDatabase;
let issuer: LocalIssuer;
let secured: SpawnedServer;
let open: SpawnedServer;
let securedUrl: string;
let openUrl: string;

beforeAll(async () => {
  db = await createTestDatabase('auth');
  issuer = new LocalIssuer();
  const jwksUrl = await issuer.serve();
  secured = spawnServer({
    DATABASE_URL: db.url,
    AUTH_USER_POOL_ID: TEST_USER_POOL_ID,
    AUTH_CLIENT_IDS: 'storefront-spa, orders-service',
    AUTH_WRITE_SCOPE: 'items/write',
    AUTH_JWKS_URL: jwksUrl,
  });
  securedUrl = await secured.url();
  // Started once the first has migrated, so the two never race for the advisory lock's wait.
  open = spawnServer({ DATABASE_URL: db.url });
  openUrl = await open.url();
});
afterAll(async () => {
  secured?.kill();
  open?.kill();
  await issuer?.close();
  await db?.drop();
});

const item = JSON.stringify({ name: 'aspirin', quantity: 2 });

function postItem(base: string, token?: string): Promise<Response> {
  return fetch(`${base}/items`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
    },
    body: item,
  });
}

describe('writes with auth configured', () => {
  it('refuses a request without a token with 401 and a Bearer challenge', async () => {
    const res = await postItem(securedUrl);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('treats another scheme as no token', async () => {
    const res = await fetch(`${securedUrl}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: item,
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([
    ['a bad signature', () => issuer.token({}, strangerKey())],
    ['an expired token', () => issuer.token({ exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a client not in AUTH_CLIENT_IDS', () => issuer.token({ client_id: 'someone-else' })],
    ['an ID token', () => issuer.token({ token_use: 'id' })],
    // aws-jwt-verify checks the scope before these two; without the scope they must still be 401s.
    ['an ID token without the scope', () => issuer.token({ token_use: 'id', scope: 'openid' })],
    [
      'another pool',
      () => issuer.token({ iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' }),
    ],
    [
      'a client not in the list even without the scope',
      () => issuer.token({ client_id: 'x', scope: 'other' }),
    ],
    ['something that is not a JWT', () => 'not-a-jwt'],
  ])('refuses %s with 401 invalid_token', async (_case, token) => {
    const res = await postItem(securedUrl, token());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await res.json()).toMatchObject({ status: 401 });
  });

  it('refuses a valid token without the write scope with 403 insufficient_scope', async () => {
    const res = await postItem(securedUrl, issuer.token({ scope: 'items/read' }));
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="items/write"',
    );
    expect(await res.json()).toMatchObject({ status: 403, title: 'Forbidden' });
  });

  it('accepts a valid token with the write scope from either listed client', async () => {
    for (const client_id of ['orders-service', 'storefront-spa']) {
      const res = await postItem(securedUrl, issuer.token({ client_id, scope: 'items/write' }));
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ name: 'aspirin', quantity: 2 });
    }
  });

  it('fetched the key set at start, not per request', () => {
    // Once for each issuer form Cognito uses (cognito-idp and issuer-cognito-idp), which
    // aws-jwt-verify keys its cache by; both point at the one local key set here.
    expect(issuer.requests).toBe(2);
  });

  it('keeps reads and health probes open', async () => {
    for (const path of ['/items', '/items/1', '/healthz', '/readyz']) {
      expect((await fetch(`${securedUrl}${path}`)).status, path).toBe(200);
    }
  });

  it('checks the token before the body, so an unauthenticated caller learns nothing from validation', async () => {
    const res = await fetch(`${securedUrl}/items`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'not json',
    });
    expect(res.status).toBe(401);
  });

  it('logs why a token was refused, never the token', async () => {
    const token = issuer.token({ client_id: 'someone-else' });
    await (await postItem(securedUrl, token)).arrayBuffer();
    const line = await secured.waitForLine(/"statusCode":401.*Client ID not allowed: someone-else/);
    expect(JSON.parse(line).err).toMatchObject({ type: 'TokenRefused' });
    expect(line).not.toContain(token);
  });
});

describe('writes without auth configured', () => {
  it('stay open, as before', async () => {
    const res = await postItem(openUrl);
    expect(res.status).toBe(201);
  });

  it('ignore a token that would have been refused', async () => {
    const res = await postItem(openUrl, 'not-a-jwt');
    expect(res.status).toBe(201);
  });
});
