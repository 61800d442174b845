import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { AppModel, EnvironmentModel } from '../../../model/types.js';
import { ssmParameterName } from '../../../naming/names.js';
import type { EnvironmentRef } from '../../shared/cross-stack.js';
import { regionFacts } from '../../shared/partition.js';
import { platformAccounts } from './eks-names.js';
import { podIdentityRole } from './pod-identity-role.js';
import { secretReadStatements } from './secret-read-statements.js';

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
    const dataParameters = dataParametersArn(env, where);
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadDataConnectionParameters',
        actions: ['ssm:GetParameter', 'ssm:GetParameters'],
        resources: [dataParameters],
      }),
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${dataParameters}]`,
      `The data stack publishes its databases' and caches' endpoints, ports and ids under ` +
        `${ssmParameterName(where.app, where.env, 'data', '')}, as many as the environment declares; ` +
        'they are plain String parameters, not secrets, and the wildcard covers that path only.',
    );
  }
  return role;
}

/** Every parameter the data stack publishes, `/<app>/<env>/data/*`, as an ARN. */
function dataParametersArn(env: EnvironmentModel, where: EnvironmentRef): string {
  const { partition } = regionFacts(env.region);
  const path = ssmParameterName(where.app, where.env, 'data', '*').replace(/^\//, '');
  return `arn:${partition}:ssm:${env.region}:${env.account}:parameter/${path}`;
}
