import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { EnvironmentModel, SecretModel } from '../../../model/types.js';
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
