import { telemetrySettings } from './telemetry/telemetry-settings.js';

/**
 * The entry point. OpenTelemetry is decided first and loaded only when an endpoint is configured:
 * its SDK must patch http and pg before anything imports them, and with tracing off not one of its
 * modules is loaded, so the service pays nothing for it. Everything else is imported after that
 * decision, which is why this file holds nothing but it.
 */
const settings = telemetrySettings(process.env);
const telemetry = settings.enabled
  ? (await import('./telemetry/start-telemetry.js')).startTelemetry(settings.endpoint)
  : undefined;
const { main, reportStartFailure } = await import('./main.js');
await main(telemetry).catch(reportStartFailure);
