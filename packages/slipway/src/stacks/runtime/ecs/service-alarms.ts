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
  /** 5xx counts a minute and p99 latencies of what serves the service, and what they are of. */
  readonly metrics: ServiceTrafficMetrics;
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
    const { errors, latency, source } = props.metrics;

    this.errors = new cloudwatch.Alarm(this, 'Errors', {
      alarmName: props.errorsAlarmName,
      alarmDescription: `${source.errors} ${ERRORS_PER_MINUTE} or more 5xx a minute, twice in a row`,
      metric: combine(errors, 'sum', period),
      threshold: ERRORS_PER_MINUTE,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.latency = new cloudwatch.Alarm(this, 'Latency', {
      alarmName: props.latencyAlarmName,
      alarmDescription: `p99 ${source.latency} above ${P99_LATENCY.toSeconds()} s for 3 minutes`,
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

/** What the deployment alarms read: counts of 5xx and p99 latencies, each over a minute. */
export interface ServiceTrafficMetrics {
  readonly errors: cloudwatch.IMetric[];
  readonly latency: cloudwatch.IMetric[];
  /** How the descriptions name them: who answered the 5xx, whose response time. */
  readonly source: { readonly errors: string; readonly latency: string };
}

/** The target groups' metrics; during a traffic shift the new version sits in either one. */
export function targetGroupMetrics(
  targetGroups: readonly elbv2.ApplicationTargetGroup[],
): ServiceTrafficMetrics {
  const period = Duration.minutes(1);
  return {
    errors: targetGroups.map((tg) =>
      tg.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period, statistic: 'Sum' }),
    ),
    latency: targetGroups.map((tg) => tg.metrics.targetResponseTime({ period, statistic: 'p99' })),
    source: { errors: 'Targets answered', latency: 'target response time' },
  };
}

/**
 * The environment's HTTP API as a whole (`$default` stage): API Gateway publishes per-route
 * metrics only as detailed metrics, billed as custom metrics for every route, which the cheap
 * ingress exists to avoid. So each public service's deployment is judged by the API's 5xx and
 * latency, which its other public services share.
 */
export function httpApiMetrics(apiId: string): ServiceTrafficMetrics {
  const period = Duration.minutes(1);
  const metric = (metricName: string, statistic: string) =>
    new cloudwatch.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: { ApiId: apiId, Stage: '$default' },
      period,
      statistic,
    });
  return {
    errors: [metric('5xx', 'Sum')],
    latency: [metric('Latency', 'p99')],
    source: {
      errors: "The environment's HTTP API answered",
      latency: "HTTP API latency (the environment's)",
    },
  };
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
