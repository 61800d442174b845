import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attribute,
  type OtlpReceiver,
  type ReceivedSpan,
  startOtlpReceiver,
} from './helpers/otlp-receiver.js';
import { type SpawnedServer, spawnServer } from './helpers/spawn-server.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const PROBE = fileURLToPath(new URL('./fixtures/loaded-modules-probe.mjs', import.meta.url));

/** The real entry point with the loaded-modules probe preloaded. */
function spawnProbed(env: Record<string, string>): SpawnedServer {
  return spawnServer(
    { SHUTDOWN_DELAY_MS: '0', ...env },
    { file: process.execPath, args: ['--import', 'tsx', '--import', PROBE, 'src/server.ts'], cwd: API_DIR },
  );
}

/** Stops the server as ECS does and returns the OpenTelemetry modules it had loaded. */
async function stopAndProbe(server: SpawnedServer): Promise<string[]> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  const probe = server.lines.map((l) => JSON.parse(l)).find((l) => l.probe === 'loaded-modules');
  return probe.otel as string[];
}

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The request log lines (those with a status code) of a spawned server. */
function requestLines(server: SpawnedServer): Record<string, unknown>[] {
  return server.lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => typeof l.statusCode === 'number');
}

describe('tracing on: OTLP/HTTP to a local receiver', () => {
  let db: TestDatabase;
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    db = await createTestDatabase('traces');
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await db?.drop();
  });

  it('sends one trace per request with the http, Fastify and pg spans, and logs its ids', async () => {
    const server = spawnProbed({
      DATABASE_URL: db.url,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_SERVICE_NAME: 'items',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test,service.version=1.2.3',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_METRIC_EXPORT_INTERVAL: '300',
    });
    try {
      const base = await server.url();
      const created = await fetch(`${base}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'traced', quantity: 3 }),
      });
      const { id } = (await created.json()) as { id: number };
      expect(created.status, JSON.stringify(id)).toBe(201);
      expect((await fetch(`${base}/items/${id}`)).status).toBe(200);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      const serverSpan = await until('the GET /items/:id server span', () =>
        receiver.spans.find((s) => s.kind === 2 && attribute(s, 'http.route') === '/items/:id'),
      );
      const trace = await until('the pg span of that trace', () => {
        const spans = receiver.spans.filter((s) => s.traceId === serverSpan.traceId);
        return spans.some((s) => attribute(s, 'db.system.name') === 'postgresql') ? spans : undefined;
      });
      const byId = new Map(trace.map((s) => [s.spanId, s]));
      const parentOf = (s: ReceivedSpan) => (s.parentSpanId ? byId.get(s.parentSpanId) : undefined);

      // http (server) → Fastify's request span → the pg query: three spans, one trace.
      expect(serverSpan.parentSpanId ?? '').toBe('');
      const request = trace.find((s) => s.name === 'request');
      expect(request && parentOf(request)).toBe(serverSpan);
      expect(attribute(request!, 'http.route')).toBe('/items/:id');
      const query = trace.find((s) => s.name.startsWith('pg.query:items_find_json'))!;
      expect(attribute(query, 'db.query.text')).toContain('FROM items');
      expect(parentOf(query)).toBe(request);
      expect(trace).toHaveLength(3);
      expect(serverSpan.resource).toMatchObject({
        'service.name': 'items',
        'service.version': '1.2.3',
        'deployment.environment.name': 'test',
      });

      // No span for the liveness probe.
      expect(
        receiver.spans.some(
          (s) => attribute(s, 'url.path') === '/healthz' || attribute(s, 'http.target') === '/healthz',
        ),
      ).toBe(false);

      // The request's log line carries the same trace.
      const line = await until('the request line', () =>
        requestLines(server).find((l) => l.url === `/items/${id}`),
      );
      expect(line.trace_id).toBe(serverSpan.traceId);
      expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
      expect(trace.map((s) => s.spanId)).toContain(line.span_id);

      // RED metrics per route, on the same endpoint.
      const metricNames = await until('the request duration metric for /items/:id', () => {
        const text = JSON.stringify(receiver.metricBodies);
        return text.includes('http.server.request.duration') && text.includes('"/items/:id"')
          ? text
          : undefined;
      });
      expect(metricNames).toContain('"stringValue":"POST"');
      expect(receiver.requests.every((r) => r.includes('application/json'))).toBe(true);

      const loaded = await stopAndProbe(server);
      expect(loaded).toEqual(
        expect.arrayContaining([
          '@fastify/otel',
          '@opentelemetry/sdk-node',
          '@opentelemetry/instrumentation-pg',
        ]),
      );
    } finally {
      server.kill();
    }
  }, 60_000);
});

describe('tracing off', () => {
  let db: TestDatabase;
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    db = await createTestDatabase('untraced');
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await db?.drop();
  });

  for (const [when, env] of [
    ['without an endpoint', {}],
    ['with OTEL_SDK_DISABLED=true', { OTEL_SDK_DISABLED: 'true' }],
  ] as const) {
    it(`loads no OpenTelemetry module and sends nothing ${when}`, async () => {
      const server = spawnProbed({
        DATABASE_URL: db.url,
        ...(when === 'without an endpoint' ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url }),
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        ...env,
      });
      try {
        const base = await server.url();
        expect((await fetch(`${base}/items?limit=5`)).status).toBe(200);
        const starting = server.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'starting');
        expect(starting.tracing).toBe('off');
        const line = await until('the request line', () => requestLines(server)[0]);
        expect(line).not.toHaveProperty('trace_id');
        expect(await stopAndProbe(server)).toEqual([]);
        expect(receiver.requests).toEqual([]);
      } finally {
        server.kill();
      }
    });
  }
});
