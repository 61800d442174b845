import { tableAccessStatements } from '../../shared/table-access.js';
import { importDataKey } from '../../shared/environment-keys.js';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import type { EnvironmentRef } from '../../shared/cross-stack.js';
import { logicalIdPart } from '../../shared/logical-ids.js';
import { appUserConnectArns } from '../../shared/database-user-arns.js';
import { appNamespace, serviceAccountName } from './eks-names.js';
import { podIdentityRole } from './pod-identity-role.js';
import { grantDataConnectionParameters, secretReadStatements } from './secret-read-statements.js';

/**
 * Each service's AWS identity on EKS: a role only EKS Pod Identity may assume, for the service's
 * own service account, allowed to sign in to its database (writer and replicas) as the app user
 * with IAM. With External Secrets, nothing else: its secrets and connection settings reach it as
 * Kubernetes Secrets the operator syncs with an identity of its own (external-secrets-identity.ts).
 * With the Secrets Store CSI driver, the driver reads them as the pod, so the role also reads the
 * secrets the service declares and, when it uses a database or a cache, the data stack's
 * connection parameters; no other service's secrets.
 */
export function servicePodIdentities(
  scope: Construct,
  cluster: eks.ICluster,
  model: AppModel,
  env: EnvironmentModel,
  where: EnvironmentRef,
  options: { readonly mountsSecrets?: boolean } = {},
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
    for (const statement of tableAccessStatements(env, service, importDataKey(construct, where, env))) {
      role.addToPolicy(statement);
    }
    if (options.mountsSecrets) grantMountedSecrets(role, service, env, where, construct);
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

/** What the CSI driver reads as the pod: the service's declared secrets and its data endpoints. */
function grantMountedSecrets(
  role: iam.Role,
  service: ServiceModel,
  env: EnvironmentModel,
  where: EnvironmentRef,
  scope: Construct,
): void {
  const used = new Set(Object.values(service.secrets));
  const declared = env.secrets.filter((s) => used.has(s.name));
  for (const statement of secretReadStatements(scope, declared, env, where)) role.addToPolicy(statement);
  if (service.database !== undefined || service.cache !== undefined) {
    grantDataConnectionParameters(role, env, where);
  }
}
