import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import { dataKeys, type EnvironmentRef, readValue } from '../../shared/cross-stack.js';
import { decryptSecretsStatement, importDataKey } from '../../shared/environment-keys.js';
import { logicalIdPart } from '../../shared/logical-ids.js';
import { appUserConnectArns } from '../../shared/database-user-arns.js';
import { regionFacts } from '../../shared/partition.js';
import { appNamespace, serviceAccountName } from './eks-names.js';

/**
 * Each service's AWS identity on EKS: a role only EKS Pod Identity may assume, for the service's
 * own service account, allowed exactly what the ECS task role and execution role together allow
 * there: to sign in to its database (writer and replicas) as the app user with IAM, and to read
 * the secrets it declares. The association is CloudFormation-native; the service account itself
 * is a plain object in the GitOps folder, with no role annotation.
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
    const role = new iam.Role(construct, 'Role', {
      assumedBy: new iam.ServicePrincipal('pods.eks.amazonaws.com'),
      description: `${service.name} of ${model.app} ${env.name} on EKS, through Pod Identity`,
    });
    // Pod Identity tags the session with the cluster, namespace and service account.
    role.assumeRolePolicy?.addStatements(
      new iam.PolicyStatement({
        actions: ['sts:TagSession'],
        principals: [new iam.ServicePrincipal('pods.eks.amazonaws.com')],
      }),
    );
    grantDatabase(role, service, env, where, construct);
    grantSecrets(role, service, env, where, construct);
    new eks.CfnPodIdentityAssociation(construct, 'Association', {
      clusterName: cluster.clusterName,
      namespace: appNamespace(model.app),
      serviceAccount: serviceAccountName(service.name),
      roleArn: role.roleArn,
    });
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

function grantSecrets(
  role: iam.Role,
  service: ServiceModel,
  env: EnvironmentModel,
  where: EnvironmentRef,
  scope: Construct,
): void {
  const declared = Object.values(service.secrets).flatMap((name) =>
    env.secrets.filter((s) => s.name === name),
  );
  const { partition } = regionFacts(env.region);
  const parameters = declared.filter((s) => s.source === 'ssm');
  if (parameters.length > 0) {
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadDeclaredParameters',
        actions: ['ssm:GetParameter', 'ssm:GetParameters'],
        resources: parameters.map(
          (s) => `arn:${partition}:ssm:${env.region}:${env.account}:parameter/${s.path.replace(/^\//, '')}`,
        ),
      }),
    );
  }
  const secrets = declared.filter((s) => s.source === 'secretsmanager');
  if (secrets.length === 0) return;
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'ReadDeclaredSecrets',
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: secrets.map((s) => readValue(scope, where, 'data', dataKeys.secretArn(s.name))),
    }),
  );
  const dataKey = importDataKey(scope, where, env);
  if (dataKey !== undefined) {
    role.addToPolicy(decryptSecretsStatement(dataKey, env.region, 'DecryptDeclaredSecrets'));
  }
}
