import type { DatabaseModel, ServiceModel } from '../model/types.js';
import { containerEnvironment } from '../stacks/runtime/ecs/container-settings.js';
import { type LocalAws, localAwsVariables } from './local-aws.js';
import { SECRET_VARIABLE_PREFIX } from './local-secrets.js';
import { type LocalPeer, localPeerAddresses } from './peer-urls.js';

/** Where a local service sends its OpenTelemetry data. */
export interface LocalTelemetry {
  /** OTLP/HTTP base URL, given to the service as OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly endpoint: string;
  /** The receiver is `--print-spans`, which reads OTLP/JSON and wants spans promptly. */
  readonly printSpans: boolean;
}

/** The database a service reaches locally. */
export interface LocalDatabase {
  /** postgres:// URL the service gets as DATABASE_URL. */
  readonly url: string;
  /** The embedded PGlite, which serves every connection from one session. */
  readonly embedded: boolean;
}

export interface LocalEnvironmentProps {
  readonly service: ServiceModel;
  /** The declared database the service uses in the cloud. @default none */
  readonly database?: DatabaseModel;
  /** Where that database is on this machine; required when `database` is set. */
  readonly local?: LocalDatabase;
  /** The port the service must listen on. */
  readonly port: number;
  /** Variable name → local secret value, for the secrets that have one. */
  readonly secrets: Readonly<Record<string, string>>;
  /** `TABLE_<NAME>` → the table's name on the emulator, for the tables the service uses. @default {} */
  readonly tables?: Readonly<Record<string, string>>;
  /** `QUEUE_<NAME>` → the queue's URL on the emulator, for the queues the service sends to. @default {} */
  readonly queues?: Readonly<Record<string, string>>;
  /** The emulator holding the tables and queues; set when the service uses any. @default none */
  readonly aws?: LocalAws;
  /** The app and its other local services, whose private DNS addresses become local ones. @default none */
  readonly peers?: { readonly app: string; readonly services: readonly LocalPeer[] };
  /** Where traces go; none leaves the service without an OTLP endpoint (its tracing off). @default none */
  readonly telemetry?: LocalTelemetry;
}

/**
 * The variables a service gets locally: exactly what its container gets in the cloud (computed by
 * the same function the service stack uses, so the two cannot drift), with the cloud's database
 * variables swapped for a local DATABASE_URL, other services' private DNS addresses for their
 * local ones, the tables' and queues' variables with the emulator's endpoints, then PORT, the local
 * secret values and the service's `dev.env` last, so a developer can always override.
 *
 * In the cloud a service signs in with IAM to the RDS endpoint over TLS that verifies it; none of
 * that exists locally, and the sample service refuses DATABASE_URL next to DATABASE_HOST, so the
 * whole cloud set is replaced rather than partly kept (decision 009). TLS locally is the URL's
 * `sslmode` to decide, so no DATABASE_SSL is carried over.
 */
export function localEnvironment(props: LocalEnvironmentProps): Record<string, string> {
  const { service, database, local } = props;
  const path = `services.${service.name}`;
  // The cloud's host is the endpoint, read at deploy; it is dropped with the rest of the database
  // set, so a stand-in will do here.
  const connection = database && { database, host: 'rds-endpoint', readerHosts: [] };
  const cloud = containerEnvironment(service, connection, path);
  const withoutDatabase = containerEnvironment(service, undefined, path);
  let variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(cloud)) {
    // Keys only the database adds are the connection settings the local database replaces.
    if (database === undefined || name in withoutDatabase) variables[name] = value;
  }
  // The cloud's collector (a sidecar on localhost:4318) does not run here; the local one, if any, follows.
  for (const name of Object.keys(variables)) {
    if (name.startsWith('OTEL_EXPORTER_OTLP_')) delete variables[name];
  }
  if (props.peers) variables = localPeerAddresses(variables, props.peers.app, props.peers.services);
  // The tables' names are the cloud's; the SDK finds them on the emulator's DynamoDB endpoint.
  Object.assign(variables, props.tables ?? {});
  // A queue's URL is the emulator's, where the SDK's SQS endpoint sends too.
  Object.assign(variables, props.queues ?? {});
  if (props.aws !== undefined) Object.assign(variables, localAwsVariables(props.aws));
  if (database !== undefined && local !== undefined) {
    variables.DATABASE_URL = local.url;
    // PGlite has one session for every connection: a second pooled connection would collide with
    // the first's named prepared statements and transactions.
    if (local.embedded) variables.DATABASE_POOL_MAX = '1';
  }
  if (props.telemetry !== undefined)
    Object.assign(variables, telemetryVariables(service, props.telemetry, variables));
  variables.PORT = String(props.port);
  Object.assign(variables, props.secrets, service.dev?.env ?? {});
  return variables;
}

/** The standard OTel variables that point a service's SDK at the local endpoint. */
function telemetryVariables(
  service: ServiceModel,
  telemetry: LocalTelemetry,
  variables: Readonly<Record<string, string>>,
): Record<string, string> {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: telemetry.endpoint,
    // Spans are printed under the service's name, which the cloud sets the same way.
    ...(variables.OTEL_SERVICE_NAME === undefined ? { OTEL_SERVICE_NAME: service.name } : {}),
    ...(telemetry.printSpans
      ? {
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          // A batch every 200 ms instead of 5 s, so a request's spans show right after its log line.
          OTEL_BSP_SCHEDULE_DELAY: '200',
          // The printer shows spans only; metrics would be sent to be dropped.
          OTEL_METRICS_EXPORTER: 'none',
        }
      : {}),
  };
}

/**
 * What a service process inherits from the shell, minus what would confuse it: database settings
 * meant for something else (the sample service refuses DATABASE_URL next to DATABASE_HOST) and the
 * values of every local secret, which each service should only see for the secrets it maps.
 */
export function inheritedEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name.startsWith('DATABASE_') || name.startsWith(SECRET_VARIABLE_PREFIX)) continue;
    inherited[name] = value;
  }
  return inherited;
}
