import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { EnvironmentModel } from '../../../model/types.js';
import type { EnvironmentRef } from '../../shared/cross-stack.js';
import { createClusterKey, usesCustomerKeys } from '../../shared/environment-keys.js';

/**
 * The key that envelope-encrypts Kubernetes secrets: the environment's own cluster key with
 * `encryption: 'customer-managed'`; otherwise none, and EKS encrypts every API object with a key
 * of its own (the default since Kubernetes 1.28).
 */
export function clusterSecretsKey(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
): kms.IKey | undefined {
  return usesCustomerKeys(env) ? createClusterKey(scope, where) : undefined;
}
