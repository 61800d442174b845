import { CfnResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DATADOG_MONITOR_TYPE } from '../../config/data/datadog-monitor-type.js';
import { traceSignals } from '../../model/datadog-trace-signals.js';
import { observabilityOf } from '../../model/observability.js';
import type { DatadogMonitorsModel } from '../../model/ecs-datadog-monitors.js';
import type { EnvironmentModel, ServiceModel } from '../../model/types.js';
import { logicalIdPart } from '../shared/logical-ids.js';

/** Error log lines in five minutes above which a service's logs alert (as on EKS). */
export const ECS_ERROR_LOGS_THRESHOLD = 20;
/** Minutes without a task reporting before "no running tasks" alerts. */
const NO_TASK_MINUTES = 10;
/** Minutes between repeated notifications while a production monitor stays in alert (as on EKS). */
const PRODUCTION_RENOTIFY_MINUTES = 60;

/** One signal a service is watched on, before it becomes a monitor. */
interface Signal {
  readonly id: string;
  readonly title: string;
  readonly type: 'query alert' | 'log alert';
  /** The query without its comparison, which is built from the threshold below. */
  readonly measure: string;
  readonly comparator: '>' | '<';
  readonly critical: number;
  /** Priority in production (1 is the highest); other environments' monitors are P4. */
  readonly productionPriority: number;
  readonly alert: string;
  readonly recovered: string;
  /** Said when the metric stops altogether; silence is then the alert itself. */
  readonly noData?: string;
  readonly logs?: boolean;
}

export interface DatadogMonitorsProps {
  readonly app: string;
  readonly environment: EnvironmentModel;
  readonly datadog: DatadogMonitorsModel;
}

/**
 * Provider 'datadog' on ECS: two to four monitors per service as `Datadog::Monitors::Monitor`
 * resources, Datadog's public CloudFormation extension (decision 025), so CloudFormation creates,
 * changes, deletes and rolls them back with the stack. They read only what the task's agent and
 * log router send (decision 024):
 *
 * - **no running tasks**: the Fargate check's `ecs.fargate.mem.usage`, reported per container
 *   from the task metadata endpoint (Datadog's `ecs_fargate` integration, metadata.csv), counted
 *   by task; when the last task stops the metric stops, so no data for 10 minutes is the alert.
 * - **server errors** and **slow answers**, for a public service with traces on: the share of HTTP
 *   requests answered with a 5xx and their p99 latency, from the APM trace metrics of the spans
 *   the app's OpenTelemetry SDK sends; defined once for ECS and EKS in
 *   `model/datadog-trace-signals.ts`.
 * - **error logs**: lines with status error above {@link ECS_ERROR_LOGS_THRESHOLD} in 5 minutes.
 *
 * Every query names `env` and `service`, the unified service tags the task sets (`DD_ENV`,
 * `DD_SERVICE` and their docker labels; the log router's `dd_service` and `dd_tags`), so two
 * environments in one Datadog organisation never answer each other's monitors. Names, messages,
 * priorities and tags follow the EKS monitors (`kubernetes/datadog-monitors.ts`).
 * Cost: none in AWS beyond CloudFormation's third-party handler operations when the stack changes
 * a monitor ($0.0009 each after 1,000 free a month); Datadog charges nothing per monitor.
 */
export class DatadogMonitors extends Construct {
  readonly monitors: readonly CfnResource[];

  constructor(scope: Construct, id: string, props: DatadogMonitorsProps) {
    super(scope, id);
    this.monitors = props.environment.services.flatMap((service) =>
      serviceSignals(props.environment, service).map(
        (signal) =>
          new CfnResource(this, `${logicalIdPart(service.name)}${logicalIdPart(signal.id)}`, {
            type: DATADOG_MONITOR_TYPE,
            properties: monitorProperties(props, service, signal),
          }),
      ),
    );
  }
}

function serviceSignals(env: EnvironmentModel, service: ServiceModel): Signal[] {
  const tags = `env:${env.name},service:${service.name}`;
  const where = `${service.name} in ${env.name}`;
  return [
    {
      id: 'no-running-tasks',
      title: 'no running tasks',
      type: 'query alert',
      measure: `max(last_10m):count_not_null(max:ecs.fargate.mem.usage{${tags}} by {task_arn})`,
      comparator: '<',
      critical: 1,
      productionPriority: 1,
      alert: `${where} has no task reporting. Look at the ECS service's events and its stopped tasks' reasons.`,
      recovered: `${where} has a running task again.`,
      noData: `No task of ${where} has reported for ${NO_TASK_MINUTES} minutes: the service has no running task, or its Datadog agents stopped.`,
    },
    // A public service with traces: its 5xx share and p99 latency, as on EKS.
    ...traceSignals(env, service, observabilityOf(env).tracing),
    {
      id: 'error-logs',
      title: 'error logs',
      type: 'log alert',
      measure: `logs("env:${env.name} service:${service.name} status:error").index("*").rollup("count").last("5m")`,
      comparator: '>',
      critical: ECS_ERROR_LOGS_THRESHOLD,
      productionPriority: 3,
      alert: `${where} logged {{value}} errors in 5 minutes.`,
      recovered: `${where} logs errors below ${ECS_ERROR_LOGS_THRESHOLD} in 5 minutes again.`,
      logs: true,
    },
  ];
}

function monitorProperties(
  props: DatadogMonitorsProps,
  service: ServiceModel,
  signal: Signal,
): Record<string, unknown> {
  const env = props.environment;
  const handles = props.datadog.notify.join(' ');
  const message = [
    `{{#is_alert}}${signal.alert}{{/is_alert}}`,
    ...(signal.noData === undefined ? [] : [`{{#is_no_data}}${signal.noData}{{/is_no_data}}`]),
    `{{#is_recovery}}${signal.recovered}{{/is_recovery}}`,
    ...(handles === '' ? [] : [handles]),
  ].join('\n');
  return {
    Name: `[${props.app} ${env.name}] ${service.name}: ${signal.title}`,
    Type: signal.type,
    Query: `${signal.measure} ${signal.comparator} ${signal.critical}`,
    Message: message,
    Priority: env.production ? signal.productionPriority : 4,
    Tags: [`app:${props.app}`, `env:${env.name}`, `service:${service.name}`, 'managed-by:slipway'],
    Options: {
      Thresholds: { Critical: signal.critical },
      IncludeTags: true,
      ...(signal.noData === undefined ? {} : { NotifyNoData: true, NoDataTimeframe: NO_TASK_MINUTES }),
      ...(env.production ? { RenotifyInterval: PRODUCTION_RENOTIFY_MINUTES } : {}),
      // A log monitor's notification carries a sample of the matching lines.
      ...(signal.logs ? { EnableLogsSample: true } : {}),
    },
  };
}
