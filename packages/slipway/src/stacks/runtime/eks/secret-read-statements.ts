import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { EnvironmentModel, SecretModel } from '../../../model/types.js';
import { ssmParameterName } from '../../../naming/names.js';
import { dataKeys, type EnvironmentRef, readValue } from '../../shared/cross-stack.js';
import { decryptSecretsStatement, importDataKey } from '../../shared/environment-keys.js';
import { regionFacts } from '../../shared/partition.js';

/**
 * What it takes to read `secrets` and nothing else: SSM SecureString parameters by name, Secrets
 * Manager secrets by the ARN the data stack published, and, when the environment has its own data
 * key, decrypting with it through Secrets Manager only. Empty when there is nothing to read.
 */
export function secretReadStatements(
  scope: Construct,
  secrets: readonly SecretModel[],
  env: EnvironmentModel,
  where: EnvironmentRef,
): iam.PolicyStatement[] {
  const statements: iam.PolicyStatement[] = [];
  const { partition } = regionFacts(env.region);
  const parameters = secrets.filter((s) => s.source === 'ssm');
  if (parameters.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadDeclaredParameters',
        actions: ['ssm:GetParameter', 'ssm:GetParameters'],
        resources: parameters.map(
          (s) => `arn:${partition}:ssm:${env.region}:${env.account}:parameter/${s.path.replace(/^\//, '')}`,
        ),
      }),
    );
  }
  const managed = secrets.filter((s) => s.source === 'secretsmanager');
  if (managed.length === 0) return statements;
  statements.push(
    new iam.PolicyStatement({
      sid: 'ReadDeclaredSecrets',
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: managed.map((s) => readValue(scope, where, 'data', dataKeys.secretArn(s.name))),
    }),
  );
  const dataKey = importDataKey(scope, where, env);
  if (dataKey !== undefined) {
    statements.push(decryptSecretsStatement(dataKey, env.region, 'DecryptDeclaredSecrets'));
  }
  return statements;
}

/**
 * Lets `role` read every parameter the data stack publishes, `/<app>/<env>/data/*`: the databases'
 * and caches' endpoints, ports and ids, plain String parameters whose count follows the model.
 */
export function grantDataConnectionParameters(
  role: iam.Role,
  env: EnvironmentModel,
  where: EnvironmentRef,
): void {
  const { partition } = regionFacts(env.region);
  const path = ssmParameterName(where.app, where.env, 'data', '*').replace(/^\//, '');
  const dataParameters = `arn:${partition}:ssm:${env.region}:${env.account}:parameter/${path}`;
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
