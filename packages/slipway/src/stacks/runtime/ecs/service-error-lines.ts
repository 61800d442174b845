import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** Error lines in five minutes that are more than the odd failed request. */
export const ERROR_LINES_PER_5_MINUTES = 10;

/**
 * A service's error log lines as a metric. Services log JSON lines (pino in the sample service,
 * whose levels are words: `"level":"error"`, `"fatal"`); loggers that keep pino's numbers write 50
 * and 60. Either way the line counts.
 */
export const ERROR_LINE_PATTERN = logs.FilterPattern.any(
  logs.FilterPattern.stringValue('$.level', '=', 'error'),
  logs.FilterPattern.stringValue('$.level', '=', 'fatal'),
  logs.FilterPattern.numberValue('$.level', '>=', 50),
);

/** The custom metric's namespace: one per app and environment, apart from AWS's own. */
export function errorLinesNamespace(app: string, env: string): string {
  return `Slipway/${app}/${env}`;
}

export interface ServiceErrorLinesProps {
  readonly logGroup: logs.ILogGroup;
  /** The app and environment, for the metric's namespace. */
  readonly app: string;
  readonly env: string;
  /** The service, the metric's name. */
  readonly service: string;
  /** Name of the alarm on the metric; none makes only the metric. */
  readonly alarmName?: string;
}

/**
 * A metric filter counting the service's error lines, and with `alarmName` an alarm at
 * {@link ERROR_LINES_PER_5_MINUTES} in five minutes. The filter publishes only when a line matches,
 * so a quiet service has no data, which is not breaching. Cost: the metric is one custom metric
 * ($0.30 a month in the first tier); the alarm $0.10 a month.
 */
export class ServiceErrorLines extends Construct {
  readonly metric: cloudwatch.Metric;
  readonly alarm?: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ServiceErrorLinesProps) {
    super(scope, id);
    const filter = new logs.MetricFilter(this, 'Filter', {
      logGroup: props.logGroup,
      filterPattern: ERROR_LINE_PATTERN,
      metricNamespace: errorLinesNamespace(props.app, props.env),
      metricName: `${props.service}-error-lines`,
      metricValue: '1',
      unit: cloudwatch.Unit.COUNT,
    });
    this.metric = filter.metric({ period: Duration.minutes(5), statistic: 'Sum' });
    if (props.alarmName === undefined) return;
    this.alarm = new cloudwatch.Alarm(this, 'Alarm', {
      alarmName: props.alarmName,
      alarmDescription: `${props.service} logged ${ERROR_LINES_PER_5_MINUTES} or more error lines in 5 minutes`,
      metric: this.metric,
      threshold: ERROR_LINES_PER_5_MINUTES,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
