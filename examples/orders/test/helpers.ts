import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';

const PACKAGE = path.resolve(import.meta.dirname, '..');
const REGION = 'eu-west-1';

/** The variables that point a service's SDK at the test emulator, with dummy keys. */
export function dynamoVariables(): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export function dynamoClient(): DynamoDBClient {
  return new DynamoDBClient({
    region: REGION,
    endpoint: inject('dynamoEndpoint'),
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/** A fresh table with a string partition key, named for the test so files never share one. */
export async function createTable(partitionKey: string): Promise<string> {
  const name = `test-${randomUUID()}`;
  const db = dynamoClient();
  await db.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: partitionKey, KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: partitionKey, AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  db.destroy();
  return name;
}

/** A service started as `slipway dev` and its container start it: its own process, PORT from the environment. */
export interface RunningService {
  readonly url: string;
  readonly output: string[];
  readonly exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/** Starts services/<name>/server.ts on a free port and resolves once it listens. */
export async function startService(name: string, env: Record<string, string>): Promise<RunningService> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', `services/${name}/server.ts`], {
    cwd: PACKAGE,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      const listening = output
        .map((line) => /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line))
        .find(Boolean);
      if (listening?.[1]) resolve(listening[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`${name} exited with ${code}:\n${output.join('\n')}`)));
  });
  return {
    url,
    output,
    exited,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts a service that is expected to refuse to start; resolves with its exit code and output. */
export async function failedStart(
  name: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  try {
    const service = await startService(name, env);
    await service.stop();
    return { code: 0, output: service.output.join('\n') };
  } catch (error) {
    const message = (error as Error).message;
    return { code: Number(/exited with (\d+)/.exec(message)?.[1] ?? NaN), output: message };
  }
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A stand-in for a Cognito user pool: its signing key set on a local address, access tokens
 * signed with it, and a client-credentials token endpoint that counts its requests.
 */
export class TestPool {
  readonly userPoolId = `${REGION}_TestPool1`;
  tokenRequests = 0;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly kid = randomUUID();
  private readonly server = createServer((request, response) => this.answer(request, response));
  url = '';

  async start(): Promise<this> {
    this.url = await listen(this.server);
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The AUTH_ variables of a service that accepts `clientIds` and needs `writeScope` to write. */
  checkVariables(clientIds: string[], writeScope: string): Record<string, string> {
    return {
      AUTH_USER_POOL_ID: this.userPoolId,
      AUTH_CLIENT_IDS: clientIds.join(','),
      AUTH_WRITE_SCOPE: writeScope,
      AUTH_JWKS_URL: `${this.url}/jwks.json`,
    };
  }

  /** An access token as Cognito issues one to `clientId` with `scopes`. */
  token(clientId: string, scopes: string[]): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', kid: this.kid, typ: 'JWT' };
    const payload = {
      sub: clientId,
      client_id: clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      iss: `https://cognito-idp.${REGION}.amazonaws.com/${this.userPoolId}`,
      iat: now,
      exp: now + 3600,
    };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const body = `${encode(header)}.${encode(payload)}`;
    return `${body}.${sign('sha256', Buffer.from(body), this.keys.privateKey).toString('base64url')}`;
  }

  private answer(
    request: import('node:http').IncomingMessage,
    response: import('node:http').ServerResponse,
  ): void {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/jwks.json') {
      const jwk = this.keys.publicKey.export({ format: 'jwk' });
      response.end(JSON.stringify({ keys: [{ ...jwk, kid: this.kid, alg: 'RS256', use: 'sig' }] }));
      return;
    }
    if (request.url === '/oauth2/token' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.tokenRequests++;
        const [id, secret] = Buffer.from(
          (request.headers.authorization ?? '').replace(/^Basic /, ''),
          'base64',
        )
          .toString()
          .split(':');
        const form = new URLSearchParams(body);
        if (secret !== 'caller-secret' || form.get('grant_type') !== 'client_credentials') {
          response.statusCode = 400;
          response.end(JSON.stringify({ error: 'invalid_client' }));
          return;
        }
        const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        response.end(
          JSON.stringify({
            access_token: this.token(id ?? '', scopes),
            expires_in: 3600,
            token_type: 'Bearer',
          }),
        );
      });
      return;
    }
    response.statusCode = 404;
    response.end('{}');
  }
}

export const JSON_HEADERS = { 'content-type': 'application/json' };
