import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { ssmParameterName } from '../../naming/names.js';

/**
 * Values cross stacks through SSM parameters, never `Fn::ImportValue`: an export pins its producer
 * (a network stack could not change a subnet while a service imports it) and ties stacks to one
 * region and account. The producer writes a parameter; the consumer reads it with a
 * `AWS::SSM::Parameter::Value<String>` template parameter, resolved at each deploy.
 */

export type Layer = 'network' | 'data' | 'runtime';

/** The app and environment whose parameters are meant. */
export interface EnvironmentRef {
  readonly app: string;
  readonly env: string;
}

/** Names the network stack publishes under `/<app>/<env>/network/`. */
export const networkKeys = {
  vpcId: 'vpc-id',
  vpcCidr: 'vpc-cidr',
  publicSubnetId: (index: number) => `public-subnet-${index + 1}-id`,
  privateSubnetId: (index: number) => `private-subnet-${index + 1}-id`,
  namespaceId: 'namespace-id',
  namespaceArn: 'namespace-arn',
  namespaceName: 'namespace-name',
  /** The environment's logs key, with `encryption: 'customer-managed'` (environment-keys.ts). */
  logsKeyArn: 'logs-key-arn',
} as const;

/** Names the data stack publishes under `/<app>/<env>/data/`. */
export const dataKeys = {
  endpointAddress: (database: string) => `${database}/endpoint-address`,
  endpointPort: (database: string) => `${database}/endpoint-port`,
  securityGroupId: (database: string) => `${database}/security-group-id`,
  /** The DbiResourceId, which `rds-db:connect` ARNs are made of. */
  resourceId: (database: string) => `${database}/resource-id`,
  instanceId: (database: string) => `${database}/instance-id`,
  /** Endpoint address and DbiResourceId of read replica `index` (from 1). */
  replicaEndpointAddress: (database: string, index: number) =>
    `${database}/replica-${index}/endpoint-address`,
  replicaResourceId: (database: string, index: number) => `${database}/replica-${index}/resource-id`,
  /** Task definition family and security group of the database's one-off provisioner task. */
  provisionerFamily: (database: string) => `${database}/provisioner-family`,
  provisionerSecurityGroupId: (database: string) => `${database}/provisioner-security-group-id`,
  /** A cache's primary endpoint and security group; `caches/` keeps them apart from a database's. */
  cacheEndpointAddress: (cache: string) => `caches/${cache}/endpoint-address`,
  cacheEndpointPort: (cache: string) => `caches/${cache}/endpoint-port`,
  cacheSecurityGroupId: (cache: string) => `caches/${cache}/security-group-id`,
  /** The replication group's id; its nodes, which CloudWatch reports on, are `<id>-001`… */
  cacheReplicationGroupId: (cache: string) => `caches/${cache}/replication-group-id`,
  secretArn: (secret: string) => `secrets/${secret}/arn`,
  /** The environment's data key, with `encryption: 'customer-managed'` (environment-keys.ts). */
  keyArn: 'key-arn',
  /** The Cognito user pool (`<region>_<id>`), its domain prefix, and each client's id by client name. */
  userPoolId: 'auth/user-pool-id',
  userPoolDomain: 'auth/domain-prefix',
  clientId: (client: string) => `auth/clients/${client}/id`,
  /** ARN of the Secrets Manager secret with a machine client's secret; only clients a service signs in as. */
  clientSecretArn: (client: string) => `auth/clients/${client}/secret-arn`,
  /** A table's stream, for the functions it calls; only tables with a stream publish one. */
  tableStreamArn: (table: string) => `tables/${table}/stream-arn`,
} as const;

/** Names the runtime stack publishes under `/<app>/<env>/runtime/`. */
export const runtimeKeys = {
  clusterName: 'cluster-name',
  clusterArn: 'cluster-arn',
  albArn: 'alb-arn',
  /** `app/<name>/<id>`: the LoadBalancer dimension of ALB metrics. */
  albFullName: 'alb-full-name',
  albDnsName: 'alb-dns-name',
  albSecurityGroupId: 'alb-security-group-id',
  listenerArn: 'listener-arn',
  /** Group every task joins; services admit it on their port, so they can call each other. */
  servicesSecurityGroupId: 'services-security-group-id',
  accessLogBucket: 'access-log-bucket',
  /** The HTTP API public services add their routes to (`ingress: 'http-api'`). */
  httpApiId: 'http-api-id',
  /** `https://<id>.execute-api.<region>.amazonaws.com`: where the uptime checks call without a domain. */
  httpApiEndpoint: 'http-api-endpoint',
  /** The VPC link the HTTP API's private integrations go through. */
  vpcLinkId: 'vpc-link-id',
  /** The VPC link's group; each public service admits it on its port. */
  vpcLinkSecurityGroupId: 'vpc-link-security-group-id',
  /** The SNS topic every alarm of the environment notifies. */
  alarmTopicArn: 'alarm-topic-arn',
} as const;

/** Writes `value` to `/<app>/<env>/<layer>/<name>` for other stacks to read. */
export function publishValue(
  scope: Construct,
  where: EnvironmentRef,
  layer: Layer,
  name: string,
  value: string,
): ssm.StringParameter {
  const parameterName = ssmParameterName(where.app, where.env, layer, name);
  // Construct ids may not contain `/`, which nested names like `main/endpoint-address` have.
  return new ssm.StringParameter(scope, `Published-${name.replaceAll('/', '-')}`, {
    parameterName,
    stringValue: value,
    description: `Slipway ${where.app}/${where.env} ${layer}: ${name}`,
  });
}

/** Reads `/<app>/<env>/<layer>/<name>` at deploy time; the token resolves to its current value. */
export function readValue(scope: Construct, where: EnvironmentRef, layer: Layer, name: string): string {
  return ssm.StringParameter.valueForStringParameter(
    scope,
    ssmParameterName(where.app, where.env, layer, name),
  );
}
