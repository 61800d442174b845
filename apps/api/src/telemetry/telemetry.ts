import type { FastifyInstance } from 'fastify';

/** Trace context a log line carries, under the field names of OTel's trace-context-in-logs spec. */
export interface LogTraceFields {
  readonly trace_id: string;
  readonly span_id: string;
  readonly trace_flags: string;
}

/**
 * What the running OpenTelemetry SDK gives the rest of the service. Only the type lives here, so
 * code that merely accepts telemetry imports no OpenTelemetry module when tracing is off.
 */
export interface Telemetry {
  /** Where spans and metrics go, for the boot log. */
  readonly endpoint: string;
  /** Registers the Fastify instrumentation and the per-route request metrics; call before routes. */
  instrument(app: FastifyInstance): void;
  /** The active span's ids for a log line, or an empty object outside any span (a pino mixin). */
  logFields(): Partial<LogTraceFields>;
  /** Exports what is still buffered and stops the SDK. */
  shutdown(): Promise<void>;
}
