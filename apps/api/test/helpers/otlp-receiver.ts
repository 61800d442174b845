import { createServer, type IncomingMessage } from 'node:http';

/** One span as OTLP/JSON carries it (the fields the tests read). */
export interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes?: { key: string; value: Record<string, unknown> }[];
  /** The resource's attributes of the batch the span came in. */
  readonly resource: Record<string, unknown>;
}

export interface OtlpReceiver {
  /** http://127.0.0.1:<port>, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly url: string;
  readonly spans: ReceivedSpan[];
  /** Every /v1/metrics body received, parsed. */
  readonly metricBodies: Record<string, unknown>[];
  /** Every request, as `METHOD path content-type`. */
  readonly requests: string[];
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A plain value out of an OTLP AnyValue ({stringValue}, {intValue}…). */
export function anyValue(value: Record<string, unknown>): unknown {
  return Object.values(value)[0];
}

export function attribute(span: ReceivedSpan, key: string): unknown {
  const found = span.attributes?.find((a) => a.key === key);
  return found ? anyValue(found.value) : undefined;
}

/**
 * A local OTLP/HTTP receiver: accepts `/v1/traces` and `/v1/metrics` as JSON (the service runs with
 * OTEL_EXPORTER_OTLP_PROTOCOL=http/json), answers 200 with an empty partial-success body, as a
 * collector does, and keeps what it got.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const metricBodies: Record<string, unknown>[] = [];
  const requests: string[] = [];
  const server = createServer((request, response) => {
    void body(request).then((text) => {
      requests.push(`${request.method} ${request.url} ${request.headers['content-type'] ?? ''}`);
      const parsed = JSON.parse(text) as Record<string, unknown>;
      if (request.url === '/v1/traces') {
        const batches = (parsed.resourceSpans ?? []) as {
          resource?: { attributes?: { key: string; value: Record<string, unknown> }[] };
          scopeSpans?: { spans?: Omit<ReceivedSpan, 'resource'>[] }[];
        }[];
        for (const batch of batches) {
          const resource = Object.fromEntries(
            (batch.resource?.attributes ?? []).map((a) => [a.key, anyValue(a.value)]),
          );
          for (const scope of batch.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) spans.push({ ...span, resource });
          }
        }
      } else if (request.url === '/v1/metrics') {
        metricBodies.push(parsed);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    metricBodies,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
