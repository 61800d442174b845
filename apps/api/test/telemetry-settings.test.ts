import { describe, expect, it } from 'vitest';
import { telemetrySettings } from '../src/telemetry/telemetry-settings.js';

describe('when tracing is on', () => {
  it('is off without an OTLP endpoint', () => {
    expect(telemetrySettings({})).toEqual({ enabled: false, reason: 'no OTEL_EXPORTER_OTLP_ENDPOINT' });
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }).enabled).toBe(false);
  });

  it('is on with the base endpoint or the traces one', () => {
    expect(telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318' })).toEqual({
      enabled: true,
      endpoint: 'http://localhost:4318',
    });
    expect(
      telemetrySettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }),
    ).toEqual({ enabled: true, endpoint: 'http://collector:4318/v1/traces' });
  });

  it('is off when OTEL_SDK_DISABLED is true, whatever the endpoint', () => {
    expect(
      telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318', OTEL_SDK_DISABLED: 'TRUE' }),
    ).toEqual({ enabled: false, reason: 'OTEL_SDK_DISABLED=true' });
    expect(
      telemetrySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318', OTEL_SDK_DISABLED: 'false' })
        .enabled,
    ).toBe(true);
  });
});
