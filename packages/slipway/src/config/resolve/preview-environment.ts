import type { Runtime } from '../../model/eks.js';
import type { DeliveryConfig } from '../schema.js';
import { DELIVERY_DEFAULTS } from './defaults.js';

/** What choosing the environment previews copy needs to know of each environment. */
export interface PreviewCandidate {
  readonly name: string;
  readonly production: boolean;
  readonly runtime?: Runtime;
}

/**
 * The environment previews copy, or undefined when previews are off. Read from the config alone,
 * so it needs only the environments' names, stages and runtimes.
 */
export function previewEnvironmentOf(
  delivery: DeliveryConfig | undefined,
  environments: readonly PreviewCandidate[],
): string | undefined {
  const ci = delivery?.ci ?? DELIVERY_DEFAULTS.ci;
  // On GitLab previews need the one wildcard trust (decision 023), so they are on only when asked for.
  if (ci === 'gitlab' && delivery?.previewBranches === undefined) return undefined;
  const branches = delivery?.previewBranches ?? DELIVERY_DEFAULTS.previewBranches;
  const environment = delivery?.previewEnvironment ?? environments.find((env) => !env.production)?.name;
  // With no environment to copy, previews stay off; validation reports it when they were asked for.
  if (branches.length === 0 || environment === undefined) return undefined;
  // Previews are Fargate copies of an ECS environment; an EKS one has none unless asked (an error then).
  const target = environments.find((env) => env.name === environment);
  if (target?.runtime === 'eks' && delivery?.previewBranches === undefined) return undefined;
  return environment;
}
