import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { consoleReporter } from '../../src/dev/console-reporter.js';
import type { DevSpan } from '../../src/dev/events.js';
import { localEnvironment } from '../../src/dev/service-environment.js';
import { startSpanReceiver } from '../../src/dev/span-receiver.js';
import { startDev } from '../../src/dev/start-dev.js';
import { validConfig } from '../config/fixtures.js';
import { configWith, FIXTURES, recorder, STAND_IN } from './helpers.js';

/** An OTLP/JSON traces export as the OpenTelemetry JS exporter writes it: a root span and a failed child. */
const EXPORT = {
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'web' } }] },
      scopeSpans: [
        {
          scope: { name: '@opentelemetry/instrumentation-http' },
          spans: [
            {
              traceId: '9adb878ef89a79db22a51e8113573d92',
              spanId: 'd22b91bf8fa9e242',
              name: 'GET /items/:id',
              kind: 2,
              startTimeUnixNano: '1764740985378733000',
              endTimeUnixNano: '1764740985391233000',
              attributes: [{ key: 'http.response.status_code', value: { intValue: 503 } }],
              status: { code: 0 },
            },
            {
              traceId: '9adb878ef89a79db22a51e8113573d92',
              spanId: '0f1e2d3c4b5a6978',
              parentSpanId: 'd22b91bf8fa9e242',
              name: 'pg.query:items_find_json shop',
              kind: 3,
              startTimeUnixNano: '1764740985380000000',
              endTimeUnixNano: '1764740985390000000',
              status: { code: 2, message: 'connection refused' },
            },
          ],
        },
      ],
    },
  ],
};

function post(url: string, body: string, contentType: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('the --print-spans receiver', () => {
  it('turns each span of an OTLP/JSON export into one event, and accepts metrics without showing them', async () => {
    const spans: DevSpan[] = [];
    const warnings: string[] = [];
    const receiver = await startSpanReceiver({
      onSpan: (s) => spans.push(s),
      onUnreadable: (m) => warnings.push(m),
    });
    try {
      expect(
        (await post(`${receiver.endpoint}/v1/traces`, JSON.stringify(EXPORT), 'application/json')).status,
      ).toBe(200);
      expect(
        (await post(`${receiver.endpoint}/v1/metrics`, '{"resourceMetrics":[]}', 'application/json')).status,
      ).toBe(200);
      expect(spans).toEqual([
        {
          service: 'web',
          name: 'GET /items/:id',
          traceId: '9adb878ef89a79db22a51e8113573d92',
          spanId: 'd22b91bf8fa9e242',
          durationMs: 12.5,
          error: false,
          statusCode: 503,
        },
        {
          service: 'web',
          name: 'pg.query:items_find_json shop',
          traceId: '9adb878ef89a79db22a51e8113573d92',
          spanId: '0f1e2d3c4b5a6978',
          parentSpanId: 'd22b91bf8fa9e242',
          durationMs: 10,
          error: true,
        },
      ]);
      expect(warnings).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('refuses protobuf with 415 and says once how to fix it', async () => {
    const warnings: string[] = [];
    const receiver = await startSpanReceiver({
      onSpan: () => undefined,
      onUnreadable: (m) => warnings.push(m),
    });
    try {
      for (let i = 0; i < 2; i += 1) {
        const answer = await post(`${receiver.endpoint}/v1/traces`, '\x0a\x00', 'application/x-protobuf');
        expect(answer.status).toBe(415);
      }
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('application/x-protobuf');
      expect(warnings[0]).toContain('OTEL_EXPORTER_OTLP_PROTOCOL=http/json');
    } finally {
      await receiver.close();
    }
  });
});

describe('a span on the dev console', () => {
  it('is one line behind its service, marked as a root, a child or a failure', () => {
    let out = '';
    const report = consoleReporter({ out: (text) => (out += text), err: () => undefined });
    report({ kind: 'starting', app: 'shop', environment: 'dev', services: ['web', 'worker'] });
    const root = {
      service: 'web',
      name: 'GET /items/:id',
      traceId: '9adb878ef89a79db',
      spanId: 'd22b91bf8fa9e242',
    };
    report({ kind: 'span', span: { ...root, durationMs: 12.5, error: false, statusCode: 200 } });
    report({
      kind: 'span',
      span: {
        ...root,
        name: 'pg.query',
        spanId: '0f1e2d3c4b5a6978',
        parentSpanId: 'd22b91bf8fa9e242',
        durationMs: 10,
        error: true,
      },
    });
    expect(stripVTControlCharacters(out).split('\n')).toEqual([
      'web    │ ● GET /items/:id 200 12.5 ms  trace 9adb878e span d22b91bf',
      'web    │ ✗ pg.query 10.0 ms  trace 9adb878e span 0f1e2d3c',
      '',
    ]);
  });
});

describe("a local service's OTel variables", () => {
  function web() {
    const config = validConfig();
    config.services!.web!.environment = {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      LOG_LEVEL: 'info',
    };
    return resolveConfig(config).environments[0]!.services[0]!;
  }

  it("has no endpoint locally by default: the cloud's collector sidecar is not there", () => {
    const local = localEnvironment({ service: web(), port: 4100, secrets: {} });
    expect(Object.keys(local).filter((name) => name.startsWith('OTEL_'))).toEqual([]);
  });

  it("gets the developer's endpoint and its own name as the service name", () => {
    const local = localEnvironment({
      service: web(),
      port: 4100,
      secrets: {},
      telemetry: { endpoint: 'http://127.0.0.1:4318', printSpans: false },
    });
    expect(local).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      OTEL_SERVICE_NAME: 'web',
    });
    expect(local).not.toHaveProperty('OTEL_EXPORTER_OTLP_PROTOCOL');
  });

  it('sends JSON promptly to the span printer, and dev.env still wins', () => {
    const service = web();
    const withDevEnv = { ...service, dev: { ...service.dev!, env: { OTEL_SERVICE_NAME: 'items-api' } } };
    const local = localEnvironment({
      service: withDevEnv,
      port: 4100,
      secrets: {},
      telemetry: { endpoint: 'http://127.0.0.1:40000', printSpans: true },
    });
    expect(local).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:40000',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_SERVICE_NAME: 'items-api',
    });
  });
});

describe('slipway dev and traces', () => {
  const model = () =>
    resolveConfig(configWith({ services: { web: { port: 8080, dev: { command: STAND_IN } } } }));

  it('prints the spans a service exports when asked to', async () => {
    const log = recorder();
    const session = await startDev(model(), {
      configDir: FIXTURES,
      basePort: 0,
      processEnv: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.invalid:4318' },
      reporter: log.reporter,
      printSpans: true,
    });
    try {
      const [web] = session.services;
      expect(await (await fetch(`${web?.url}/span`)).text()).toBe('200');
      expect(log.of('span').map((e) => e.span)).toEqual([
        expect.objectContaining({ service: 'web', name: 'GET /span', statusCode: 200, durationMs: 2.5 }),
      ]);
      const [telemetry] = log.of('telemetry');
      expect(telemetry).toMatchObject({
        printing: true,
        endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      });
      expect(log.warnings()).toEqual([
        expect.stringContaining('OTEL_EXPORTER_OTLP_ENDPOINT=http://collector.invalid:4318 is not passed on'),
      ]);
    } finally {
      await session.stop();
    }
  });

  it("passes the developer's OTEL_EXPORTER_OTLP_ENDPOINT through to the services", async () => {
    const log = recorder();
    const session = await startDev(model(), {
      configDir: FIXTURES,
      basePort: 0,
      processEnv: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' },
      reporter: log.reporter,
    });
    try {
      const [web] = session.services;
      const env = (await (await fetch(`${web?.url}/env`)).json()) as Record<string, string>;
      expect(env).toMatchObject({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
        OTEL_SERVICE_NAME: 'web',
      });
      expect(env).not.toHaveProperty('OTEL_EXPORTER_OTLP_PROTOCOL');
      expect(log.of('telemetry')).toEqual([
        { kind: 'telemetry', endpoint: 'http://127.0.0.1:4318', printing: false },
      ]);
    } finally {
      await session.stop();
    }
  });
});
