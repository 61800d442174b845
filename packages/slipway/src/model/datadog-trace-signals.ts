import type { EnvironmentModel, ServiceModel } from './types.js';

/**
 * The Datadog monitor signals read from APM trace metrics, one definition for both runtimes: the
 * ECS monitoring stack (`stacks/monitoring/datadog-monitors.ts`) and the EKS DatadogMonitors
 * (`kubernetes/datadog-monitors.ts`) build theirs from here, so a query or a threshold cannot
 * drift between them. Both runtimes send the same OTLP resource attributes
 * (`model/otel-environment.ts`), from which Datadog takes the `env` and `service` tags these
 * queries are scoped by.
 */
export interface DatadogTraceSignal {
  readonly id: string;
  readonly title: string;
  readonly type: 'query alert';
  /** The query without its comparison, which is built from the threshold below. */
  readonly measure: string;
  readonly comparator: '>';
  readonly critical: number;
  /** Priority in production (1 is the highest); other environments' monitors are P4. */
  readonly productionPriority: number;
  readonly alert: string;
  readonly recovered: string;
}

/** Share of a service's HTTP requests answered with an error over 10 minutes above which it alerts. */
export const SERVER_ERROR_RATIO = 0.05;

/** Seconds of p99 request latency over 10 minutes above which a service alerts (ECS's target group alarm uses 2 s too). */
export const P99_LATENCY_SECONDS = 2;

/** The trace metric name agents from 7.66 give OTLP HTTP server spans. */
const SERVER_SPAN = 'trace.http.server.request';

/**
 * **server errors**: the agent's APM trace metrics for the HTTP server spans the app's
 * OpenTelemetry SDK sends, `trace.http.server.request.errors` over `.hits` (the operation name
 * agents from 7.66 give OTLP server spans; Datadog's "Migrate to New Operation Name Mappings",
 * read 2026-12-03). A ratio, because production samples one trace in ten at the SDK and Datadog
 * computes these metrics from the spans it receives; the ratio survives sampling, a count would not.
 * A server span is an error when the answer is a 5xx.
 */
export function serverErrorsSignal(env: EnvironmentModel, service: ServiceModel): DatadogTraceSignal {
  const tags = traceTags(env, service);
  const where = `${service.name} in ${env.name}`;
  return {
    id: 'server-errors',
    title: 'server errors',
    type: 'query alert',
    measure:
      `sum(last_10m):sum:${SERVER_SPAN}.errors{${tags}}.as_count() / ` +
      `sum:${SERVER_SPAN}.hits{${tags}}.as_count()`,
    comparator: '>',
    critical: SERVER_ERROR_RATIO,
    productionPriority: 2,
    alert: `${where} answered {{value}} of its requests with a server error over 10 minutes (more than ${SERVER_ERROR_RATIO * 100} %).`,
    recovered: `${where} answers below ${SERVER_ERROR_RATIO * 100} % server errors again.`,
  };
}

/**
 * **slow answers**: the p99 of `trace.http.server.request`, the latency distribution (DDSketch, in
 * seconds) Datadog keeps for every APM operation, tagged env, service, version and resource
 * (Datadog's "DDSketch-based Metrics in APM"; "Trace Metrics", which says metrics from spans
 * sampled at an OpenTelemetry SDK are computed from the sampled set; both read 2026-12-03). The
 * agent computes it from OTLP spans as it does hits and errors, and a random tenth of the
 * requests estimates their p99 without bias, so sampling does not skew it as it would a count.
 */
export function slowAnswersSignal(env: EnvironmentModel, service: ServiceModel): DatadogTraceSignal {
  const where = `${service.name} in ${env.name}`;
  return {
    id: 'slow-answers',
    title: 'slow answers',
    type: 'query alert',
    measure: `percentile(last_10m):p99:${SERVER_SPAN}{${traceTags(env, service)}}`,
    comparator: '>',
    critical: P99_LATENCY_SECONDS,
    productionPriority: 3,
    alert: `${where} took {{value}} s or more to answer its slowest 1 % of requests over 10 minutes (p99 above ${P99_LATENCY_SECONDS} s).`,
    recovered: `${where} answers 99 % of its requests within ${P99_LATENCY_SECONDS} s again.`,
  };
}

/**
 * The trace signals a service is watched on, the one rule for both runtimes: a public service whose
 * spans reach the Datadog agent (`traced`) gets the share of 5xx answers and the p99 latency. An
 * internal service gets neither: it may serve no HTTP at all (a worker), and the public services
 * it answers see its failures in their own answers. Without traces there is nothing to read, and a
 * monitor on a metric that never comes would only look like coverage.
 */
export function traceSignals(
  env: EnvironmentModel,
  service: ServiceModel,
  traced: boolean,
): DatadogTraceSignal[] {
  return service.public && traced ? [serverErrorsSignal(env, service), slowAnswersSignal(env, service)] : [];
}

/** Datadog's unified service tags as the OTLP resource attributes set them. */
function traceTags(env: EnvironmentModel, service: ServiceModel): string {
  return `env:${env.name},service:${service.name}`;
}
