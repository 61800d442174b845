import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { FunctionModel, QueueModel } from '../../model/functions.js';
import type { AppModel, EnvironmentModel, ServiceModel } from '../../model/types.js';
import { errorLinesNamespace } from '../runtime/ecs/service-error-lines.js';
import {
  clusterName,
  dashboardName,
  databaseInstanceIdentifier,
  serviceAlarmName,
} from '../shared/resource-names.js';
import { busiestNode } from './cache-alarms.js';
import { loadBalancerErrors } from './load-balancer-alarm.js';

/** CloudWatch takes up to 100 alarms in one alarm status widget. */
const ALARMS_PER_STATUS_WIDGET = 100;
const MINUTE = Duration.minutes(1);
const FIVE_MINUTES = Duration.minutes(5);

export interface EnvironmentDashboardProps {
  readonly model: AppModel;
  readonly environment: EnvironmentModel;
  /** The alarms that notify someone, across the environment's stacks (`environment-alarms.ts`). */
  readonly alarmNames: readonly string[];
  /** The shared load balancer's `app/<name>/<id>`, read from the runtime stack; none without one. */
  readonly loadBalancerFullName?: string;
  /** Each cache's node ids, from the replication group id the data stack publishes. */
  readonly cacheNodes: ReadonlyMap<string, readonly string[]>;
}

/**
 * The environment's one dashboard, `<app>-<env>`: the status of every alarm that notifies, then a
 * row per service, the load balancer, the databases, caches, functions and queues. Names are fixed,
 * so most widgets name their metrics and alarms exactly; two are CloudWatch SEARCH expressions,
 * because their dimension is only known once deployed: the target groups' requests (CloudFormation
 * names target groups) and the services' CPU and memory (and the ECS services). A service's 5xx,
 * latency and health widgets graph its own alarms, whose metrics already name its target groups
 * (or, behind an HTTP API, the API).
 * Cost: $3 a month, after the account's first three dashboards, which are free.
 */
export class EnvironmentDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: EnvironmentDashboardProps) {
    super(scope, id);
    const { model, environment: env } = props;
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: dashboardName(model.app, env.name),
      defaultInterval: Duration.hours(3),
    });
    for (let i = 0; i < props.alarmNames.length; i += ALARMS_PER_STATUS_WIDGET) {
      this.dashboard.addWidgets(
        new cloudwatch.AlarmStatusWidget({
          title: `${model.app} ${env.name}: alarms that notify`,
          alarms: props.alarmNames.slice(i, i + ALARMS_PER_STATUS_WIDGET).map((name) => this.alarm(name)),
          width: 24,
          sortBy: cloudwatch.AlarmStatusWidgetSortBy.STATE_UPDATED_TIMESTAMP,
        }),
      );
    }
    if (env.runtime !== 'eks') {
      for (const service of env.services) this.dashboard.addWidgets(...this.serviceRow(model, env, service));
      this.dashboard.addWidgets(...this.clusterRow(model, env, props.loadBalancerFullName));
    }
    for (const database of env.databases) {
      const identifier = databaseInstanceIdentifier(model.app, env.name, database.name);
      const rds = (metricName: string, statistic: string) =>
        new cloudwatch.Metric({
          namespace: 'AWS/RDS',
          metricName,
          dimensionsMap: { DBInstanceIdentifier: identifier },
          period: FIVE_MINUTES,
          statistic,
        });
      this.dashboard.addWidgets(
        graph(`${database.name} database: CPU %`, [rds('CPUUtilization', 'Average')]),
        graph(`${database.name} database: connections`, [rds('DatabaseConnections', 'Maximum')]),
        graph(`${database.name} database: free storage (bytes)`, [rds('FreeStorageSpace', 'Minimum')]),
      );
    }
    for (const cache of env.caches ?? []) {
      const nodes = props.cacheNodes.get(cache.name) ?? [];
      this.dashboard.addWidgets(
        graph(`${cache.name} cache: engine CPU % (busiest node)`, [
          busiestNode('EngineCPUUtilization', nodes, FIVE_MINUTES),
        ]),
        graph(`${cache.name} cache: memory used % (busiest node)`, [
          busiestNode('DatabaseMemoryUsagePercentage', nodes, FIVE_MINUTES),
        ]),
      );
    }
    if (env.runtime !== 'eks') {
      for (const fn of env.functions ?? []) this.dashboard.addWidgets(...functionRow(fn));
      for (const queue of env.queues ?? []) this.dashboard.addWidgets(queueWidget(queue));
    }
  }

  /**
   * A public service: its 5xx, latency and "down" signal (its alarms' own metrics: behind the load
   * balancer its target groups' and healthy targets, behind an HTTP API the API's and its running
   * tasks) and error lines; an internal service: its running tasks and error lines.
   */
  private serviceRow(model: AppModel, env: EnvironmentModel, service: ServiceModel): cloudwatch.IWidget[] {
    const name = (kind: Parameters<typeof serviceAlarmName>[3]) =>
      serviceAlarmName(model.app, env.name, service.name, kind);
    const errorLines = graph(`${service.name}: error log lines`, [
      new cloudwatch.Metric({
        namespace: errorLinesNamespace(model.app, env.name),
        metricName: `${service.name}-error-lines`,
        period: FIVE_MINUTES,
        statistic: 'Sum',
      }),
    ]);
    const runningTasks = () =>
      alarmGraph(`${service.name}: running tasks (CPU samples)`, this.alarm(name('no-running-tasks')));
    if (!service.public) return [runningTasks(), errorLines];
    if (env.ingress === 'http-api') {
      return [
        alarmGraph(`${service.name}: HTTP API 5xx a minute (the environment's)`, this.alarm(name('5xx'))),
        alarmGraph(
          `${service.name}: HTTP API p99 latency (s, the environment's)`,
          this.alarm(name('p99-latency')),
        ),
        runningTasks(),
        errorLines,
      ];
    }
    return [
      alarmGraph(`${service.name}: target 5xx a minute`, this.alarm(name('5xx'))),
      alarmGraph(`${service.name}: p99 response time (s)`, this.alarm(name('p99-latency'))),
      alarmGraph(`${service.name}: healthy targets`, this.alarm(name('no-healthy-targets'))),
      errorLines,
    ];
  }

  /** Requests per target group and the load balancer's own 5xx; CPU and memory per ECS service. */
  private clusterRow(
    model: AppModel,
    env: EnvironmentModel,
    loadBalancer: string | undefined,
  ): cloudwatch.IWidget[] {
    const cluster = clusterName(model.app, env.name);
    const ecs = (metricName: string) =>
      new cloudwatch.MathExpression({
        expression: `SEARCH('{AWS/ECS,ClusterName,ServiceName} MetricName="${metricName}" ClusterName="${cluster}"', 'Average', 300)`,
        label: '',
        period: FIVE_MINUTES,
      });
    const widgets: cloudwatch.IWidget[] = [];
    if (loadBalancer !== undefined) {
      widgets.push(
        graph('Requests per target group', [
          new cloudwatch.MathExpression({
            expression: `SEARCH('{AWS/ApplicationELB,LoadBalancer,TargetGroup} MetricName="RequestCount" LoadBalancer="${loadBalancer}"', 'Sum', 60)`,
            label: '',
            period: MINUTE,
          }),
        ]),
        graph('Load balancer 5xx of its own', [loadBalancerErrors(loadBalancer, MINUTE)]),
      );
    }
    if (env.services.length > 0) {
      widgets.push(
        graph('CPU % per service', [ecs('CPUUtilization')]),
        graph('Memory % per service', [ecs('MemoryUtilization')]),
      );
    }
    return widgets;
  }

  /** An alarm of any stack of the environment by its fixed name. */
  private alarm(name: string): cloudwatch.IAlarm {
    const id = `Alarm-${name}`;
    const existing = this.node.tryFindChild(id) as cloudwatch.IAlarm | undefined;
    return (
      existing ??
      cloudwatch.Alarm.fromAlarmArn(
        this,
        id,
        Stack.of(this).formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: name,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      )
    );
  }
}

function graph(title: string, metrics: cloudwatch.IMetric[]): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, left: metrics, width: 6, height: 6 });
}

function alarmGraph(title: string, alarm: cloudwatch.IAlarm): cloudwatch.AlarmWidget {
  return new cloudwatch.AlarmWidget({ title, alarm, width: 6, height: 6 });
}

/** A function's calls, errors and p99 duration, by its fixed name. */
function functionRow(fn: FunctionModel): cloudwatch.IWidget[] {
  const lambda = (metricName: string, statistic: string) =>
    new cloudwatch.Metric({
      namespace: 'AWS/Lambda',
      metricName,
      dimensionsMap: { FunctionName: fn.functionName },
      period: FIVE_MINUTES,
      statistic,
    });
  return [
    graph(`${fn.name} function: calls and errors`, [lambda('Invocations', 'Sum'), lambda('Errors', 'Sum')]),
    graph(`${fn.name} function: p99 duration (ms)`, [lambda('Duration', 'p99')]),
  ];
}

/** A queue's waiting messages and its dead letters, by their fixed names. */
function queueWidget(queue: QueueModel): cloudwatch.IWidget {
  const visible = (queueName: string) =>
    new cloudwatch.Metric({
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensionsMap: { QueueName: queueName },
      period: FIVE_MINUTES,
      statistic: 'Maximum',
      label: queueName,
    });
  return graph(`${queue.name} queue: waiting and dead letters`, [
    visible(queue.queueName),
    visible(`${queue.queueName}-dead-letters`),
  ]);
}
