/**
 * Whether a service's task runs a telemetry sidecar beside the app, and how much of the task's
 * memory it keeps. Shared by the stacks (which add it), validation (which refuses a task too small
 * for both) and cost. Pure data, like the rest of the model.
 */
import { observabilityOf, type ObservabilityModel, type ObservabilityProvider } from './observability.js';

/**
 * Memory each provider's sidecars reserve inside the task (ECS `memoryReservation`), in MiB. The
 * app's hard limit is the task's memory less this, so the two always fit the task Fargate bills.
 * - cloudwatch: the ADOT collector, traces only, stays well under 128.
 * - elastic: the contrib collector, its memory limiter set below the same 128.
 * - datadog: the agent (256, the reservation Datadog's Fargate examples give it) and the FireLens
 *   log router (50, AWS's FireLens example).
 */
export const TELEMETRY_SIDECAR_MEMORY_MIB: Readonly<Record<ObservabilityProvider, number>> = {
  cloudwatch: 128,
  elastic: 128,
  datadog: 256 + 50,
};

/**
 * The least the app keeps beside a sidecar. Below a quarter GiB a Node.js or JVM service is
 * killed for memory under its first real load, which would look like a broken release.
 */
export const MIN_APP_MEMORY_MIB = 256;

/**
 * The provider whose sidecar a service's task runs, or undefined for none: with traces on,
 * whatever the provider; Datadog and Elastic always, since their agent or collector also carries
 * the metrics and logs they are chosen for.
 */
export function telemetrySidecarProvider(env: {
  readonly observability?: ObservabilityModel;
  readonly production: boolean;
}): ObservabilityProvider | undefined {
  const observability = observabilityOf(env);
  if (observability.provider !== 'cloudwatch' || observability.tracing) return observability.provider;
  return undefined;
}

/** MiB the sidecar keeps in a service's task; 0 without one. */
export function telemetrySidecarMemory(env: {
  readonly observability?: ObservabilityModel;
  readonly production: boolean;
}): number {
  const provider = telemetrySidecarProvider(env);
  return provider === undefined ? 0 : TELEMETRY_SIDECAR_MEMORY_MIB[provider];
}
