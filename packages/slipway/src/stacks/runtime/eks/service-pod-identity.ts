import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import type { EnvironmentRef } from '../../shared/cross-stack.js';
import { logicalIdPart } from '../../shared/logical-ids.js';
import { appUserConnectArns } from '../../shared/database-user-arns.js';
import { appNamespace, serviceAccountName } from './eks-names.js';
import { podIdentityRole } from './pod-identity-role.js';

/**
 * Each service's AWS identity on EKS: a role only EKS Pod Identity may assume, for the service's
 * own service account, allowed to sign in to its database (writer and replicas) as the app user
 * with IAM. Nothing else: its secrets and connection settings reach it as Kubernetes Secrets that
 * External Secrets Operator syncs with an identity of its own (external-secrets-identity.ts).
 */
export function servicePodIdentities(
  scope: Construct,
  cluster: eks.ICluster,
  model: AppModel,
  env: EnvironmentModel,
  where: EnvironmentRef,
): iam.Role[] {
  return env.services.map((service) => {
    const construct = new Construct(scope, `Service${logicalIdPart(service.name)}Identity`);
    const role = podIdentityRole(
      construct,
      cluster,
      { namespace: appNamespace(model.app), serviceAccount: serviceAccountName(service.name) },
      `${service.name} of ${model.app} ${env.name} on EKS, through Pod Identity`,
    );
    grantDatabase(role, service, env, where, construct);
    return role;
  });
}

function grantDatabase(
  role: iam.Role,
  service: ServiceModel,
  env: EnvironmentModel,
  where: EnvironmentRef,
  scope: Construct,
): void {
  const database = env.databases.find((d) => d.name === service.database);
  if (database === undefined) return;
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'ConnectAsAppUser',
      actions: ['rds-db:connect'],
      resources: appUserConnectArns(scope, where, env, database),
    }),
  );
}
