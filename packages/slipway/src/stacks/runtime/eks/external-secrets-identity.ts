import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { AppModel, EnvironmentModel } from '../../../model/types.js';
import type { EnvironmentRef } from '../../shared/cross-stack.js';
import { platformAccounts } from './eks-names.js';
import { podIdentityRole } from './pod-identity-role.js';
import { grantDataConnectionParameters, secretReadStatements } from './secret-read-statements.js';

/**
 * External Secrets Operator's AWS identity: it syncs what the services need into Kubernetes
 * Secrets, so it alone reads the environment's declared secrets and the data stack's connection
 * parameters (endpoints, ports, ids under `/<app>/<env>/data/`), and the services' own roles read none.
 */
export function externalSecretsIdentity(
  scope: Construct,
  cluster: eks.ICluster,
  model: AppModel,
  env: EnvironmentModel,
  where: EnvironmentRef,
): iam.Role {
  const construct = new Construct(scope, 'ExternalSecretsIdentity');
  const role = podIdentityRole(
    construct,
    cluster,
    platformAccounts.externalSecrets,
    `External Secrets Operator of ${model.app} ${env.name}: reads the declared secrets and the data connection parameters`,
  );
  for (const statement of secretReadStatements(construct, env.secrets, env, where)) {
    role.addToPolicy(statement);
  }
  if (env.databases.length > 0 || (env.caches ?? []).length > 0) {
    grantDataConnectionParameters(role, env, where);
  }
  return role;
}
