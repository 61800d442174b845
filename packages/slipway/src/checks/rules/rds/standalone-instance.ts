import type { CfnResource } from '../../../template/types.js';
import { property } from '../support/values.js';

/**
 * A DB instance that is not an Aurora cluster member: members take TLS, backups and deletion
 * protection from their cluster, so the instance-level rules do not apply to them.
 */
export function isStandaloneInstance(resource: CfnResource): boolean {
  return resource.Type === 'AWS::RDS::DBInstance' && property(resource, 'DBClusterIdentifier') === undefined;
}
