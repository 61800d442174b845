import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { EnvironmentModel } from '../../model/types.js';
import { dataKeys, type EnvironmentRef, networkKeys, publishValue, readValue } from './cross-stack.js';
import { limitGrantsToAwsServices } from './kms-grants.js';
import { allowCloudWatchLogs } from './kms-logs-access.js';
import { pinLogicalId } from './logical-ids.js';

/**
 * With `encryption: 'customer-managed'` an environment owns two KMS keys, each with yearly rotation
 * and a policy that admits only the services that use it:
 *
 * - the **logs key** (network stack, the first layer): every CloudWatch log group of the
 *   environment and its alarm topic. Its policy lets CloudWatch Logs use it for this account's and
 *   region's log groups, and CloudWatch alarms publish through it.
 * - the **data key** (data stack): database storage, Performance Insights, the RDS-managed master
 *   secret and the team's secrets. Its policy leaves use to IAM (the account statement every key
 *   has); the roles that read a secret are granted decrypt only through Secrets Manager.
 *
 * Two keys rather than one: whoever may read logs has no business decrypting the database, and a
 * key's audit trail in CloudTrail then tells one kind of use from the other. Both outlive their
 * stacks, since retained snapshots, secrets and log groups stay readable only with them.
 * Cost: $1 per key-month plus $0.03 per 10,000 requests (RDS, Secrets Manager and CloudWatch Logs
 * cache data keys, so requests are few).
 */
export function usesCustomerKeys(env: EnvironmentModel): boolean {
  return env.encryption === 'customer-managed';
}

type KeyPurpose = 'logs' | 'data' | 'cluster';

/** `alias/<app>/<env>/<purpose>`: how a person finds the key in the console. */
function keyAlias(where: EnvironmentRef, purpose: KeyPurpose): string {
  return `alias/${where.app}/${where.env}/${purpose}`;
}

function environmentKey(
  scope: Construct,
  id: string,
  where: EnvironmentRef,
  purpose: KeyPurpose,
  uses: string,
): kms.Key {
  const key = new kms.Key(scope, id, {
    description: `Slipway ${where.app}/${where.env}: encrypts ${uses}`,
    alias: keyAlias(where, purpose),
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  limitGrantsToAwsServices(key);
  pinLogicalId(key, id);
  return key;
}

/** The logs key, created in the network stack and published for the later layers. */
export function createLogsKey(scope: Construct, where: EnvironmentRef, env: EnvironmentModel): kms.Key {
  const key = environmentKey(
    scope,
    'LogsKey',
    where,
    'logs',
    'its CloudWatch log groups and alarm notifications',
  );
  allowCloudWatchLogs(key, env.region, env.account);
  // An alarm publishes to an encrypted topic as CloudWatch itself, which needs the key to do so.
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudWatchAlarmsPublishToTheAlarmTopic',
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': env.account } },
    }),
  );
  publishValue(scope, where, 'network', networkKeys.logsKeyArn, key.keyArn);
  return key;
}

/**
 * The cluster key, in an EKS environment's cluster stack: it envelope-encrypts Kubernetes secrets.
 * Apart from the data key, so the cluster does not depend on a data stack existing, and its use
 * shows apart in CloudTrail.
 */
export function createClusterKey(scope: Construct, where: EnvironmentRef): kms.Key {
  return environmentKey(scope, 'ClusterKey', where, 'cluster', 'the Kubernetes secrets of its EKS cluster');
}

/** The data key, created in the data stack and published for the service stacks. */
export function createDataKey(scope: Construct, where: EnvironmentRef): kms.Key {
  const key = environmentKey(
    scope,
    'DataKey',
    where,
    'data',
    'its databases, their snapshots and its secrets',
  );
  publishValue(scope, where, 'data', dataKeys.keyArn, key.keyArn);
  return key;
}

/** The logs key as a later stack sees it, or none when the environment uses AWS's keys. */
export function importLogsKey(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
): kms.IKey | undefined {
  if (!usesCustomerKeys(env)) return undefined;
  return importedKey(scope, 'ImportedLogsKey', () =>
    readValue(Stack.of(scope), where, 'network', networkKeys.logsKeyArn),
  );
}

/** The data key as a service stack sees it, or none when the environment uses AWS's keys. */
export function importDataKey(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
): kms.IKey | undefined {
  if (!usesCustomerKeys(env)) return undefined;
  return importedKey(scope, 'ImportedDataKey', () =>
    readValue(Stack.of(scope), where, 'data', dataKeys.keyArn),
  );
}

/** One imported key per stack, however many constructs in it ask for it. */
function importedKey(scope: Construct, id: string, arn: () => string): kms.IKey {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(id);
  return existing === undefined ? kms.Key.fromKeyArn(stack, id, arn()) : (existing as kms.IKey);
}

/**
 * Lets a role decrypt the environment's secrets with the data key, and only through Secrets Manager:
 * what a secret's reader needs besides `secretsmanager:GetSecretValue` once the key is its own.
 */
export function decryptSecretsStatement(
  dataKey: kms.IKey,
  region: string,
  sid?: string,
): iam.PolicyStatement {
  return new iam.PolicyStatement({
    ...(sid === undefined ? {} : { sid }),
    actions: ['kms:Decrypt'],
    resources: [dataKey.keyArn],
    conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
  });
}
