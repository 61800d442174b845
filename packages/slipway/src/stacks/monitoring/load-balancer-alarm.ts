import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

/** 5xx the load balancer itself answers in a minute (no target, a target timing out) that count as an outage. */
export const ELB_ERRORS_PER_MINUTE = 10;

/** The load balancer's own 5xx count; CloudWatch has it per load balancer, not per target group. */
export function loadBalancerErrors(loadBalancerFullName: string, period: Duration): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/ApplicationELB',
    metricName: 'HTTPCode_ELB_5XX_Count',
    dimensionsMap: { LoadBalancer: loadBalancerFullName },
    period,
    statistic: 'Sum',
  });
}

/**
 * At level 'all': the shared load balancer answered {@link ELB_ERRORS_PER_MINUTE} or more 5xx of its
 * own a minute, twice in a row. ELB 5xx are not reported per target group, so this is one alarm for
 * the environment rather than one per service; each service's "down" composite covers its own
 * targets. Cost: $0.10 a month.
 */
export function loadBalancerErrorsAlarm(
  scope: Construct,
  id: string,
  props: { readonly alarmName: string; readonly loadBalancerFullName: string },
): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmName: props.alarmName,
    alarmDescription: `The load balancer answered ${ELB_ERRORS_PER_MINUTE} or more 5xx of its own a minute, twice in a row`,
    metric: loadBalancerErrors(props.loadBalancerFullName, Duration.minutes(1)),
    threshold: ELB_ERRORS_PER_MINUTE,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 2,
    datapointsToAlarm: 2,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}
