import { isReadReplica } from '../../checks/rules/rds/read-replica.js';
import type { CfnResource, CfnTemplate } from '../../template/types.js';

/**
 * Resource types whose replacement or deletion loses data or identity: databases, tables and what they
 * hang on, secrets, image repositories, log buckets, log groups and the keys that encrypt them. Their logical ids are pinned
 * (`stateful-resources.json`) and a plan that would replace one must stop (SECURITY.md 30, 31).
 */
export const STATEFUL_RESOURCE_TYPES: readonly string[] = [
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBSubnetGroup',
  'AWS::RDS::DBParameterGroup',
  'AWS::SecretsManager::Secret',
  'AWS::ECR::Repository',
  'AWS::S3::Bucket',
  'AWS::Logs::LogGroup',
  'AWS::DynamoDB::Table',
  // What a key encrypted (snapshots, secrets, logs) is unreadable without it.
  'AWS::KMS::Key',
  // A new cluster starts empty: every workload, its API endpoint and its identity are lost, and
  // Argo CD, the controllers and every pod have to come up again before the services answer.
  'AWS::EKS::Cluster',
  // A new user pool starts empty: every user, password and second factor is lost, and every
  // client id changes.
  'AWS::Cognito::UserPool',
];

/**
 * Whether losing the resource loses data: a stateful type, except a read replica, which RDS fills
 * from its writer and creates again from it, and the copy of a machine client's secret, which
 * CloudFormation writes from the client (so a plan may drop or replace either).
 */
export function isStatefulResource(resource: CfnResource | undefined, type: string): boolean {
  if (!STATEFUL_RESOURCE_TYPES.includes(type)) return false;
  return resource === undefined || !(isReadReplica(resource) || isClientSecretCopy(resource));
}

/** A secret whose value is `Fn::GetAtt <client>.ClientSecret` (stacks/data/machine-client-secret.ts). */
function isClientSecretCopy(resource: CfnResource): boolean {
  if (resource.Type !== 'AWS::SecretsManager::Secret') return false;
  const value: unknown = resource.Properties?.SecretString;
  const getAtt =
    typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)['Fn::GetAtt']
      : undefined;
  return Array.isArray(getAtt) && getAtt[1] === 'ClientSecret';
}

/** Logical id → type of every stateful resource in a template, sorted by logical id. */
export function statefulResources(template: CfnTemplate): Record<string, string> {
  const found = Object.entries(template.Resources ?? {})
    .filter(([, resource]) => isStatefulResource(resource, resource.Type))
    .map(([id, resource]) => [id, resource.Type] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(found);
}
