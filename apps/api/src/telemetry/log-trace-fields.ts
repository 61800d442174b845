import { context, trace, TraceFlags } from '@opentelemetry/api';
import type { LogTraceFields } from './telemetry.js';

/**
 * The active span's ids, added to every log line by a pino mixin, so a line written while a request
 * runs leads to its trace. Field names: `trace_id`, `span_id` and `trace_flags` in lower-case hex,
 * as OTel's "Trace Context in non-OTLP Log Formats" names them for JSON logs (the log data model's
 * TraceId/SpanId/TraceFlags). Datadog's correlation docs for OpenTelemetry ask for exactly these two
 * top-level fields (its older `dd.trace_id`, a 64-bit decimal, is for its own tracer). Elastic reads
 * `trace_id`/`span_id` when logs arrive through an OTel collector (EDOT); its older ECS mapping wants
 * `trace.id`/`span.id`, a rename in the ingest pipeline, not in the service.
 */
export function logTraceFields(): Partial<LogTraceFields> {
  const span = trace.getSpan(context.active());
  // A new object each time: pino merges the line's own fields into what the mixin returns.
  if (span === undefined) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return {
    trace_id: traceId,
    span_id: spanId,
    trace_flags: traceFlags & TraceFlags.SAMPLED ? '01' : '00',
  };
}
