import type { CfnResource } from '../../../template/types.js';
import { isReadReplica } from '../rds/read-replica.js';
import { property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

/** Types CloudFormation can snapshot on delete; the others can only be retained. */
const SNAPSHOT_TYPES: ReadonlySet<string> = new Set(['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster']);

/** Resources whose loss loses data: databases, secrets, registries, logs, tables, keys, file systems. */
const STATEFUL_TYPES: ReadonlySet<string> = new Set([
  ...SNAPSHOT_TYPES,
  'AWS::SecretsManager::Secret',
  'AWS::ECR::Repository',
  'AWS::Logs::LogGroup',
  'AWS::S3::Bucket',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::KMS::Key',
  'AWS::EFS::FileSystem',
]);

function isStateful(resource: CfnResource): boolean {
  if (!STATEFUL_TYPES.has(resource.Type)) return false;
  // Aurora members and read replicas hold no data of their own; their cluster or source is checked.
  return !(
    (resource.Type === 'AWS::RDS::DBInstance' && property(resource, 'DBClusterIdentifier') !== undefined) ||
    isReadReplica(resource)
  );
}

export const cfnStatefulRetention: SlipwayRule = {
  id: 'Slipway-CFN1',
  level: 'error',
  description:
    'A stateful resource must set DeletionPolicy and UpdateReplacePolicy to Retain (or Snapshot for databases), so neither a stack deletion nor a replacement loses its data.',
  check(resource) {
    if (!isStateful(resource)) return 'not-applicable';
    const allowed = SNAPSHOT_TYPES.has(resource.Type) ? ['Retain', 'Snapshot'] : ['Retain'];
    const problems = (['DeletionPolicy', 'UpdateReplacePolicy'] as const)
      .filter((policy) => !allowed.includes(resource[policy] ?? ''))
      .map((policy) => `${policy} is ${resource[policy] ?? 'unset'}`);
    return problems.length === 0 ? 'compliant' : violation(problems.join(', '));
  },
};
