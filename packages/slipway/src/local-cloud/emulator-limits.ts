/**
 * What a deploy to the local emulator proves and what it cannot: said in the output of every
 * local deploy, so nobody mistakes "deployed locally" for "runs".
 */
/** Said of an environment with a database; the others always apply. */
export const DATABASE_EMULATOR_LIMIT =
  'no database engine: the RDS instance is recorded, nothing answers on its endpoint';

/** Said of an environment whose public services sit behind the load balancer (the default). */
export const TRAFFIC_EMULATOR_LIMIT =
  'no traffic: the load balancer, listener rules and DNS names exist but serve nothing';

/** Said instead of {@link TRAFFIC_EMULATOR_LIMIT} with `ingress: 'http-api'`. */
export const HTTP_API_EMULATOR_LIMIT =
  "no traffic: the HTTP API, its routes, VPC link and DNS names are recorded but serve nothing, and the integration's Cloud Map lookup never runs";

export const EMULATOR_LIMITS: readonly string[] = [
  'no containers run: ECS services are recorded with their settings, tasks never start',
  DATABASE_EMULATOR_LIMIT,
  TRAFFIC_EMULATOR_LIMIT,
  'alarms, scaling and deployment strategies are stored, never evaluated',
];

/** Said beside the others when the environment runs on EKS. */
export const EKS_EMULATOR_LIMIT =
  'no Kubernetes: the EKS cluster, node groups and add-ons are recorded, no API server answers and nothing syncs the GitOps folder';

/** Said beside the others when the environment has DynamoDB tables. */
export const TABLES_EMULATOR_LIMIT =
  'tables answer item calls, but point-in-time recovery and encryption settings are not recorded';

/** Said beside the others when the environment has Lambda functions, topics or queues. */
export const FUNCTIONS_EMULATOR_LIMIT =
  'functions are stored with their bundled code and event sources but never run in the emulator (`slipway up` and `slipway dev` call a stream-fed or queue-fed handler on this machine; nothing a topic carries reaches one), their JSON log format is not recorded, and the HTTPS-only policies of their queues and topics are not enforced';

/** Said beside the others when the environment has an edge (CloudFront in front of its services). */
export const EDGE_EMULATOR_LIMIT =
  "CloudFront and WAF are recorded, nothing serves traffic at the edge: the distribution's cloudfront.net name does not resolve, no web ACL rule is evaluated and no access log is delivered";

/** Said beside the others when the environment's alarms have routes (`observability.alerts`). */
export const ALERTS_EMULATOR_LIMIT =
  "alert routes are recorded, nothing is sent: no email asks for confirmation, the Slack channel's configuration is stored but no workspace is reached, and PagerDuty's subscription reads a placeholder URL from a secret the local deploy makes when the team's is missing";

/** Said beside the others when the environment has uptime canaries (`observability.uptime`). */
export const UPTIME_EMULATOR_LIMIT =
  'uptime canaries are recorded with their schedule, runtime and script, none runs: no health path is called and their alarms never see a SuccessPercent';

/** Said beside the others when an ECS environment has Datadog monitors (decision 025). */
export const DATADOG_MONITORS_EMULATOR_LIMIT =
  "Datadog's monitor type is activated and configured in the emulator and its monitors are recorded with their queries; nothing reaches Datadog, no key is read and no monitor is evaluated";

/** The limits that apply to an environment with this runtime, its databases, tables, functions, edge and alert routes. */
export function emulatorLimitsFor(env: {
  readonly runtime?: 'ecs' | 'eks';
  readonly databases?: readonly unknown[];
  readonly tables?: readonly unknown[];
  readonly functions?: readonly unknown[];
  readonly topics?: readonly unknown[];
  readonly queues?: readonly unknown[];
  readonly edge?: object;
  readonly ingress?: 'load-balancer' | 'http-api';
  readonly services?: readonly unknown[];
  readonly observability?: {
    readonly provider?: string;
    readonly datadog?: { readonly appKeySecret?: string };
    readonly alerts: {
      readonly emails: readonly string[];
      readonly slack?: object;
      readonly pagerduty?: object;
    };
    readonly uptime?: boolean;
  };
}): readonly string[] {
  const alerts = env.observability?.alerts;
  const routed =
    alerts !== undefined &&
    (alerts.emails.length > 0 || alerts.slack !== undefined || alerts.pagerduty !== undefined);
  const withoutDatabase = (env.databases ?? []).length === 0;
  const datadogMonitors =
    env.runtime !== 'eks' &&
    (env.services ?? []).length > 0 &&
    env.observability?.provider === 'datadog' &&
    env.observability.datadog?.appKeySecret !== undefined;
  return [
    ...EMULATOR_LIMITS.filter((limit) => !(withoutDatabase && limit === DATABASE_EMULATOR_LIMIT)).map(
      (limit) =>
        limit === TRAFFIC_EMULATOR_LIMIT && env.ingress === 'http-api' ? HTTP_API_EMULATOR_LIMIT : limit,
    ),
    ...(env.runtime === 'eks' ? [EKS_EMULATOR_LIMIT] : []),
    ...((env.tables ?? []).length > 0 ? [TABLES_EMULATOR_LIMIT] : []),
    ...((env.functions ?? []).length + (env.topics ?? []).length + (env.queues ?? []).length > 0
      ? [FUNCTIONS_EMULATOR_LIMIT]
      : []),
    ...(env.edge !== undefined ? [EDGE_EMULATOR_LIMIT] : []),
    ...(routed ? [ALERTS_EMULATOR_LIMIT] : []),
    ...(env.observability?.uptime === true ? [UPTIME_EMULATOR_LIMIT] : []),
    ...(datadogMonitors ? [DATADOG_MONITORS_EMULATOR_LIMIT] : []),
  ];
}

/** The one account moto serves; every account in the model maps to it on the local target. */
export const LOCAL_ACCOUNT = '123456789012';
