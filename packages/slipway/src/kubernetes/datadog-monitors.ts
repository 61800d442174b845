import { traceSignals } from '../model/datadog-trace-signals.js';
import type { EksDatadogMonitorsModel } from '../model/eks.js';
import type { EnvironmentModel, ServiceModel } from '../model/types.js';
import { DatadogMonitor } from './datadog-monitor.js';
import { tracesToNodeAgent } from './datadog-tracing.js';
import type { DatadogMonitorType } from './datadog-monitor-types.js';
import { DATADOG_NAMESPACE } from './datadog-values.js';
import { serviceLabels } from './labels.js';

export interface ServiceMonitorProps {
  readonly app: string;
  /** The EKS cluster's name: the agents tag every metric and log with it (`kube_cluster_name`). */
  readonly clusterName: string;
  /** The services' namespace. */
  readonly namespace: string;
  readonly monitors: EksDatadogMonitorsModel;
}

/** One signal a service is watched on, before it becomes a DatadogMonitor. */
interface Signal {
  readonly id: string;
  readonly title: string;
  readonly type: DatadogMonitorType;
  /** The query without its comparison: the comparison is built from the threshold below. */
  readonly measure: string;
  readonly comparator: '>' | '>=';
  readonly critical: number;
  /** Priority in production (1 is the highest); other environments' monitors are P4. */
  readonly productionPriority: number;
  readonly alert: string;
  readonly recovered: string;
  /** Whether silence is itself an alert: the metric stops when the Deployment or the agents go. */
  readonly noDataAlerts?: boolean;
  readonly logs?: boolean;
}

/** Error log lines in five minutes above which a service's logs alert. */
export const ERROR_LOGS_THRESHOLD = 20;
/** Minutes between repeated notifications while a production monitor stays in alert. */
const PRODUCTION_RENOTIFY_MINUTES = 60;
/** Minutes without a replica count before a production service's availability monitor alerts. */
const NO_DATA_MINUTES = 20;

/**
 * The monitors of one service on an EKS cluster, kept in Datadog by the Datadog Operator. They
 * read what the Datadog agent and Cluster Agent collect with no other integration: replicas
 * unavailable for ten minutes (a rollout that cannot finish, pods that never get ready, nodes
 * that cannot be found), a container in CrashLoopBackOff, and error logs above a rate. Every query is
 * scoped to the cluster, the namespace and the service's Deployment or container, so two
 * environments sharing a Datadog organisation never answer each other's monitors.
 *
 * A public service of an environment that traces to the node agents (`tracesToNodeAgent`) is also
 * watched on what it answers, from the APM trace metrics of its HTTP server spans: the share of
 * 5xx answers and the p99 latency, defined once for ECS and EKS (`model/datadog-trace-signals.ts`).
 * Trace metrics carry `env` and `service`, not the cluster's tags, so those two are scoped by
 * them, as on ECS; which services get them is decided there too (`traceSignals`).
 */
export function serviceMonitors(
  env: EnvironmentModel,
  service: ServiceModel,
  props: ServiceMonitorProps,
): DatadogMonitor[] {
  const scope = `kube_cluster_name:${props.clusterName},kube_namespace:${props.namespace}`;
  const describe = `kubectl -n ${props.namespace} describe deployment ${service.name}`;
  const signals: Signal[] = [
    {
      id: 'pods-unavailable',
      title: 'pods unavailable',
      type: 'query alert',
      // min over the window: an autoscaler's new pods or a surge during a rollout are not an outage.
      measure: `min(last_10m):max:kubernetes_state.deployment.replicas_unavailable{${scope},kube_deployment:${service.name}}`,
      comparator: '>',
      critical: 0,
      productionPriority: 1,
      alert: `${service.name} in ${env.name} has had {{value}} unavailable replica(s) for 10 minutes. Look at its pods and events: \`${describe}\`.`,
      recovered: `${service.name} in ${env.name} has all its replicas available again.`,
      noDataAlerts: env.production,
    },
    {
      id: 'crash-looping',
      title: 'crash looping',
      type: 'query alert',
      measure: `max(last_10m):max:kubernetes_state.container.status_report.count.waiting{${scope},kube_container_name:${service.name},reason:crashloopbackoff}`,
      comparator: '>=',
      critical: 1,
      productionPriority: 2,
      alert: `A container of ${service.name} in ${env.name} keeps crashing (CrashLoopBackOff). Its last run's output: \`kubectl -n ${props.namespace} logs deployment/${service.name} --previous\`.`,
      recovered: `${service.name} in ${env.name} no longer crash-loops.`,
    },
    {
      id: 'error-logs',
      title: 'error logs',
      type: 'log alert',
      measure: `logs("kube_cluster_name:${props.clusterName} kube_namespace:${props.namespace} kube_container_name:${service.name} status:error").index("*").rollup("count").last("5m")`,
      comparator: '>',
      critical: ERROR_LOGS_THRESHOLD,
      productionPriority: 3,
      alert: `${service.name} in ${env.name} logged {{value}} errors in 5 minutes.`,
      recovered: `${service.name} in ${env.name} logs errors below ${ERROR_LOGS_THRESHOLD} in 5 minutes again.`,
      logs: true,
    },
    ...traceSignals(env, service, tracesToNodeAgent(env)),
  ];
  return signals.map((signal) => monitorOf(env, service, props, signal));
}

function monitorOf(
  env: EnvironmentModel,
  service: ServiceModel,
  props: ServiceMonitorProps,
  signal: Signal,
): DatadogMonitor {
  const handles = props.monitors.notify.join(' ');
  const message = [
    `{{#is_alert}}${signal.alert}{{/is_alert}}`,
    `{{#is_recovery}}${signal.recovered}{{/is_recovery}}`,
    ...(handles === '' ? [] : [handles]),
  ].join('\n');
  return new DatadogMonitor({
    metadata: {
      name: `${service.name}-${signal.id}`,
      namespace: DATADOG_NAMESPACE,
      labels: serviceLabels(props.app, service),
    },
    spec: {
      name: `[${props.app} ${env.name}] ${service.name}: ${signal.title}`,
      message,
      query: `${signal.measure} ${signal.comparator} ${signal.critical}`,
      type: signal.type,
      priority: env.production ? signal.productionPriority : 4,
      tags: [`app:${props.app}`, `env:${env.name}`, `service:${service.name}`, 'managed-by:slipway'],
      options: {
        thresholds: { critical: String(signal.critical) },
        includeTags: true,
        ...(signal.noDataAlerts ? { notifyNoData: true, noDataTimeframe: NO_DATA_MINUTES } : {}),
        ...(env.production ? { renotifyInterval: PRODUCTION_RENOTIFY_MINUTES } : {}),
        // A log monitor's notification carries a sample of the matching lines.
        ...(signal.logs ? { enableLogsSample: true } : {}),
      },
    },
  });
}
