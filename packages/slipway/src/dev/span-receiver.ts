import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevSpan } from './events.js';

/** An OTLP/JSON attribute: a key and a one-field AnyValue ({stringValue}, {intValue}…). */
interface JsonAttribute {
  readonly key: string;
  readonly value?: Readonly<Record<string, unknown>>;
}

interface JsonSpan {
  readonly traceId?: string;
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly name?: string;
  readonly startTimeUnixNano?: string | number;
  readonly endTimeUnixNano?: string | number;
  readonly attributes?: readonly JsonAttribute[];
  readonly status?: { readonly code?: number | string };
}

interface JsonTraces {
  readonly resourceSpans?: readonly {
    readonly resource?: { readonly attributes?: readonly JsonAttribute[] };
    readonly scopeSpans?: readonly { readonly spans?: readonly JsonSpan[] }[];
  }[];
}

export interface SpanReceiverOptions {
  /** Called once per span received, in the order they came. */
  readonly onSpan: (span: DevSpan) => void;
  /** Called once, the first time a body arrives that is not OTLP/JSON. */
  readonly onUnreadable: (message: string) => void;
}

export interface SpanReceiver {
  /** http://127.0.0.1:<port>, the services' OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Largest export accepted; an SDK's batch of 512 spans is well under it. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

function plain(value: Readonly<Record<string, unknown>> | undefined): unknown {
  return value === undefined ? undefined : Object.values(value)[0];
}

function attribute(attributes: readonly JsonAttribute[] | undefined, key: string): unknown {
  return plain(attributes?.find((a) => a.key === key)?.value);
}

function nanos(value: string | number | undefined): bigint {
  try {
    return BigInt(value ?? 0);
  } catch {
    return 0n;
  }
}

/** The spans of one OTLP/JSON traces export, as the dev console shows them. */
export function spansOf(body: JsonTraces): DevSpan[] {
  const spans: DevSpan[] = [];
  for (const batch of body.resourceSpans ?? []) {
    const service = attribute(batch.resource?.attributes, 'service.name');
    for (const scope of batch.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        const status = attribute(span.attributes, 'http.response.status_code');
        spans.push({
          service: typeof service === 'string' ? service : 'unknown',
          name: span.name ?? '?',
          traceId: span.traceId ?? '',
          spanId: span.spanId ?? '',
          ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
          durationMs: Number(nanos(span.endTimeUnixNano) - nanos(span.startTimeUnixNano)) / 1e6,
          // OTLP's STATUS_CODE_ERROR is 2 (the JSON encoding may also spell the enum's name).
          error: span.status?.code === 2 || span.status?.code === 'STATUS_CODE_ERROR',
          ...(status === undefined ? {} : { statusCode: Number(status) }),
        });
      }
    }
  }
  return spans;
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A tiny OTLP/HTTP receiver on loopback for `slipway dev --print-spans`: it reads trace exports in
 * OTLP/JSON (the services are started with OTEL_EXPORTER_OTLP_PROTOCOL=http/json) and hands each
 * span to `onSpan`. Metrics and logs exports are accepted and dropped, so an SDK that sends them
 * does not log export failures. A protobuf body gets 415: decoding it would mean shipping OTLP's
 * protobuf schema in the kit for a local convenience.
 */
export async function startSpanReceiver(options: SpanReceiverOptions): Promise<SpanReceiver> {
  let warned = false;
  const unreadable = (message: string) => {
    if (warned) return;
    warned = true;
    options.onUnreadable(message);
  };
  const server = createServer((request, response) => {
    const json = (request.headers['content-type'] ?? '').startsWith('application/json');
    if (request.method !== 'POST' || !json) {
      request.resume();
      if (request.method === 'POST') {
        unreadable(
          `a service sent telemetry as ${request.headers['content-type'] ?? 'an unknown type'}, which --print-spans cannot read; set OTEL_EXPORTER_OTLP_PROTOCOL=http/json in its dev.env (Slipway sets it, so something overrides it)`,
        );
      }
      response.writeHead(request.method === 'POST' ? 415 : 405).end();
      return;
    }
    void readBody(request).then((text) => {
      if (text === undefined) {
        response.writeHead(413).end();
        return;
      }
      if (request.url === '/v1/traces') {
        try {
          for (const span of spansOf(JSON.parse(text) as JsonTraces)) options.onSpan(span);
        } catch {
          unreadable('a service sent a traces export that is not OTLP/JSON; its spans are not shown');
          response.writeHead(400).end();
          return;
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
