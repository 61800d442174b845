import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** 5xx responses from the service's targets in a minute that count as a failing deployment. */
const ERRORS_PER_MINUTE = 10;
/** p99 target response time that counts as a failing deployment. */
const P99_LATENCY = Duration.seconds(2);

export interface ServiceAlarmsProps {
  /** Name of the 5xx alarm. */
  readonly errorsAlarmName: string;
  /** Name of the p99 latency alarm. */
  readonly latencyAlarmName: string;
  /** The service's target groups; during a traffic shift the new version sits in either one. */
  readonly targetGroups: readonly elbv2.ApplicationTargetGroup[];
  /** The environment's alarm topic (runtime stack), which the latency alarm notifies. */
  readonly alarmTopicArn: string;
}

/**
 * The two alarms ECS watches during a deployment and its bake time, rolling back when either fires
 * (SECURITY.md 21). Missing data is fine: no traffic is not an outage. The latency alarm notifies
 * the environment's alarm topic itself; the 5xx alarm is one half of the service's "down"
 * composite (`service-health-alarms.ts`), which notifies instead, so a failing service wakes a
 * person once rather than once per alarm. Cost: $0.10 per alarm-month.
 */
export class ServiceAlarms extends Construct {
  readonly errors: cloudwatch.Alarm;
  readonly latency: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(1);
    const errors = props.targetGroups.map((tg) =>
      tg.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period, statistic: 'Sum' }),
    );
    const latency = props.targetGroups.map((tg) =>
      tg.metrics.targetResponseTime({ period, statistic: 'p99' }),
    );

    this.errors = new cloudwatch.Alarm(this, 'Errors', {
      alarmName: props.errorsAlarmName,
      alarmDescription: `Targets answered ${ERRORS_PER_MINUTE} or more 5xx a minute, twice in a row`,
      metric: combine(errors, 'sum', period),
      threshold: ERRORS_PER_MINUTE,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.latency = new cloudwatch.Alarm(this, 'Latency', {
      alarmName: props.latencyAlarmName,
      alarmDescription: `p99 target response time above ${P99_LATENCY.toSeconds()} s for 3 minutes`,
      metric: combine(latency, 'max', period),
      threshold: P99_LATENCY.toSeconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const notify = new actions.SnsAction(sns.Topic.fromTopicArn(this, 'Topic', props.alarmTopicArn));
    this.latency.addAlarmAction(notify);
  }
}

/** One metric as is; several joined by metric math (sum of counts, worst of latencies). */
export function combine(
  metrics: cloudwatch.IMetric[],
  how: 'sum' | 'max',
  period: Duration,
): cloudwatch.IMetric {
  const [only] = metrics;
  if (metrics.length === 1 && only) return only;
  const usingMetrics = Object.fromEntries(metrics.map((m, i) => [`m${i + 1}`, m]));
  const ids = Object.keys(usingMetrics);
  const expression = how === 'sum' ? ids.map((m) => `FILL(${m}, 0)`).join(' + ') : `MAX([${ids.join(', ')}])`;
  return new cloudwatch.MathExpression({ expression, usingMetrics, period });
}
