import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ClientCredentialsTokens, TokenRequestError } from '../src/auth/client-credentials.js';

/** A token request as the local endpoint received it. */
interface SeenRequest {
  readonly method: string | undefined;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly form: URLSearchParams;
}

type Answer = (
  seen: SeenRequest,
  count: number,
) => { status: number; body: unknown; delayMs?: number } | 'hang';

/** A real HTTP token endpoint on loopback that answers as the test says and records each request. */
class LocalTokenEndpoint {
  readonly seen: SeenRequest[] = [];
  answer: Answer = (_seen, count) => ({
    status: 200,
    body: { access_token: `token-${count}`, expires_in: 3600, token_type: 'Bearer' },
  });
  #server?: Server;

  async start(): Promise<string> {
    const server = createServer((request, response) => void this.#handle(request, response));
    this.#server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    const seen = {
      method: request.method,
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      form: new URLSearchParams(text),
    };
    this.seen.push(seen);
    const answer = this.answer(seen, this.seen.length);
    if (answer === 'hang') return;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    response
      .writeHead(answer.status, { 'content-type': 'application/json' })
      .end(JSON.stringify(answer.body));
  }
}

let endpoint: LocalTokenEndpoint;
afterEach(() => endpoint?.stop());

/** A token source against a fresh local endpoint, on a clock the test moves. */
async function setUp(options: { scopes?: string[]; timeoutMs?: number } = {}) {
  endpoint = new LocalTokenEndpoint();
  const clock = { now: 1_000_000 };
  const tokens = new ClientCredentialsTokens({
    tokenUrl: await endpoint.start(),
    clientId: 'orders-service',
    clientSecret: 's3cr3t',
    now: () => clock.now,
    ...options,
  });
  return { tokens, clock };
}

describe('ClientCredentialsTokens', () => {
  it('asks with the client_credentials grant, Basic client authentication and the scopes', async () => {
    const { tokens } = await setUp({ scopes: ['items/read', 'items/write'] });
    expect(await tokens.token()).toBe('token-1');
    const [seen] = endpoint.seen;
    expect(seen?.method).toBe('POST');
    expect(seen?.contentType).toBe('application/x-www-form-urlencoded');
    expect(seen?.authorization).toBe(`Basic ${Buffer.from('orders-service:s3cr3t').toString('base64')}`);
    expect(Object.fromEntries(seen?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      scope: 'items/read items/write',
    });
  });

  it('leaves the scope out when none is named, so Cognito grants all the client may have', async () => {
    const { tokens } = await setUp();
    await tokens.token();
    expect(endpoint.seen[0]?.form.has('scope')).toBe(false);
  });

  it('reuses the token until a minute before it expires, then renews it', async () => {
    const { tokens, clock } = await setUp();
    expect(await tokens.token()).toBe('token-1');
    clock.now += 3_539_000;
    expect(await tokens.token()).toBe('token-1');
    expect(endpoint.seen).toHaveLength(1);
    clock.now += 1_000;
    expect(await tokens.token()).toBe('token-2');
    expect(endpoint.seen).toHaveLength(2);
  });

  it('renews a short-lived token at half its life', async () => {
    const { tokens, clock } = await setUp();
    endpoint.answer = (_seen, count) => ({
      status: 200,
      body: { access_token: `t${count}`, expires_in: 60 },
    });
    await tokens.token();
    clock.now += 29_000;
    expect(await tokens.token()).toBe('t1');
    clock.now += 1_000;
    expect(await tokens.token()).toBe('t2');
  });

  it('sends one request for many concurrent callers', async () => {
    const { tokens } = await setUp();
    endpoint.answer = () => ({
      status: 200,
      body: { access_token: 'shared', expires_in: 3600 },
      delayMs: 100,
    });
    const all = await Promise.all(Array.from({ length: 10 }, () => tokens.token()));
    expect(new Set(all)).toEqual(new Set(['shared']));
    expect(endpoint.seen).toHaveLength(1);
  });

  it('reports a refusal with its status and OAuth error, never the secret, and tries again next time', async () => {
    const { tokens } = await setUp();
    endpoint.answer = (_seen, count) =>
      count === 1
        ? { status: 400, body: { error: 'invalid_client' } }
        : { status: 200, body: { access_token: 'second', expires_in: 3600 } };
    const error = await tokens.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRequestError);
    expect(error).toMatchObject({ status: 400, message: expect.stringMatching(/400 invalid_client/) });
    expect(String((error as Error).message)).not.toContain('s3cr3t');
    expect(await tokens.token()).toBe('second');
  });

  it('keeps using a still-valid token when renewing it fails', async () => {
    const { tokens, clock } = await setUp();
    await tokens.token();
    endpoint.answer = () => ({ status: 500, body: {} });
    clock.now += 3_550_000;
    expect(await tokens.token()).toBe('token-1');
    clock.now += 50_000;
    await expect(tokens.token()).rejects.toThrow(/500/);
  });

  it('asks again after invalidate()', async () => {
    const { tokens } = await setUp();
    await tokens.token();
    tokens.invalidate();
    expect(await tokens.token()).toBe('token-2');
  });

  it('refuses an answer without a token or a lifetime', async () => {
    const { tokens } = await setUp();
    endpoint.answer = () => ({ status: 200, body: { access_token: 'x' } });
    await expect(tokens.token()).rejects.toThrow(/without an access_token and a positive expires_in/);
  });

  it('gives up on an endpoint that does not answer', async () => {
    const { tokens } = await setUp({ timeoutMs: 200 });
    endpoint.answer = () => 'hang';
    await expect(tokens.token()).rejects.toThrow(/did not answer/);
  });
});
