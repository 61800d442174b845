import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentModel } from '../../model/types.js';
import { environmentLogGroup } from '../shared/log-group.js';

/** PostgreSQL's own port, which cdk-nag's RDS11 flags; `port` in the config moves off it. */
export const DEFAULT_POSTGRES_PORT = 5432;

/** The PostgreSQL logs RDS exports to CloudWatch Logs, with the construct id and logical-id suffix of each group. */
export const EXPORTED_LOGS = [
  { type: 'postgresql', id: 'PostgresLog', logicalId: 'LogGroup' },
  { type: 'upgrade', id: 'UpgradeLog', logicalId: 'UpgradeLogGroup' },
] as const;

/**
 * The groups RDS writes an instance's exported logs to, made first under their fixed names so they
 * get the environment's retention instead of "never expire". Construct ids are prefixed with
 * `idPrefix` (a replica's `Replica1`), logical ids with `logicalIdPrefix` (`DatabaseMain`).
 */
export function exportedLogGroups(
  scope: Construct,
  props: {
    readonly instanceIdentifier: string;
    readonly environment: EnvironmentModel;
    readonly logsKey: kms.IKey | undefined;
    readonly idPrefix: string;
    readonly logicalIdPrefix: string;
  },
): logs.LogGroup[] {
  const env = props.environment;
  return EXPORTED_LOGS.map(({ type, id, logicalId }) =>
    environmentLogGroup(scope, `${props.idPrefix}${id}`, {
      logGroupName: `/aws/rds/instance/${props.instanceIdentifier}/${type}`,
      retentionDays: env.logRetentionDays,
      retentionPath: `environments.${env.name}.logRetentionDays`,
      production: env.production,
      environmentName: env.name,
      encryptionKey: props.logsKey,
      logicalId: `${props.logicalIdPrefix}${logicalId}`,
    }),
  );
}
