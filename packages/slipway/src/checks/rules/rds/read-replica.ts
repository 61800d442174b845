import type { CfnResource } from '../../../template/types.js';
import { property } from '../support/values.js';

/**
 * A read replica of another DB instance: RDS creates it with backups off and copies every write
 * from its source, so it holds no data of its own. Rules about keeping data (backups, retention on
 * delete, a standby in a second zone) apply to the source instead.
 */
export function isReadReplica(resource: CfnResource): boolean {
  return (
    resource.Type === 'AWS::RDS::DBInstance' && property(resource, 'SourceDBInstanceIdentifier') !== undefined
  );
}
