/**
 * Whether a service's task runs a telemetry sidecar beside the app, and how much of the task's
 * memory it keeps. Shared by the stacks (which add it), validation (which refuses a task too small
 * for both) and cost. Pure data, like the rest of the model.
 */
import { observabilityOf, type ObservabilityModel, type ObservabilityProvider } from './observability.js';

/** The Datadog agent's reservation, as Datadog's Fargate examples give it. */
export const DATADOG_AGENT_MEMORY_MIB = 256;
/** The FireLens log router's, from AWS's FireLens example task definitions. */
export const LOG_ROUTER_MEMORY_MIB = 50;

/**
 * Memory each provider's sidecars reserve inside the task (ECS `memoryReservation`), in MiB. The
 * app's hard limit is the task's memory less this, so the two always fit the task Fargate bills.
 * - cloudwatch: the ADOT collector with X-Ray's configuration (traces only).
 * - elastic: the contrib collector (traces, metrics and logs), whose memory limiter refuses data
 *   before it reaches its hard limit, twice the reservation.
 * - datadog: the agent and the FireLens log router, as above.
 * Each sidecar may burst to twice its reservation; the app's share is never reserved to them.
 */
export const TELEMETRY_SIDECAR_MEMORY_MIB: Readonly<Record<ObservabilityProvider, number>> = {
  cloudwatch: 128,
  elastic: 128,
  datadog: DATADOG_AGENT_MEMORY_MIB + LOG_ROUTER_MEMORY_MIB,
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
