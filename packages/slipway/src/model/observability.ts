/**
 * How an environment is watched: which backend receives traces and metrics, who hears of an
 * alarm, and which of the optional pieces (traces, uptime canaries, a dashboard, Container
 * Insights) it pays for. Pure data, like the rest of the model.
 *
 * Whatever the provider, the application's interface is the same: JSON log lines on stdout and
 * OpenTelemetry (OTLP) to `OTEL_EXPORTER_OTLP_ENDPOINT`. The provider only decides what listens.
 */

/**
 * Where traces and metrics go. 'cloudwatch': CloudWatch alarms and X-Ray (AWS's own, no other
 * account needed). 'datadog': the Datadog agent beside the services, Datadog monitors. 'elastic':
 * an OpenTelemetry collector exporting to an Elastic endpoint.
 */
export type ObservabilityProvider = 'cloudwatch' | 'datadog' | 'elastic';

/** Container Insights on the ECS cluster: off, standard (per-service metrics) or enhanced (per task and container). */
export type ContainerInsightsMode = 'off' | 'standard' | 'enhanced';

/**
 * Which alarms an environment gets. 'essential': the ones a deployment rolls back on (5xx and
 * latency per public service) and "the service is down" (no healthy targets); 'all': also CPU and
 * memory, load balancer 5xx, database CPU, storage and connections, error log lines, queues and
 * functions. Alarms on given-up work (dead letters, failure queues) are there at either level,
 * because each holds a message someone must look at.
 */
export type AlarmLevel = 'essential' | 'all';

/** Who hears of an alarm: every route subscribes to the environment's alarm topic. */
export interface AlertRoutesModel {
  /** Addresses that get each alarm by email (each confirms its subscription once). */
  readonly emails: readonly string[];
  /**
   * A Slack channel, through AWS's chat integration (Amazon Q Developer in chat applications):
   * the workspace is authorised once in its console; then the channel gets alarms as messages.
   */
  readonly slack?: SlackChannelModel;
  /**
   * PagerDuty, through its CloudWatch integration's HTTPS endpoint. The endpoint holds the
   * integration key, so it is read at deploy time from an existing Secrets Manager secret and
   * never written into a template.
   */
  readonly pagerduty?: PagerDutyModel;
}

export interface SlackChannelModel {
  /** The Slack workspace (team) id, e.g. 'T0123ABCD', as the chat integration's console shows it. */
  readonly workspaceId: string;
  /** The channel id, e.g. 'C0123ABCD' (a private channel must invite the AWS app first). */
  readonly channelId: string;
}

export interface PagerDutyModel {
  /** Name of an existing Secrets Manager secret whose value is the integration URL. */
  readonly integrationUrlSecret: string;
}

/** Datadog: the agent beside the services (or on every node), and monitors for the same signals. */
export interface DatadogModel {
  /** Datadog site, e.g. 'datadoghq.com' or 'datadoghq.eu'; logs, traces and metrics all go there. */
  readonly site: string;
  /** Declared secret that holds the API key. */
  readonly apiKeySecret: string;
  /** Declared secret that holds an application key, needed to keep monitors; absent makes none. */
  readonly appKeySecret?: string;
  /** Datadog handles the monitors notify, e.g. '@slack-ops' or '@pagerduty-web'. */
  readonly notify: readonly string[];
}

/** Elastic: an OpenTelemetry collector beside the services, exporting to an Elastic endpoint. */
export interface ElasticModel {
  /** The Elastic APM server or managed OTLP endpoint, https. */
  readonly endpoint: string;
  /** Declared secret that holds the endpoint's API key. */
  readonly apiKeySecret: string;
}

export interface ObservabilityModel {
  readonly provider: ObservabilityProvider;
  /** Who hears of the environment's CloudWatch alarms. */
  readonly alerts: AlertRoutesModel;
  readonly alarms: AlarmLevel;
  /** Traces: an OpenTelemetry collector sidecar per task, the services told where it listens. */
  readonly tracing: boolean;
  /** A CloudWatch Synthetics canary per public service, calling its health path every 5 minutes. */
  readonly uptime: boolean;
  /** One CloudWatch dashboard for the environment. */
  readonly dashboard: boolean;
  readonly containerInsights: ContainerInsightsMode;
  /** Present when `provider` is 'datadog'. */
  readonly datadog?: DatadogModel;
  /** Present when `provider` is 'elastic'. */
  readonly elastic?: ElasticModel;
}

/** True when some route (email, Slack or PagerDuty) hears of the environment's alarms. */
export function alertsReachSomeone(alerts: AlertRoutesModel): boolean {
  return alerts.emails.length > 0 || alerts.slack !== undefined || alerts.pagerduty !== undefined;
}

/** Datadog's US1 site, where an account is made unless the team picks another. */
export const DEFAULT_DATADOG_SITE = 'datadoghq.com';

/**
 * What an environment gets when it says nothing: CloudWatch, no routes, and by stage the alarms,
 * traces and Container Insights (production all, traces on, enhanced; others the essential alarms,
 * no traces, standard). Uptime canaries are opt-in, as they cost per run; a dashboard is on.
 */
export function defaultObservability(production: boolean): ObservabilityModel {
  return {
    provider: 'cloudwatch',
    alerts: { emails: [] },
    alarms: production ? 'all' : 'essential',
    tracing: production,
    uptime: false,
    dashboard: true,
    containerInsights: production ? 'enhanced' : 'standard',
  };
}

/** The environment's observability; a model built by hand without one gets the stage's defaults. */
export function observabilityOf(env: {
  readonly observability?: ObservabilityModel;
  readonly production: boolean;
}): ObservabilityModel {
  return env.observability ?? defaultObservability(env.production);
}
