import { metrics, ValueType } from '@opentelemetry/api';
import type { FastifyInstance } from 'fastify';

/** Bucket bounds in seconds: semantic conventions' advice for `http.server.request.duration`. */
const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * RED metrics per route through the OTel metrics API: one histogram, `http.server.request.duration`
 * as the HTTP semantic conventions define it, whose count is the rate, whose `error.type` attribute
 * (the status code, on 5xx) marks the errors, and whose buckets are the duration. One instrument
 * instead of three counters, because every backend derives the three from it. `http.route` is the
 * route's pattern (`/items/:id`), never the raw URL, so the series stay few; a request that matched
 * no route has none.
 */
export function recordRequestMetrics(app: FastifyInstance): void {
  const duration = metrics.getMeter('@slipway/api').createHistogram('http.server.request.duration', {
    description: 'Duration of HTTP server requests.',
    unit: 's',
    valueType: ValueType.DOUBLE,
    advice: { explicitBucketBoundaries: DURATION_BUCKETS_S },
  });
  app.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const route = request.routeOptions.url;
    duration.record(reply.elapsedTime / 1000, {
      'http.request.method': request.method,
      'http.response.status_code': status,
      ...(route === undefined ? {} : { 'http.route': route }),
      ...(status >= 500 ? { 'error.type': String(status) } : {}),
    });
    done();
  });
}
