import type { IToleration } from 'kubernetes-models/v1';
import type { EksDatadogModel } from '../model/eks.js';
import { OTLP_HTTP_PORT } from '../model/otel-environment.js';

/** Where the agents run and their Secrets live. */
export const DATADOG_NAMESPACE = 'datadog';
/** The Secret holding the API key under `api-key`, the key the chart reads. */
export const DATADOG_API_KEY_SECRET = 'datadog-api-key';
/** The Secret holding the application key under `app-key`, the key the Operator reads. */
export const DATADOG_APP_KEY_SECRET = 'datadog-app-key';
/** The Secret holding the node agents' and Cluster Agent's shared token under `token`. */
export const DATADOG_TOKEN_SECRET = 'datadog-cluster-agent-token';

export interface DatadogValuesProps {
  readonly datadog: EksDatadogModel;
  /** The EKS cluster's name, which the agents tag everything with. */
  readonly clusterName: string;
  readonly environment: string;
  /** Tolerations for every taint of every node pool, so the agent runs on every node. */
  readonly tolerations: readonly IToleration[];
  /** Whether the services send traces to their node's agent (`tracesToNodeAgent`). @default false */
  readonly tracing?: boolean;
}

/**
 * Requests and limits for each container the chart may run. Every container gets CPU and memory
 * limits (Slipway-K8S3), the trace and process agents too, though they stay off unless APM or
 * process collection is turned on. The node agent's request is taken from every node: 200m and
 * 256 MiB, about a tenth of a t4g.medium.
 */
const AGENT_RESOURCES = resources('200m', '256Mi', '500m', '512Mi');
const SIDECAR_RESOURCES = resources('50m', '128Mi', '200m', '256Mi');
const INIT_RESOURCES = resources('50m', '64Mi', '100m', '128Mi');
const CLUSTER_AGENT_RESOURCES = resources('100m', '256Mi', '500m', '512Mi');
const OPERATOR_RESOURCES = resources('50m', '128Mi', '200m', '256Mi');

/**
 * Values of the Datadog chart: a node agent on every node collecting metrics and every
 * container's logs (JSON lines are parsed on Datadog's side), with tracing the services' OTLP
 * traces too, and the Cluster Agent. Image tags
 * are the chart's own, so the pinned chart version pins them. Nothing the chart would generate
 * anew at each render is left to it: Argo CD renders on every commit, and a fresh random token
 * or install id would restart every agent each time.
 */
export function datadogValues(props: DatadogValuesProps): Record<string, unknown> {
  const tolerations = [...props.tolerations];
  return {
    datadog: {
      site: props.datadog.site,
      apiKeyExistingSecret: DATADOG_API_KEY_SECRET,
      clusterName: props.clusterName,
      tags: [`env:${props.environment}`],
      logs: { enabled: true, containerCollectAll: true },
      ...traceValues(props.tracing ?? false),
      operator: { enabled: props.datadog.monitors !== undefined },
    },
    agents: {
      tolerations,
      containers: {
        agent: { resources: AGENT_RESOURCES },
        traceAgent: { resources: SIDECAR_RESOURCES },
        processAgent: { resources: SIDECAR_RESOURCES },
        initContainers: { resources: INIT_RESOURCES },
      },
    },
    clusterAgent: {
      enabled: true,
      tokenExistingSecret: DATADOG_TOKEN_SECRET,
      tolerations,
      resources: CLUSTER_AGENT_RESOURCES,
      containers: { initContainers: { resources: INIT_RESOURCES } },
    },
    // Nodes answer IMDS one hop away only, so a pod cannot ask it the instance id; without it
    // each node would be counted twice, under its instance id and its host name.
    providers: { eks: { ec2: { useHostnameFromFile: true } } },
    ...operatorValues(props),
  };
}

/**
 * APM and the OTLP receiver (chart 3.240.0's `datadog.apm` and `datadog.otlp.receiver.protocols.http`
 * in `charts/datadog/values.yaml`). Without traces, APM is off: the chart's default socket would
 * run a trace agent on every node for no one. With them, the node agent takes OTLP over HTTP on
 * host port 4318, where the services' SDKs send it (`datadog-tracing.ts`), and hands the spans to
 * the trace agent, which the chart runs only when some APM intake is on: the socket is that intake,
 * a host path no pod of the app's namespace may mount (Pod Security `restricted`), so no Datadog
 * protocol port is opened to the pods. gRPC stays off, as the SDKs are told to use HTTP.
 */
function traceValues(tracing: boolean): Record<string, unknown> {
  const instrumentation = { enabled: false, skipKPITelemetry: true };
  if (!tracing) return { apm: { socketEnabled: false, portEnabled: false, instrumentation } };
  return {
    apm: { socketEnabled: true, portEnabled: false, instrumentation },
    otlp: {
      receiver: {
        protocols: {
          http: { enabled: true, endpoint: `0.0.0.0:${OTLP_HTTP_PORT}`, useHostPort: true },
          grpc: { enabled: false },
        },
      },
    },
  };
}

/**
 * The chart's Datadog Operator sub-chart, on by default there: with monitors it runs only its
 * DatadogMonitor controller, which keeps the DatadogMonitor objects of its own namespace in
 * Datadog with the application key; without them it is turned off, as it would do nothing. Its
 * keys, site and cluster name are set here: the chart hands them over through a Helm `lookup`,
 * which Argo CD's rendering does not run.
 */
function operatorValues(props: DatadogValuesProps): { operator?: Record<string, unknown> } {
  if (props.datadog.monitors === undefined) return {};
  const tolerations = [...props.tolerations];
  return {
    operator: {
      site: props.datadog.site,
      clusterName: props.clusterName,
      apiKeyExistingSecret: DATADOG_API_KEY_SECRET,
      appKeyExistingSecret: DATADOG_APP_KEY_SECRET,
      datadogMonitor: { enabled: true },
      datadogAgent: { enabled: false },
      datadogAgentInternal: { enabled: false },
      resources: OPERATOR_RESOURCES,
      tolerations,
    },
  };
}

function resources(cpuRequest: string, memoryRequest: string, cpuLimit: string, memoryLimit: string) {
  return {
    requests: { cpu: cpuRequest, memory: memoryRequest },
    limits: { cpu: cpuLimit, memory: memoryLimit },
  };
}
