import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { DatabaseModel } from '../../model/types.js';
import { estimatedMaxConnections } from './database-connection-limit.js';

/** Average CPU that, held for 15 minutes, means the instance is too small or a query went wrong. */
export const DATABASE_CPU_PERCENT = 80;
/** Share of the allocated storage left free that means storage autoscaling could not keep up. */
export const FREE_STORAGE_SHARE = 0.05;
/** Share of the estimated connection limit in use that means a pool leaks or is sized too big. */
export const CONNECTIONS_SHARE = 0.8;

export interface DatabaseAlarmsProps {
  readonly database: DatabaseModel;
  /** The instance identifier (`databaseInstanceIdentifier`): CloudWatch's dimension. */
  readonly instanceIdentifier: string;
  readonly alarmName: (kind: 'db-cpu-high' | 'db-storage-low' | 'db-connections-high') => string;
}

/**
 * A database's alarms at level 'all', on its primary instance: CPU above
 * {@link DATABASE_CPU_PERCENT} % for 15 minutes, free storage under {@link FREE_STORAGE_SHARE} of
 * the allocated size (storage autoscaling grows the volume at 10 % free, so this one says it has
 * not, or reached its ceiling), and connections above {@link CONNECTIONS_SHARE} of the class's
 * default limit. A stopped instance reports nothing, which is not an alarm.
 * Cost: $0.10 per alarm-month.
 */
export class DatabaseAlarms extends Construct {
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: DatabaseAlarmsProps) {
    super(scope, id);
    const metric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/RDS',
        metricName,
        dimensionsMap: { DBInstanceIdentifier: props.instanceIdentifier },
        period: Duration.minutes(5),
        statistic,
      });
    const freeBytes = Math.round(props.database.allocatedStorageGb * FREE_STORAGE_SHARE * 1024 ** 3);
    const connections = Math.floor(estimatedMaxConnections(props.database.instanceClass) * CONNECTIONS_SHARE);
    this.alarms = [
      new cloudwatch.Alarm(this, 'Cpu', {
        alarmName: props.alarmName('db-cpu-high'),
        alarmDescription: `${props.database.name} database CPU above ${DATABASE_CPU_PERCENT} % for 15 minutes`,
        metric: metric('CPUUtilization', 'Average'),
        threshold: DATABASE_CPU_PERCENT,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'FreeStorage', {
        alarmName: props.alarmName('db-storage-low'),
        alarmDescription: `${props.database.name} database has less than ${FREE_STORAGE_SHARE * 100} % of its ${props.database.allocatedStorageGb} GiB free`,
        metric: metric('FreeStorageSpace', 'Minimum'),
        threshold: freeBytes,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, 'Connections', {
        alarmName: props.alarmName('db-connections-high'),
        alarmDescription: `${props.database.name} database holds more than ${connections} connections (${CONNECTIONS_SHARE * 100} % of ${props.database.instanceClass}'s default limit) for 10 minutes`,
        metric: metric('DatabaseConnections', 'Maximum'),
        threshold: connections,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
  }
}
