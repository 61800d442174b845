/** Which control-plane logs a cluster sends to CloudWatch Logs. */

import type { CfnResource } from '../../../template/types.js';
import { asList, isRecord, property } from '../support/values.js';
import { type RuleResult, violation } from '../types.js';
import { describeEksResource } from './eks-resources.js';

/** Every log type EKS offers; the audit and authenticator logs are what an incident review reads. */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

export function missingLogTypes(cluster: CfnResource): string[] {
  const logging = property(cluster, 'Logging');
  const clusterLogging = isRecord(logging) ? logging.ClusterLogging : undefined;
  const enabled = asList(isRecord(clusterLogging) ? clusterLogging.EnabledTypes : undefined)
    .filter(isRecord)
    .map((entry) => entry.Type);
  return CONTROL_PLANE_LOG_TYPES.filter((type) => !enabled.includes(type));
}

/** The shared check of `Slipway-EKS2` (production) and `Slipway-EKS3` (elsewhere). */
export function checkControlPlaneLogs(cluster: CfnResource): RuleResult {
  const missing = missingLogTypes(cluster);
  if (missing.length === 0) return 'compliant';
  return violation(
    `${describeEksResource(cluster)} does not log ${missing.join(', ')}; ` +
      'Slipway enables all five, so add them back to Logging.ClusterLogging.EnabledTypes where the template is overridden',
  );
}
