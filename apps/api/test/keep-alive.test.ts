import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '../src/service.js';
import { testConfig } from './helpers/test-config.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

// SECURITY.md 36: keep-alive outlasts the ALB's 60 s idle timeout, so the ALB always closes first
// and never sends a request down a socket the service is closing (a 502).
let db: TestDatabase;
let service: RunningService;

beforeAll(async () => {
  db = await createTestDatabase('keepalive');
  service = await startService(testConfig(db.url));
});
afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

/** Sends one request on a raw socket and resolves with the response head. */
function request(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString('latin1');
      if (data.includes('\r\n\r\n') && data.endsWith('}')) {
        socket.off('data', onData);
        resolve(data.split('\r\n\r\n')[0]!);
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.write('GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n');
  });
}

describe('keep-alive', () => {
  it('advertises and applies a keep-alive timeout above 60 s', async () => {
    expect(service.app.server.keepAliveTimeout).toBe(65_000);
    expect(service.app.server.headersTimeout).toBeGreaterThan(service.app.server.keepAliveTimeout);
    const { port } = new URL(service.url);
    const socket = connect(Number(port), '127.0.0.1');
    try {
      const head = await request(socket);
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      expect(head.toLowerCase()).toContain('keep-alive: timeout=65');
    } finally {
      socket.destroy();
    }
  });

  it("keeps an idle connection open past Node's 5 s default", async () => {
    const { port } = new URL(service.url);
    const socket = connect(Number(port), '127.0.0.1');
    let closed = false;
    socket.on('close', () => {
      closed = true;
    });
    try {
      await request(socket);
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      expect(closed).toBe(false);
      expect(await request(socket)).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      socket.destroy();
    }
  });
});
