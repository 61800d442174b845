/**
 * The shape of `slipway.config.ts` as a user writes it. The schema checks structure and types
 * only; every rule that depends on other fields (production, region, declared names) lives in
 * `validate/`, where it can name the fix. Defaults are applied by `resolve/`, not here, because
 * most of them differ between production and other environments.
 *
 * Every object is strict: an unknown key is an error, so a typo never silently means "default".
 */
import { z } from 'zod';

/** How new tasks replace old ones; the strategy decides which of the other fields are required. */
export const deploymentSchema = z.strictObject({
  /** `rolling` (circuit breaker with rollback), or one of ECS's native traffic-shifting strategies. */
  strategy: z.enum(['rolling', 'canary', 'linear', 'blue-green']),
  /** canary: percent of traffic sent to the new version first (0.1–100). */
  canaryPercent: z.number().optional(),
  /** linear: percent of traffic added at each step (3–100). */
  stepPercent: z.number().optional(),
  /** linear: minutes between steps (0–1440). */
  stepMinutes: z.number().optional(),
  /** canary, linear, blue-green: minutes the new version serves alone before the old one is stopped (0–1440). */
  bakeMinutes: z.number().optional(),
});

/** Target-tracking autoscaling; every metric given adds one policy. */
export const scalingSchema = z.strictObject({
  /** Average CPU utilisation to hold, in percent. @default 60 */
  cpuPercent: z.number().optional(),
  /** Average memory utilisation to hold, in percent. @default none */
  memoryPercent: z.number().optional(),
  /** Requests per task per minute to hold (public services only). @default none */
  requestsPerTarget: z.number().optional(),
});

/** Fields a service may set at the top level and override per environment. */
const serviceTuning = {
  /** Fargate CPU units (256 = 0.25 vCPU). @default 256 */
  cpu: z.number().int().optional(),
  /** Memory in MiB; must be a Fargate pair with `cpu`. @default 512 */
  memory: z.number().int().optional(),
  /** CPU architecture of the image. @default 'arm64' */
  architecture: z.enum(['arm64', 'x86_64']).optional(),
  /** Fargate Spot or on-demand for this service. @default the environment's `capacity` */
  capacity: z.enum(['spot', 'on-demand']).optional(),
  /** Tasks running after a deploy. @default `minCount` */
  desiredCount: z.number().int().optional(),
  /** Fewest tasks autoscaling keeps. @default 1, production 2 */
  minCount: z.number().int().optional(),
  /** Most tasks autoscaling starts. @default 2 × desiredCount */
  maxCount: z.number().int().optional(),
  /** Autoscaling targets; replaces the default as a whole. @default { cpuPercent: 60 } */
  scaling: scalingSchema.optional(),
  /** Plain environment variables; an override adds to and replaces the top-level ones. @default {} */
  environment: z.record(z.string(), z.string()).optional(),
  /** Env var name → declared secret name; an override adds to the top-level ones. @default {} */
  secrets: z.record(z.string(), z.string()).optional(),
  /** Seconds between SIGTERM and SIGKILL (Fargate allows up to 120). @default 30 */
  stopTimeoutSeconds: z.number().int().optional(),
  /** Seconds failing health checks are ignored after a task starts. @default 60 */
  healthCheckGracePeriodSeconds: z.number().int().optional(),
  /** Rollout strategy; replaces the default as a whole. @default rolling, production canary 10 % / 10 min */
  deployment: deploymentSchema.optional(),
  /** CIDRs allowed to reach a public service; empty means anywhere. @default [] */
  allowedCidrs: z.array(z.string()).optional(),
  /**
   * Send each client back to the same task (load balancer cookie, 1 hour), for apps that keep
   * sessions in memory, such as pgAdmin. @default false
   */
  stickySessions: z.boolean().optional(),
  /**
   * User the container runs as: a uid, `uid:gid`, or a name the image defines; root is refused.
   * @default '1000' (the `node` user of the official Node images)
   */
  user: z.string().optional(),
  /** Mount the container's root filesystem read-only; writes go to `writablePaths`. @default true */
  readonlyRootFilesystem: z.boolean().optional(),
  /** Absolute paths the app writes to, each an empty task-storage volume; replaces the default. @default ['/tmp'] */
  writablePaths: z.array(z.string()).optional(),
};

/** Where a service's image is built from; paths are relative to the repository root. */
export const sourceSchema = z.strictObject({
  /**
   * Docker build context; a change under it rebuilds the service. With '.', the repository root (a
   * monorepo with one lockfile), the Dockerfile's folder is watched instead. @default 'apps/<service>'
   */
  context: z.string().optional(),
  /** Dockerfile, relative to `context`. @default 'Dockerfile' */
  dockerfile: z.string().optional(),
  /** More paths whose changes rebuild the service (shared code outside the context). @default [] */
  watch: z.array(z.string()).optional(),
});

/** How `slipway dev` runs a service on a developer's machine; services without it are skipped there. */
export const serviceDevSchema = z.strictObject({
  /** Shell command that starts the service; it gets PORT and the variables it gets in the cloud. */
  command: z.string(),
  /** Folder the command runs in, relative to the config file's folder. @default '.' */
  cwd: z.string().optional(),
  /** Variables for local runs only; they win over everything Slipway sets. @default {} */
  env: z.record(z.string(), z.string()).optional(),
});

/** A service's token check: it gets AUTH_USER_POOL_ID, AUTH_CLIENT_IDS and AUTH_WRITE_SCOPE. */
export const serviceAuthSchema = z.strictObject({
  /** Scope a token must carry to write, as `<resource server>/<scope>` (one for now); [] lets any accepted token write. */
  scopes: z.array(z.string()),
  /** App and machine clients whose tokens the service accepts. @default every client of the pool */
  clients: z.array(z.string()).optional(),
});

/** A containerised service, as declared once for every environment. */
export const serviceSchema = z.strictObject({
  /** Where the image comes from. */
  image: z
    .strictObject({
      /** ECR repository in the CI account. @default '<app>/<service>' */
      repository: z.string().optional(),
      /** Tag to run in every environment. @default the environment's `imageTag` */
      tag: z.string().optional(),
    })
    .optional(),
  /** Port the container listens on. */
  port: z.number().int(),
  /** Path the load balancer and ECS health checks call. @default '/healthz' */
  healthPath: z.string().optional(),
  /**
   * A command ECS runs inside the container to judge its health, exec form (`['node',
   * 'dist/healthcheck.js']`): exit 0 is healthy, three failures in a row replace the task. The
   * image's own HEALTHCHECK is not read by ECS. Behind an HTTP API, with no target group to check
   * the health path, it is the only way ECS learns a running task has stopped answering.
   * @default none
   */
  healthCheckCommand: z.array(z.string().min(1)).min(1).optional(),
  /** Behind the environment's load balancer; otherwise reachable only on private DNS. @default true */
  public: z.boolean().optional(),
  /** Path patterns the load balancer routes to this service. @default ['/*'] */
  paths: z.array(z.string()).optional(),
  /** Name of a declared database the service connects to. @default none */
  database: z.string().optional(),
  /** Name of a declared cache the service connects to; it gets `REDIS_URL`. @default none */
  cache: z.string().optional(),
  /**
   * Declared DynamoDB tables the service uses, and how: it gets `TABLE_<NAME>` with each table's
   * name and may read, or read and write, its items. @default {}
   */
  tables: z.record(z.string(), z.enum(['read', 'read-write'])).optional(),
  /** Declared topics the service publishes to: it gets `TOPIC_<NAME>` with each topic's ARN. @default [] */
  topics: z.array(z.string()).optional(),
  /** Declared queues the service sends to: it gets `QUEUE_<NAME>` with each queue's URL. @default [] */
  queues: z.array(z.string()).optional(),
  /** Where the generated workflows build the image from. @default { context: 'apps/<service>' } */
  source: sourceSchema.optional(),
  /** How `slipway dev` runs it locally. @default none (skipped by `slipway dev`) */
  dev: serviceDevSchema.optional(),
  /** Check Cognito access tokens on writes; needs the app's `auth`. @default none (no check) */
  auth: serviceAuthSchema.optional(),
  ...serviceTuning,
});

/** What one environment may change about a service. */
export const serviceOverrideSchema = z.strictObject({
  /** Image tag for this service in this environment. */
  image: z
    .strictObject({
      /** Tag to run here. @default the environment's `imageTag` */
      tag: z.string().optional(),
    })
    .optional(),
  ...serviceTuning,
});

/** Fields a database may set at the top level and override per environment. */
const databaseTuning = {
  /** PostgreSQL version. @default '17.6' */
  engineVersion: z.string().optional(),
  /** RDS instance class. @default 'db.t4g.micro' */
  instanceClass: z.string().optional(),
  /** gp3 storage in GB. @default 20 */
  allocatedStorageGb: z.number().int().optional(),
  /** Storage autoscaling ceiling in GB. @default 100 */
  maxAllocatedStorageGb: z.number().int().optional(),
  /** A standby in a second zone. @default false, production true */
  multiAz: z.boolean().optional(),
  /** Days of automated backups (1–35; production 7–35). @default 7 */
  backupRetentionDays: z.number().int().optional(),
  /** Refuse to delete the instance. @default false, production true */
  deletionProtection: z.boolean().optional(),
  /** Keep automated backups after the instance is deleted. @default false, production true */
  keepAutomatedBackups: z.boolean().optional(),
  /** What happens to the data when the stack drops the instance; 'destroy' is always rejected. @default 'snapshot' */
  removalPolicy: z.enum(['snapshot', 'retain', 'destroy']).optional(),
  /** Performance Insights. @default false, production true */
  performanceInsights: z.boolean().optional(),
  /** Seconds between enhanced monitoring samples (0, 1, 5, 10, 15, 30 or 60; 0 is off). @default 0, production 60 */
  monitoringIntervalSeconds: z.number().int().optional(),
  /** Port the instance listens on (1150–65535). @default 5432 */
  port: z.number().int().optional(),
  /** Read replicas of the instance, same class, for services' read-only queries (0–5). @default 0 */
  readReplicas: z.number().int().optional(),
};

/** A PostgreSQL instance, declared once and created in every environment. */
export const databaseSchema = z.strictObject({
  ...databaseTuning,
  /** Database created inside the instance. @default the app name with '-' → '_' */
  databaseName: z.string().optional(),
  /** Master user; its password is generated and rotated by RDS. @default 'postgres_admin' */
  masterUsername: z.string().optional(),
  /** Least-privilege role the services log in as (IAM authentication). @default 'app' */
  appUsername: z.string().optional(),
});

/** What one environment may change about a database. */
export const databaseOverrideSchema = z.strictObject(databaseTuning);

/** A Valkey cache (ElastiCache), declared once and made in every environment, which may override any field. */
export const cacheSchema = z.strictObject({
  /** ElastiCache node type. @default 'cache.t4g.micro' */
  nodeType: z.string().optional(),
  /** Valkey version. @default '8.0' */
  engineVersion: z.string().optional(),
  /** Nodes (1–6); two or more get Multi-AZ and automatic failover. @default 1, production 2 */
  nodes: z.number().int().optional(),
  /** Days of daily snapshots kept (0–35). @default 1, production 7 */
  snapshotRetentionDays: z.number().int().optional(),
});

/** A key attribute of a DynamoDB table: its name and type. */
export const tableKeySchema = z.strictObject({
  name: z.string(),
  /** @default 'string' */
  type: z.enum(['string', 'number', 'binary']).optional(),
});

/**
 * A DynamoDB table, made in every environment, on-demand, with point-in-time recovery; kept when
 * its stack goes, and protected from deletion in production.
 */
export const tableSchema = z.strictObject({
  /** The partition key. */
  partitionKey: tableKeySchema,
  /** The sort key. @default none */
  sortKey: tableKeySchema.optional(),
  /** Attribute holding an item's expiry (epoch seconds); DynamoDB deletes expired items. @default none */
  ttlAttribute: z.string().optional(),
  /** What the table's stream carries, for consumers of its changes. @default none (no stream) */
  stream: z.enum(['keys-only', 'new-image', 'old-image', 'new-and-old-images']).optional(),
});

/** What calls a function: a declared table's stream, a declared topic or a declared queue (one of them). */
export const functionEventsSchema = z.strictObject({
  /** Declared table whose stream calls the function; the table must set `stream`. */
  table: z.string().optional(),
  /** Declared topic whose messages reach the function through a queue of its own (fan-out). */
  topic: z.string().optional(),
  /** Declared queue the function reads; a queue has one reader, so no other function may name it. */
  queue: z.string().optional(),
  /** Records or messages per call (1–10000). @default 100 for a stream, 10 for a topic or a queue */
  batchSize: z.number().int().optional(),
  /**
   * Lambda event filter patterns, e.g. `{ eventName: ['INSERT'] }`; a record that matches none is
   * dropped unseen (and unbilled). At most 5. @default [] (every record)
   */
  filters: z.array(z.record(z.string(), z.unknown())).optional(),
  /** Where a new stream source starts reading: the oldest record kept (24 hours) or the next one. @default 'trim-horizon' */
  startingPosition: z.enum(['trim-horizon', 'latest']).optional(),
});

/** A TypeScript handler bundled offline with esbuild into an AWS Lambda function, in every environment. */
export const functionSchema = z.strictObject({
  /** The handler's `.ts` file, relative to the config file's folder. */
  entry: z.string(),
  /** The export Lambda calls. @default 'handler' */
  handler: z.string().optional(),
  /** Memory in MB (128–10240); CPU grows with it. @default 256 */
  memory: z.number().int().optional(),
  /** Seconds one call may run (1–900). @default 30 */
  timeoutSeconds: z.number().int().optional(),
  /** CPU architecture. @default 'arm64' */
  architecture: z.enum(['arm64', 'x86_64']).optional(),
  /** Concurrent calls reserved for (and capping) the function. @default none (the account's shared pool) */
  reservedConcurrency: z.number().int().optional(),
  /** Plain environment variables. @default {} */
  environment: z.record(z.string(), z.string()).optional(),
  /** Declared tables the function uses, and how: it gets `TABLE_<NAME>` like a service. @default {} */
  tables: z.record(z.string(), z.enum(['read', 'read-write'])).optional(),
  /** What calls the function. @default none (called by nothing Slipway makes) */
  events: functionEventsSchema.optional(),
});

/** An SNS topic, made in every environment; services publish to it, functions subscribe. */
export const topicSchema = z.strictObject({});

/**
 * A standard SQS queue (FIFO queues are not offered yet), made in every environment with a
 * dead-letter queue of its own; services send to it, one function reads it.
 */
export const queueSchema = z.strictObject({
  /**
   * Seconds a received message stays hidden from other receives (0–43200); at least six times the
   * reading function's timeout, as Lambda asks. @default six times the reading function's timeout (30 without one)
   */
  visibilityTimeoutSeconds: z.number().int().optional(),
  /** Days a message is kept unread (1–14). @default 4 */
  retentionDays: z.number().int().optional(),
  /** Receives of a message before it moves to the dead-letter queue (1–1000). @default 5 */
  maxReceiveCount: z.number().int().optional(),
});

/** A secret the services may read; exactly one source. Its value never appears in config. */
export const secretSchema = z.strictObject({
  /** Name of an existing SSM SecureString parameter. */
  ssm: z.string().optional(),
  /** Name of a Secrets Manager secret Slipway creates empty (and retains) for the team to fill. */
  secretsManager: z.string().optional(),
});

/** Cost-estimate assumptions. */
export const usageSchema = z.strictObject({
  /** Hours a month the environment runs. @default 730 */
  hoursPerMonth: z.number().optional(),
  /** Average load balancer capacity units. @default 1 */
  albLcu: z.number().optional(),
  /** GB of logs ingested a month across the environment. @default 1 */
  logGbPerMonth: z.number().optional(),
  /** GB each NAT gateway processes a month. @default 5 */
  natGbPerMonth: z.number().optional(),
  /** GB of images stored per ECR repository. @default 1 */
  ecrGbPerRepository: z.number().optional(),
  /** Users who sign in to the user pool in a month (the first 10,000 are free). @default 1000 */
  authMonthlyActiveUsers: z.number().optional(),
  /** Token requests a month per machine client (a token cached for an hour by one task is 720). @default 1000 */
  authTokenRequestsPerMonth: z.number().optional(),
  /** GB each DynamoDB table holds. @default 1 */
  tableGbPerTable: z.number().optional(),
  /** Millions of read request units a month per DynamoDB table. @default 1 */
  tableReadMillionsPerMonth: z.number().optional(),
  /** Millions of write request units a month per DynamoDB table. @default 1 */
  tableWriteMillionsPerMonth: z.number().optional(),
  /** Millions of calls a month per Lambda function. @default 1 */
  functionCallMillionsPerMonth: z.number().optional(),
  /** Average milliseconds a Lambda call runs (billed by the millisecond). @default 200 */
  functionAverageMs: z.number().optional(),
  /** Millions of requests a month per SQS queue (sends, receives and deletes). @default 1 */
  queueRequestMillionsPerMonth: z.number().optional(),
  /** Millions of messages published a month per SNS topic. @default 1 */
  topicPublishMillionsPerMonth: z.number().optional(),
  /** Millions of requests a month through the CloudFront distribution (and its WAF). @default 1 */
  edgeRequestMillionsPerMonth: z.number().optional(),
  /** GB CloudFront sends to viewers a month. @default 10 */
  edgeTransferGbPerMonth: z.number().optional(),
  /** Millions of requests a month through the environment's API Gateway HTTP APIs (512 KB each). @default 1 */
  httpApiRequestMillionsPerMonth: z.number().optional(),
});

/** The environment's VPC. */
export const networkSchema = z.strictObject({
  /** VPC CIDR (/16 to /28). @default '10.0.0.0/16' */
  cidr: z.string().optional(),
  /** Prefix length of every subnet. @default 20 */
  subnetMask: z.number().int().optional(),
  /** NAT gateways; 0 puts tasks in public subnets locked by security groups. @default 0, production 1 */
  natGateways: z.number().int().optional(),
  /** Networks this VPC is or will be connected to (peering, VPN); must not overlap it. @default [] */
  peerCidrs: z.array(z.string()).optional(),
  /** Days the VPC flow log keeps its events. @default the environment's `logRetentionDays` */
  flowLogRetentionDays: z.number().int().optional(),
});

/** A public host name for the environment's load balancer. */
export const domainSchema = z.strictObject({
  /** Host name, e.g. 'app.example.com'. */
  name: z.string(),
  /** ACM certificate ARN in the environment's account and region. */
  certificateArn: z.string(),
});

/** AWS managed WAF rule groups an edge may turn on, by Slipway's short name. */
export const wafRuleGroupSchema = z.enum([
  'common',
  'known-bad-inputs',
  'ip-reputation',
  'anonymous-ip',
  'sql-injection',
  'linux',
  'unix',
]);

/** AWS WAF on the CloudFront distribution (a web ACL in us-east-1). */
export const wafSchema = z.strictObject({
  /** AWS managed rule groups, each $1 a month. @default ['common', 'known-bad-inputs', 'ip-reputation'] */
  managedRules: z.array(wafRuleGroupSchema).optional(),
  /** Requests one IP may make in 5 minutes before it is blocked for a while (10–2,000,000,000); 0 turns the rule off. @default 2000 */
  rateLimit: z.number().int().optional(),
});

/** The edge's own host name: the certificate must be in us-east-1, where CloudFront reads it. */
export const edgeDomainSchema = z.strictObject({
  /** Host name viewers use, e.g. 'shop.example.com'. */
  name: z.string(),
  /** ACM certificate ARN in us-east-1 covering the name. */
  certificateArn: z.string(),
});

/** CloudFront in front of the environment's load balancer, which then becomes internal. */
export const edgeSchema = z.strictObject({
  /** Serve the public services through a CloudFront distribution with a VPC origin; false turns the edge off. */
  cloudfront: z.boolean(),
  /** AWS WAF on the distribution; `true` takes every default. @default none */
  waf: z.union([z.boolean(), wafSchema]).optional(),
  /** Host name and us-east-1 certificate. @default none (the distribution's *.cloudfront.net name) */
  domain: edgeDomainSchema.optional(),
  /** Path patterns CloudFront caches, with their time to live in seconds (e.g. { '/static/*': 86400 }); every other path goes to the services uncached. @default {} */
  cache: z.record(z.string(), z.number().int()).optional(),
  /** Edge locations that serve: 'PriceClass_100' (North America, Europe, Israel), 'PriceClass_200' or 'PriceClass_All'. @default 'PriceClass_100' */
  priceClass: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']).optional(),
});

/** A Kubernetes taint every node of a pool carries; only pods that tolerate it land there. */
export const taintSchema = z.strictObject({
  /** Taint key, e.g. 'slipway.dev/spot'. */
  key: z.string(),
  /** Taint value. @default '' */
  value: z.string().optional(),
  /** What the taint does to pods that do not tolerate it. */
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
});

/** A managed node group of the cluster, in the environment's private subnets. */
export const nodePoolSchema = z.strictObject({
  /** Spot or on-demand instances. @default system: 'on-demand'; others: the environment's `capacity` */
  capacity: z.enum(['spot', 'on-demand']).optional(),
  /** CPU architecture of the instances; must match their family (Graviton types end in 'g'). @default 'arm64' */
  architecture: z.enum(['arm64', 'x86_64']).optional(),
  /** EC2 instance types; the first is priced, several give Spot more pools. @default ['t4g.medium'] */
  instanceTypes: z.array(z.string()).optional(),
  /** Fewest nodes. @default 1, production 2 */
  minSize: z.number().int().optional(),
  /** Most nodes. @default system 2 (production 3), others 4 (production 6) */
  maxSize: z.number().int().optional(),
  /** Nodes after a deploy. @default `minSize` */
  desiredSize: z.number().int().optional(),
  /** Labels every node carries. @default { 'slipway.dev/pool': <name> } */
  labels: z.record(z.string(), z.string()).optional(),
  /** Taints every node carries. @default [] */
  taints: z.array(taintSchema).optional(),
});

/** The EKS cluster of an environment whose `runtime` is 'eks'. */
export const eksSchema = z.strictObject({
  /** Kubernetes minor version in standard support. @default '1.35' */
  version: z.string().optional(),
  /** CIDRs that may reach the public API endpoint; empty keeps it private to the VPC. @default [] */
  publicEndpointCidrs: z.array(z.string()).optional(),
  /** IAM role ARNs that administer the whole cluster. @default [] */
  admins: z.array(z.string()).optional(),
  /** IAM role ARNs that may edit the app's namespace only. @default [] */
  developers: z.array(z.string()).optional(),
  /** Node pools by name; a pool an environment names is merged field by field. @default system (on-demand) and workload (the environment's capacity) */
  nodePools: z.record(z.string(), nodePoolSchema).optional(),
  /** Folder in the repository that holds the Kubernetes objects Argo CD syncs. @default 'gitops' */
  gitopsPath: z.string().optional(),
  /**
   * Who starts the nodes: EKS managed node groups for every pool; Karpenter for every pool but
   * `system` (which runs Karpenter itself, on a managed node group); or EKS Auto Mode, which runs
   * the nodes, Karpenter and the core add-ons itself. @default 'managed'
   */
  nodes: z.enum(['managed', 'karpenter', 'auto']).optional(),
  /**
   * How pods get their secrets and connection settings: External Secrets Operator syncs them into
   * Kubernetes Secrets the pods read as variables, or the Secrets Store CSI driver mounts them
   * with the pod's own role. @default 'external-secrets'
   */
  secrets: z.enum(['external-secrets', 'secrets-store-csi']).optional(),
  /** EKS add-on versions by add-on name (e.g. { 'vpc-cni': 'v1.20.4-eksbuild.1' }); a name not installed by default is added. @default EKS's default version of each core add-on */
  addons: z.record(z.string(), z.string()).optional(),
  /**
   * The Datadog agent on every node, tolerating every taint, and with an application key the
   * services' monitors. An environment's fields override the app's one by one. @default none
   */
  datadog: z
    .strictObject({
      /** Declared secret that holds the Datadog API key. Required once the app's and environment's fields are merged. */
      apiKeySecret: z.string().optional(),
      /** Datadog site the agent reports to, e.g. 'datadoghq.eu'. @default 'datadoghq.com' */
      site: z.string().optional(),
      /**
       * Declared secret that holds a Datadog application key. With it, the Datadog Operator keeps
       * each service's monitors (pods unavailable, crash loops, error logs). @default none: no monitors
       */
      appKeySecret: z.string().optional(),
      /**
       * Who the monitors notify: Datadog handles such as '@slack-ops-alerts', '@pagerduty-web' or
       * '@oncall@example.com'. A production environment's monitors must notify someone. @default []
       */
      notify: z.array(z.string()).optional(),
    })
    .optional(),
});

/** Who hears of an alarm; every route subscribes to the environment's alarm topic. */
export const alertsSchema = z.strictObject({
  /** Addresses that get every alarm by email; each confirms its subscription once. @default [] */
  email: z.array(z.string()).optional(),
  /**
   * A Slack channel, through AWS's chat integration (Amazon Q Developer in chat applications);
   * authorise the workspace once in its console first. @default none
   */
  slack: z
    .strictObject({
      /** Workspace (team) id, e.g. 'T0123ABCD'. */
      workspaceId: z.string(),
      /** Channel id, e.g. 'C0123ABCD'; invite the AWS app to a private channel first. */
      channelId: z.string(),
    })
    .optional(),
  /** PagerDuty, through its CloudWatch integration. @default none */
  pagerduty: z
    .strictObject({
      /**
       * Name of an existing Secrets Manager secret, in the environment's account and region, whose
       * value is the integration URL (it holds the integration key, so it stays out of templates).
       */
      integrationUrlSecret: z.string(),
    })
    .optional(),
});

/** Datadog as the observability provider: the agent beside the services, monitors for the same signals. */
export const observabilityDatadogSchema = z.strictObject({
  /** Declared secret that holds the Datadog API key. */
  apiKeySecret: z.string().optional(),
  /** Datadog site, e.g. 'datadoghq.eu'; logs, traces and metrics all go there. @default 'datadoghq.com' */
  site: z.string().optional(),
  /** Declared secret that holds an application key; without one no monitors are made. @default none */
  appKeySecret: z.string().optional(),
  /** Datadog handles the monitors notify, e.g. '@slack-ops' or '@pagerduty-web'. @default [] */
  notify: z.array(z.string()).optional(),
});

/** Elastic as the observability provider: an OpenTelemetry collector exporting to Elastic. */
export const observabilityElasticSchema = z.strictObject({
  /** The Elastic APM server or managed OTLP endpoint, an https URL. */
  endpoint: z.string().optional(),
  /** Declared secret that holds the endpoint's API key. */
  apiKeySecret: z.string().optional(),
});

/**
 * How the environment is watched and who hears of trouble. An environment's fields win over the
 * app's one by one; its `alerts`, when given, replace the app's as a whole.
 */
export const observabilitySchema = z.strictObject({
  /** Where traces and metrics go: CloudWatch and X-Ray, Datadog, or Elastic. @default 'cloudwatch' */
  provider: z.enum(['cloudwatch', 'datadog', 'elastic']).optional(),
  /** Who hears of the environment's alarms. A production environment must route them somewhere. @default none */
  alerts: alertsSchema.optional(),
  /** 'essential' (rollback alarms and "service down") or 'all' (CPU, memory, database, queues, functions, error logs too). @default 'essential', production 'all' */
  alarms: z.enum(['essential', 'all']).optional(),
  /** OpenTelemetry traces through a collector sidecar in every task. @default false, production true */
  tracing: z.boolean().optional(),
  /** A CloudWatch Synthetics canary per public service, calling its health path every 5 minutes (about $10.50 a month each). @default false */
  uptime: z.boolean().optional(),
  /** A CloudWatch dashboard for the environment (the first three of an account are free). @default true */
  dashboard: z.boolean().optional(),
  /** Container Insights on the ECS cluster. @default 'standard', production 'enhanced' */
  containerInsights: z.enum(['off', 'standard', 'enhanced']).optional(),
  /** Datadog's settings, with `provider: 'datadog'`. */
  datadog: observabilityDatadogSchema.optional(),
  /** Elastic's settings, with `provider: 'elastic'`. */
  elastic: observabilityElasticSchema.optional(),
});

/** One deployment target: an account and region with its own stacks. */
export const environmentSchema = z.strictObject({
  /** 12-digit AWS account id, as a string. */
  account: z.string(),
  /** AWS region, e.g. 'us-east-1'. */
  region: z.string(),
  /** Zones to spread across, listed explicitly so synth needs no lookups (at least 2). */
  availabilityZones: z.array(z.string()),
  /** Strict defaults and strict checks. @default true when the name is 'prod' or 'production' */
  production: z.boolean().optional(),
  /** VPC layout. */
  network: networkSchema.optional(),
  /** Where the services run: ECS on Fargate, or an EKS cluster. @default the app's `runtime` */
  runtime: z.enum(['ecs', 'eks']).optional(),
  /** The cluster when `runtime` is 'eks'; fields here win over the app's `eks`. @default the app's `eks` */
  eks: eksSchema.optional(),
  /** Default capacity for the services. @default 'spot', production 'on-demand' */
  capacity: z.enum(['spot', 'on-demand']).optional(),
  /** Image tag the services run here. @default 'dev-latest', production 'latest' */
  imageTag: z.string().optional(),
  /** GitHub environment whose jobs may assume this environment's deploy role. @default the name, production 'production' */
  githubEnvironment: z.string().optional(),
  /** Per-service changes for this environment. @default {} */
  services: z.record(z.string(), serviceOverrideSchema).optional(),
  /** Per-database changes for this environment. @default {} */
  databases: z.record(z.string(), databaseOverrideSchema).optional(),
  /** Per-cache changes for this environment. @default {} */
  caches: z.record(z.string(), cacheSchema).optional(),
  /** Per-secret source changes for this environment. @default {} */
  secrets: z.record(z.string(), secretSchema).optional(),
  /** Public host name and certificate. @default none (HTTP on the load balancer's name) */
  domain: domainSchema.optional(),
  /** CloudFront (and optionally WAF) in front of the public services; the load balancer becomes internal. @default none */
  edge: edgeSchema.optional(),
  /**
   * What serves the public services: the shared load balancer, billed by the hour and by capacity
   * unit, or an API Gateway HTTP API through a VPC link, billed by the request (decision 027).
   * Sticky sessions, an `allowedCidrs` list, a canary, linear or blue/green deployment, an `edge`,
   * previews copied from the environment and EKS all need the load balancer, and so do requests
   * that run over 30 seconds and WebSockets. @default 'load-balancer'
   */
  ingress: z.enum(['load-balancer', 'http-api']).optional(),
  /** Days every log group keeps its events (a CloudWatch retention value). @default 30, production 365 */
  logRetentionDays: z.number().int().optional(),
  /**
   * Whose KMS keys encrypt the environment's data at rest: AWS's own ('aws-managed', free), or keys
   * the environment creates and rotates ('customer-managed', $1 a month each: one for the database
   * and secrets, one for log groups and alarm notifications). @default 'aws-managed'
   */
  encryption: z.enum(['aws-managed', 'customer-managed']).optional(),
  /** Monitoring for this environment, over the app's `observability`. @default the app's */
  observability: observabilitySchema.optional(),
  /** Cost assumptions for this environment, over the top-level ones. @default {} */
  usage: usageSchema.optional(),
});

/** The repository GitHub Actions deploys from. */
export const githubSchema = z.strictObject({
  /** 'owner/name', exactly; the deploy roles trust only this repository. */
  repository: z.string(),
  /** Branch whose pushes build and push images. @default 'main' */
  mainBranch: z.string().optional(),
  /** ARN of the account's existing GitHub OIDC provider; the CI stack then creates none. @default none */
  existingOidcProviderArn: z.string().optional(),
});

/** The GitLab project GitLab CI deploys from (with `delivery.ci: 'gitlab'`). */
export const gitlabSchema = z.strictObject({
  /** 'group/project' (subgroups allowed), exactly; the deploy roles trust only this project. */
  project: z.string(),
  /** Host name of the GitLab instance, the OIDC issuer `https://<host>`. @default 'gitlab.com' */
  host: z.string().optional(),
  /** Branch whose pipelines build images and deploy the non-production environments. @default 'main' */
  mainBranch: z.string().optional(),
  /** Protected branch whose pipelines deploy the production environments. @default 'production' */
  productionBranch: z.string().optional(),
  /** ARN of the account's existing OIDC provider for this GitLab instance; the CI stack then creates none. @default none */
  existingOidcProviderArn: z.string().optional(),
});

/** The account-level CI stack: OIDC provider, deploy roles, ECR repositories. */
export const ciSchema = z.strictObject({
  /** Account of the CI stack and the ECR repositories. @default the first environment's */
  account: z.string().optional(),
  /** Region of the CI stack and the ECR repositories. @default the first environment's */
  region: z.string().optional(),
  /** Images older than this many days expire, except the moving tags. @default 60 */
  maxImageAgeDays: z.number().int().optional(),
});

/** Commands the pull-request workflow runs before the plan. */
export const deliveryCommandsSchema = z.strictObject({
  /** Installs dependencies (Slipway among them). @default 'npm ci' */
  install: z.string().optional(),
  /** Lints the repository. @default 'npm run lint --if-present' */
  lint: z.string().optional(),
  /** Runs the tests. @default 'npm test --if-present' */
  test: z.string().optional(),
});

/** The cost increase a pull request's summary calls out: either threshold reached is enough. */
export const costAlertSchema = z.strictObject({
  /** Dollars a month more than the base branch's plan, all environments and CI together. @default 50 */
  monthlyUsd: z.number().optional(),
  /** Percent more than the base branch's plan's monthly total. @default 10 */
  percent: z.number().optional(),
});

/** How changes reach the environments: generated GitHub Actions workflows and, optionally, CodePipeline. */
export const deliverySchema = z.strictObject({
  /** Where the pipelines run: generated GitHub Actions workflows, or a generated `.gitlab-ci.yml`. @default 'github' */
  ci: z.enum(['github', 'gitlab']).optional(),
  /**
   * Who rolls the services out: GitHub Actions deploy jobs, or one AWS CodePipeline per
   * environment started by the environment's image tag in ECR. @default 'github-actions'
   */
  pipeline: z.enum(['github-actions', 'codepipeline']).optional(),
  /** Branch patterns whose pushes get a preview environment (`prefix*`); [] turns previews off. @default ['feat/*'] */
  previewBranches: z.array(z.string()).optional(),
  /** Environment previews are copies of, in its account and region. @default the first non-production environment */
  previewEnvironment: z.string().optional(),
  /** Previews older than this many days are removed by the nightly cleanup. @default 7 */
  previewMaxAgeDays: z.number().int().optional(),
  /** Node.js major version the workflows run Slipway with. @default '22' */
  nodeVersion: z.string().optional(),
  /**
   * How many service stacks `slipway deploy` and `destroy` run at once, here and in the generated
   * workflows (`--concurrency` overrides it); the layer stacks always go one at a time. @default 10
   */
  deployConcurrency: z.number().int().optional(),
  /** Commands the pull-request checks run. @default npm ci, npm run lint, npm test */
  commands: deliveryCommandsSchema.optional(),
  /**
   * When a pull request's plan costs this much more a month than its base branch's, the summary
   * says so first; `false` turns the callout off. @default { monthlyUsd: 50, percent: 10 }
   */
  costAlert: z.union([z.literal(false), costAlertSchema]).optional(),
});

/** A reviewed finding, accepted with its reason. */
export const acknowledgementSchema = z.strictObject({
  /** Rule id as reported, e.g. 'AwsSolutions-IAM5[Resource::*]' or 'Slipway-DB1'. */
  rule: z.string(),
  /** Stack the finding is in. @default every stack (not allowed for IAM5) */
  stack: z.string().optional(),
  /** Construct path or logical id. @default every resource of the stack (not allowed for IAM5) */
  resource: z.string().optional(),
  /** Why this is acceptable, for the reviewer who reads the plan. */
  reason: z.string(),
});

/** Optional check packs the plan runs. */
export const checksSchema = z.strictObject({
  /** AWS Control Tower's proactive controls (cfn-guard). @default true */
  controlTower: z.boolean().optional(),
});

/** Cognito user pool settings. */
export const userPoolSchema = z.strictObject({
  /** Second factor (TOTP apps); 'off' is refused in production. @default 'optional' */
  mfa: z.enum(['off', 'optional', 'required']).optional(),
  /** Fewest characters in a password (12–99); upper and lower case, digits and symbols are always required. @default 12 */
  passwordMinLength: z.number().int().optional(),
  /** Let anyone sign up from the sign-in page; otherwise administrators create users. @default false */
  selfSignUp: z.boolean().optional(),
  /** Prefix of the pool's Cognito domain (sign-in pages, token endpoint), unique in the region. @default '<app>-<env>' */
  domainPrefix: z.string().optional(),
});

/** A resource server: the API whose scopes clients ask for; its key is the identifier scopes start with. */
export const resourceServerSchema = z.strictObject({
  /** Scope name → description; a token carries `<identifier>/<name>`. */
  scopes: z.record(z.string(), z.string()),
});

/** A browser app (SPA) signing users in: authorization code with PKCE, no secret. */
export const appClientSchema = z.strictObject({
  /** Where Cognito may send the user after sign-in: https, or http on localhost. */
  callbackUrls: z.array(z.string()),
  /** Where Cognito may send the user after sign-out. @default the callback URLs */
  logoutUrls: z.array(z.string()).optional(),
  /** Resource-server scopes (`<server>/<scope>`) it may ask for, beside openid, email and profile. @default [] */
  scopes: z.array(z.string()).optional(),
});

/** A calling service's client: the client-credentials grant, with a secret. */
export const machineClientSchema = z.strictObject({
  /** Resource-server scopes (`<server>/<scope>`) it may ask for; at least one. */
  scopes: z.array(z.string()),
  /**
   * The service that signs in as this client: it gets AUTH_TOKEN_URL, AUTH_CALLER_CLIENT_ID,
   * AUTH_CALLER_SCOPES and the client's secret as AUTH_CALLER_CLIENT_SECRET. A client bound to no
   * service is for a caller outside the app. @default the service with the client's name, if any
   */
  service: z.string().optional(),
});

/** Sign-in for every environment: a Cognito user pool (Essentials tier), its resource servers and clients. */
export const authSchema = z.strictObject({
  /** The pool's settings. @default MFA optional, 12-character passwords, no self sign-up */
  userPool: userPoolSchema.optional(),
  /** Resource servers by identifier (e.g. 'orders'), with their scopes. @default {} */
  resourceServers: z.record(z.string(), resourceServerSchema).optional(),
  /** Browser app clients by name. @default {} */
  appClients: z.record(z.string(), appClientSchema).optional(),
  /** Machine (service-to-service) clients by name. @default {} */
  machineClients: z.record(z.string(), machineClientSchema).optional(),
  /** Minutes an access token is valid (5–1440); revoking a client takes effect within it. @default 60 */
  accessTokenValidityMinutes: z.number().int().optional(),
});

/** The whole `slipway.config.ts`. */
export const slipwayConfigSchema = z.strictObject({
  /** Lower-case app name; prefixes every stack, parameter and resource name. */
  app: z.string(),
  /** The GitHub repository the CI identity trusts (with `delivery.ci: 'github'`, the default). */
  github: githubSchema.optional(),
  /** The GitLab project the CI identity trusts (with `delivery.ci: 'gitlab'`). @default none */
  gitlab: gitlabSchema.optional(),
  /** Where the account-level CI stack lives. @default the first environment's account and region */
  ci: ciSchema.optional(),
  /** PostgreSQL instances by name (usually one, `main`). @default {} */
  databases: z.record(z.string(), databaseSchema).optional(),
  /** Valkey caches by name; a service asks for one with `cache`. @default {} */
  caches: z.record(z.string(), cacheSchema).optional(),
  /** DynamoDB tables by name; a service asks for them with `tables`. @default {} */
  tables: z.record(z.string(), tableSchema).optional(),
  /** Lambda functions by name, bundled from TypeScript; a table's stream may call them. @default {} */
  functions: z.record(z.string(), functionSchema).optional(),
  /** SNS topics by name; services publish with `topics`, functions subscribe with `events.topic`. @default {} */
  topics: z.record(z.string(), topicSchema).optional(),
  /** SQS queues by name; services send with `queues`, one function reads each with `events.queue`. @default {} */
  queues: z.record(z.string(), queueSchema).optional(),
  /** A Cognito user pool in every environment, its resource servers and clients. @default none */
  auth: authSchema.optional(),
  /** Secrets by name; services map env vars to them. @default {} */
  secrets: z.record(z.string(), secretSchema).optional(),
  /** Services by name. @default {} */
  services: z.record(z.string(), serviceSchema).optional(),
  /** Where every environment's services run, unless it says otherwise: ECS on Fargate or EKS. @default 'ecs' */
  runtime: z.enum(['ecs', 'eks']).optional(),
  /** The EKS cluster every 'eks' environment gets, unless it overrides fields. @default see docs */
  eks: eksSchema.optional(),
  /** Environments by name, in deploy order. */
  environments: z.record(z.string(), environmentSchema),
  /** Monitoring for every environment: provider, alert routes, traces, uptime, dashboards. @default CloudWatch, see docs */
  observability: observabilitySchema.optional(),
  /** Cost assumptions for every environment. @default see docs */
  usage: usageSchema.optional(),
  /** Findings accepted by design. @default [] */
  acknowledgements: z.array(acknowledgementSchema).optional(),
  /** Workflows, previews and the optional CodePipeline. @default GitHub Actions with previews for 'feat/*' */
  delivery: deliverySchema.optional(),
  /** Optional check packs. @default { controlTower: true } */
  checks: checksSchema.optional(),
});

export type SlipwayConfig = z.input<typeof slipwayConfigSchema>;
export type GithubConfig = z.input<typeof githubSchema>;
export type GitlabConfig = z.input<typeof gitlabSchema>;
export type CiConfig = z.input<typeof ciSchema>;
export type ServiceConfig = z.input<typeof serviceSchema>;
export type ServiceOverrideConfig = z.input<typeof serviceOverrideSchema>;
export type ScalingConfig = z.input<typeof scalingSchema>;
export type DeploymentConfig = z.input<typeof deploymentSchema>;
export type DatabaseConfig = z.input<typeof databaseSchema>;
export type DatabaseOverrideConfig = z.input<typeof databaseOverrideSchema>;
export type CacheConfig = z.input<typeof cacheSchema>;
export type TableConfig = z.input<typeof tableSchema>;
export type FunctionConfig = z.input<typeof functionSchema>;
export type TopicConfig = z.input<typeof topicSchema>;
export type QueueConfig = z.input<typeof queueSchema>;
export type SecretConfig = z.input<typeof secretSchema>;
export type EnvironmentConfig = z.input<typeof environmentSchema>;
export type NetworkConfig = z.input<typeof networkSchema>;
export type DomainConfig = z.input<typeof domainSchema>;
export type EdgeConfig = z.input<typeof edgeSchema>;
export type ObservabilityConfig = z.input<typeof observabilitySchema>;
export type AlertsConfig = z.input<typeof alertsSchema>;
export type UsageConfig = z.input<typeof usageSchema>;
export type AcknowledgementConfig = z.input<typeof acknowledgementSchema>;
export type SourceConfig = z.input<typeof sourceSchema>;
export type ServiceDevConfig = z.input<typeof serviceDevSchema>;
export type DeliveryConfig = z.input<typeof deliverySchema>;
export type CostAlertConfig = z.input<typeof costAlertSchema>;
export type ChecksConfig = z.input<typeof checksSchema>;
export type EksConfig = z.input<typeof eksSchema>;
export type NodePoolConfig = z.input<typeof nodePoolSchema>;
export type AuthConfig = z.input<typeof authSchema>;
export type ServiceAuthConfig = z.input<typeof serviceAuthSchema>;
