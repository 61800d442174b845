import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { acknowledge } from '../../../checks/acknowledge.js';
import type { AlarmLevel } from '../../../model/observability.js';
import { type ServiceAlarmKind } from '../../shared/resource-names.js';
import { combine } from './service-alarms.js';
import { ServiceErrorLines } from './service-error-lines.js';

/** Average CPU or memory use of the service's tasks that, held for 15 minutes, means it is too small. */
export const UTILISATION_PERCENT = 80;
/** Minutes a target may stay unhealthy before someone looks: longer than a deployment's swap. */
const UNHEALTHY_MINUTES = 5;

export interface ServiceHealthAlarmsProps {
  /** The service's alarm name for each kind (`resource-names.ts`). */
  readonly alarmName: (kind: ServiceAlarmKind) => string;
  readonly level: AlarmLevel;
  readonly service: ecs.FargateService;
  readonly logGroup: logs.ILogGroup;
  /** The app, environment and service, for the error-lines metric. */
  readonly names: { readonly app: string; readonly env: string; readonly service: string };
  /**
   * A public service's 5xx deployment alarm and, behind the load balancer, its target groups;
   * none for an internal service. Behind an HTTP API there are no target groups.
   */
  readonly routed?: {
    readonly errors: cloudwatch.IAlarm;
    readonly targetGroups?: readonly elbv2.ApplicationTargetGroup[];
  };
  /** The environment's alarm topic (runtime stack). */
  readonly alarmTopicArn: string;
}

/**
 * Whether a service is up, and at level 'all' whether it is healthy, beside its deployment alarms.
 *
 * At every level: a "down" signal (a service behind the load balancer with no healthy target; any
 * other, internal or behind an HTTP API, with no running task, as there are no target health
 * metrics to read) and the composite "<service> down" over it and, for a public service, the 5xx
 * deployment alarm. The composite is the one that notifies: a service that is down fires all
 * three, and a person is woken once.
 * At 'all' also, each notifying on its own: CPU and memory above {@link UTILISATION_PERCENT} % for
 * 15 minutes, a target unhealthy for {@link UNHEALTHY_MINUTES} minutes (behind the load balancer),
 * and error log lines. The error-lines metric exists at every level, for the dashboard.
 *
 * Cost: $0.10 per alarm-month and $0.50 per composite alarm-month; the error-lines metric $0.30.
 */
export class ServiceHealthAlarms extends Construct {
  /** The composite that notifies when the service is down. */
  readonly down: cloudwatch.CompositeAlarm;
  /** Every alarm here that notifies the topic itself. */
  readonly notifying: readonly cloudwatch.AlarmBase[];

  constructor(scope: Construct, id: string, props: ServiceHealthAlarmsProps) {
    super(scope, id);
    const notify = new actions.SnsAction(sns.Topic.fromTopicArn(this, 'Topic', props.alarmTopicArn));
    const minute = Duration.minutes(1);

    const targetGroups = props.routed?.targetGroups;
    const gone = targetGroups
      ? new cloudwatch.Alarm(this, 'NoHealthyTargets', {
          alarmName: props.alarmName('no-healthy-targets'),
          alarmDescription: 'No target of the service passed its health check for 2 minutes',
          // During a traffic shift the tasks sit in either group: the service is down when both are empty.
          metric: combine(
            targetGroups.map((tg) => tg.metrics.healthyHostCount({ period: minute, statistic: 'Minimum' })),
            'sum',
            minute,
          ),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
          evaluationPeriods: 2,
          datapointsToAlarm: 2,
          // The load balancer reports the count while it health-checks; no data says nothing.
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        })
      : new cloudwatch.Alarm(this, 'NoRunningTasks', {
          alarmName: props.alarmName('no-running-tasks'),
          alarmDescription: 'No task of the service reported CPU for 3 minutes: none is running',
          // ECS reports a service's CPU every minute while a task runs, so no samples is no task;
          // this needs no Container Insights.
          metric: props.service.metricCpuUtilization({ period: minute, statistic: 'SampleCount' }),
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
          evaluationPeriods: 3,
          datapointsToAlarm: 3,
          treatMissingData: cloudwatch.TreatMissingData.BREACHING,
        });

    const rule = props.routed
      ? cloudwatch.AlarmRule.anyOf(
          cloudwatch.AlarmRule.fromAlarm(gone, cloudwatch.AlarmState.ALARM),
          cloudwatch.AlarmRule.fromAlarm(props.routed.errors, cloudwatch.AlarmState.ALARM),
        )
      : cloudwatch.AlarmRule.fromAlarm(gone, cloudwatch.AlarmState.ALARM);
    this.down = new cloudwatch.CompositeAlarm(this, 'Down', {
      compositeAlarmName: props.alarmName('down'),
      alarmDescription: !props.routed
        ? 'The service is down: no task is running'
        : targetGroups
          ? 'The service is down: no healthy target, or its targets answer 5xx'
          : 'The service is down: no task is running, or the HTTP API answers 5xx',
      alarmRule: rule,
    });
    this.down.addAlarmAction(notify);
    for (const part of [gone, ...(props.routed ? [props.routed.errors] : [])]) {
      acknowledge(
        part,
        'CT.CLOUDWATCH.PR.1',
        `Part of the composite "${props.alarmName('down')}", which notifies the alarm topic: an action ` +
          'here too would tell the same person twice about one outage.',
      );
    }

    const errorLines = new ServiceErrorLines(this, 'ErrorLines', {
      logGroup: props.logGroup,
      ...props.names,
      ...(props.level === 'all' ? { alarmName: props.alarmName('error-lines') } : {}),
    });
    const notifying: cloudwatch.AlarmBase[] = [this.down];
    if (props.level === 'all') {
      notifying.push(...this.utilisation(props), ...(errorLines.alarm ? [errorLines.alarm] : []));
      if (targetGroups) notifying.push(this.unhealthyHosts(props, targetGroups));
      for (const alarm of notifying.slice(1)) alarm.addAlarmAction(notify);
    }
    this.notifying = notifying;
  }

  private utilisation(props: ServiceHealthAlarmsProps): cloudwatch.Alarm[] {
    const period = Duration.minutes(5);
    const high = (id: string, kind: 'cpu' | 'memory', metric: cloudwatch.IMetric, what: string) =>
      new cloudwatch.Alarm(this, id, {
        alarmName: props.alarmName(kind),
        alarmDescription: `The service's tasks used more than ${UTILISATION_PERCENT} % of their ${what} for 15 minutes`,
        metric,
        threshold: UTILISATION_PERCENT,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    return [
      high('Cpu', 'cpu', props.service.metricCpuUtilization({ period, statistic: 'Average' }), 'CPU'),
      high(
        'Memory',
        'memory',
        props.service.metricMemoryUtilization({ period, statistic: 'Average' }),
        'memory',
      ),
    ];
  }

  private unhealthyHosts(
    props: ServiceHealthAlarmsProps,
    targetGroups: readonly elbv2.ApplicationTargetGroup[],
  ): cloudwatch.Alarm {
    const minute = Duration.minutes(1);
    return new cloudwatch.Alarm(this, 'UnhealthyHosts', {
      alarmName: props.alarmName('unhealthy-hosts'),
      alarmDescription: `A target failed its health checks for ${UNHEALTHY_MINUTES} minutes`,
      metric: combine(
        targetGroups.map((tg) => tg.metrics.unhealthyHostCount({ period: minute, statistic: 'Maximum' })),
        'sum',
        minute,
      ),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: UNHEALTHY_MINUTES,
      datapointsToAlarm: UNHEALTHY_MINUTES,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
