/**
 * Every semantic check, in the order their issues are listed. Each validator returns all the
 * issues it finds, so a user sees everything wrong with a config in one run.
 */
import type { AppModel } from '../../model/types.js';
import { type ConfigIssue, renderIssues } from '../errors.js';
import type { SlipwayConfig } from '../schema.js';
import { validateAcknowledgements } from './acknowledgements.js';
import { validateAuth } from './auth.js';
import { validateCaches } from './cache.js';
import { validateContainers } from './containers.js';
import { validateCreatedSecretNames } from './created-secret-names.js';
import type { Validator } from './context.js';
import { validateDatabases } from './database.js';
import { validateDatabaseClasses } from './database-class.js';
import { validateDatadogTypeConfiguration } from './datadog-type-configuration.js';
import { validateDelivery } from './delivery.js';
import { validateDeployments } from './deployment.js';
import { validateDev } from './dev.js';
import { validateEdges } from './edge.js';
import { validateEks } from './eks.js';
import { validateEnvironmentVariables } from './environment-variables.js';
import { validateEnvironments } from './environments.js';
import { validateFunctions } from './functions.js';
import { validateGithub } from './github.js';
import { validateGitlab } from './gitlab.js';
import { validateImages } from './images.js';
import { validateIngress } from './ingress.js';
import { validateNames } from './names.js';
import { validateNetworks } from './network.js';
import { validateReferences } from './references.js';
import { validateRegions } from './region.js';
import { validateResourceTypes } from './resource-types.js';
import { validateRouting } from './routing.js';
import { validateSecrets } from './secrets.js';
import { validateServiceCounts } from './service-counts.js';
import { validateServiceSizes } from './service-size.js';
import { validateTelemetryMemory } from './telemetry-memory.js';
import { validateObservability } from './observability.js';
import { validateQueues } from './queues.js';
import { validateTables } from './tables.js';
import { validateTopics } from './topics.js';

const VALIDATORS: readonly Validator[] = [
  validateNames,
  validateEnvironments,
  validateGithub,
  validateGitlab,
  validateRegions,
  validateNetworks,
  validateReferences,
  validateSecrets,
  validateCreatedSecretNames,
  validateDatabases,
  validateDatabaseClasses,
  validateCaches,
  validateTables,
  validateFunctions,
  validateTopics,
  validateQueues,
  validateAuth,
  validateEks,
  validateServiceSizes,
  validateTelemetryMemory,
  validateServiceCounts,
  validateContainers,
  validateDeployments,
  validateRouting,
  validateEdges,
  validateIngress,
  validateObservability,
  validateDatadogTypeConfiguration,
  validateImages,
  validateEnvironmentVariables,
  validateDev,
  validateDelivery,
  validateResourceTypes,
  validateAcknowledgements,
];

export function validateConfig(config: SlipwayConfig, model: AppModel): ConfigIssue[] {
  const issues = VALIDATORS.flatMap((validate) => validate({ config, model }));
  // A top-level value used by several environments is reported once, not once per environment.
  const seen = new Set<string>();
  return issues.filter((entry) => {
    const line = renderIssues([entry]);
    if (seen.has(line)) return false;
    seen.add(line);
    return true;
  });
}
