import type { Env } from '../config/env-reader.js';

/** Whether this process exports traces and metrics, decided from the standard OTel variables alone. */
export type TelemetrySettings =
  | { readonly enabled: false; readonly reason: string }
  | {
      readonly enabled: true;
      /** Where spans go (the base endpoint, or the traces one when only that is set). */
      readonly endpoint: string;
    };

/**
 * Tracing is on when an OTLP endpoint is configured (`OTEL_EXPORTER_OTLP_ENDPOINT`, or the
 * traces-only `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) and `OTEL_SDK_DISABLED` is not true: the ECS
 * task points it at its collector sidecar, `slipway dev` at whatever the developer gave. With no
 * endpoint the SDK would default to localhost:4318 and fail every export, so nothing is started.
 *
 * This module imports nothing from OpenTelemetry: the entry point reads it to decide whether to
 * load the SDK at all.
 */
export function telemetrySettings(env: Env): TelemetrySettings {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') {
    return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  }
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (!endpoint) return { enabled: false, reason: 'no OTEL_EXPORTER_OTLP_ENDPOINT' };
  return { enabled: true, endpoint };
}
