import { readFileSync } from 'node:fs';
// @fastify/otel rather than @opentelemetry/instrumentation-fastify: the OpenTelemetry project
// deprecated its own in January 2025 in favour of this one, maintained by Fastify's authors, and
// removed it from the auto-instrumentations bundle in March 2026 (opentelemetry-js-contrib #2651,
// #3409). It is a Fastify plugin registered on the app, so it needs no load-time patching.
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { metrics, NodeSDK, resources } from '@opentelemetry/sdk-node';
import { logTraceFields } from './log-trace-fields.js';
import { recordRequestMetrics } from './request-metrics.js';
import type { Telemetry } from './telemetry.js';

/** Probes every few seconds from the load balancer: spans for them would be noise that costs money. */
const LIVENESS_PATH = '/healthz';

function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * Starts the OpenTelemetry SDK: traces of each request (http server span, Fastify's request and
 * handler spans, one span per pg query) and the request metrics, both exported over OTLP to
 * `OTEL_EXPORTER_OTLP_ENDPOINT`. Everything else comes from the standard variables the SDK reads
 * itself: `OTEL_EXPORTER_OTLP_PROTOCOL` (http/protobuf by default, or http/json), `OTEL_SERVICE_NAME`,
 * `OTEL_RESOURCE_ATTRIBUTES` (`deployment.environment.name=prod,service.version=<tag>`),
 * `OTEL_TRACES_SAMPLER`, `OTEL_METRIC_EXPORT_INTERVAL`. Without them the service is `slipway-api` at
 * its package version.
 *
 * Must run before fastify and pg are first imported: both are CommonJS, loaded through `require`
 * even from this ESM code, and the http and pg instrumentations patch them as require-in-the-middle
 * sees them load. So no ESM loader hook is registered, and the app's own modules load untouched.
 *
 * Versions are pinned as a set: @fastify/otel 0.21 builds on @opentelemetry/instrumentation 0.222
 * and core 2.x, whose API range stops below @opentelemetry/api 1.10, so the SDK is the 0.222 line
 * (not 0.301, which needs api 1.10) and the pg instrumentation the release built on 0.222 (0.74).
 */
export function startTelemetry(endpoint: string): Telemetry {
  // Three spans per request (http server, Fastify's request, the pg query): each span costs the
  // process CPU to make and to encode, and the benchmark shows it (docs/benchmarks-api.md).
  const fastify = new FastifyOtelInstrumentation({
    ignorePaths: LIVENESS_PATH,
    // A span per hook (rate limit, request id, drain) would triple the spans and say little.
    instrumentHooks: false,
    // The handler span would repeat the request span: with hooks untraced they cover the same time.
    instrumentHandler: false,
  });
  const sdk = new NodeSDK({
    resource: resources.defaultResource().merge(
      resources.resourceFromAttributes({
        'service.name': 'slipway-api',
        'service.version': packageVersion(),
      }),
    ),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url === LIVENESS_PATH }),
      // Queries outside a request (migrations at boot) stay untraced; so do the pool's checkouts and
      // connects, two spans per query otherwise: a slow one shows as the gap before the query span.
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
      fastify,
    ],
    // The http instrumentation's own duration metric has no route; ours replaces it.
    views: [
      {
        meterName: '@opentelemetry/instrumentation-http',
        aggregation: { type: metrics.AggregationType.DROP },
      },
    ],
    // Logs stay JSON lines on stdout, which every provider's log router already collects.
    logRecordProcessors: [],
  });
  sdk.start();
  return {
    endpoint,
    instrument: (app) => {
      // Applied at once, as the instrumentation's own registerOnInitialization path does, rather than
      // through app.register: registration is deferred, and the plugin's onRoute hook must be in
      // place before buildApp declares its routes synchronously.
      fastify.plugin()(app, {}, () => undefined);
      recordRequestMetrics(app);
    },
    logFields: logTraceFields,
    shutdown: () => sdk.shutdown(),
  };
}
