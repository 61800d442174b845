/**
 * The resolved model: what a validated `slipway.config.ts` means, one entry per environment, with
 * every default filled in. Pure data (no CDK, no functions), so stacks, checks, cost and workflows
 * can all be plain functions of it, and tests can build one by hand.
 */

import type { AuthModel, ServiceAuthModel } from './auth.js';
import type { EdgeModel } from './edge.js';
import type { EksClusterModel, Runtime } from './eks.js';
import type { FunctionModel, QueueModel, TopicModel } from './functions.js';
import type { Ingress, IngressChoice } from './ingress.js';
import type { ObservabilityModel } from './observability.js';
import type { TableAccess, TableModel } from './tables.js';

export type Architecture = 'arm64' | 'x86_64';
export type Capacity = 'spot' | 'on-demand';
export type Encryption = 'aws-managed' | 'customer-managed';

/** The whole application as planned. */
export interface AppModel {
  /** Lower-case app name; prefixes every stack, SSM parameter and resource name. */
  readonly app: string;
  /** GitHub repository the CI identity trusts; absent when the pipelines run on GitLab. */
  readonly github?: GithubModel;
  /** GitLab project the CI identity trusts; present only with `delivery.ci: 'gitlab'`. */
  readonly gitlab?: GitlabModel;
  /** Where the account-level CI stack (`<app>-ci`: OIDC, roles, ECR) lives. */
  readonly ci: CiModel;
  /** The environments, in the order the config declares them. */
  readonly environments: readonly EnvironmentModel[];
  /** Findings the team has reviewed and accepted, each with its reason. */
  readonly acknowledgements: readonly AcknowledgementModel[];
  /**
   * Workflows, previews and the optional CodePipeline. `resolveConfig` always sets it; a model
   * built by hand without it gets the defaults (`deliveryOf` in workflows/delivery.ts).
   */
  readonly delivery?: DeliveryModel;
  /** Which optional check packs run in the plan. A model built by hand without it runs none. */
  readonly checks?: ChecksModel;
}

/** Optional check packs, beside cdk-nag's AwsSolutions and Slipway's rules, which always run. */
export interface ChecksModel {
  /** AWS Control Tower's proactive controls, run with cfn-guard over every template. */
  readonly controlTower: boolean;
}

/** How changes reach the environments. */
export interface DeliveryModel {
  /** Where the pipelines run: generated GitHub Actions workflows or a generated `.gitlab-ci.yml`. @default 'github' */
  readonly ci?: 'github' | 'gitlab';
  /** Who rolls the services out: GitHub Actions jobs, or one CodePipeline per environment. */
  readonly pipeline: 'github-actions' | 'codepipeline';
  /** Per-branch preview environments; absent when previews are off. */
  readonly preview?: PreviewModel;
  /** Node.js major version the workflows run Slipway with. */
  readonly nodeVersion: string;
  /** Service stacks a deploy or destroy runs at once unless `--concurrency` says otherwise. A model built by hand without it gets the default. */
  readonly deployConcurrency?: number;
  /** Commands the pull-request checks run. */
  readonly commands: DeliveryCommandsModel;
  /** Where each service's image is built from, one entry per service. */
  readonly builds: readonly ServiceBuildModel[];
  /** The cost increase a pull request's summary calls out; false when off. A model built by hand without it gets the defaults. */
  readonly costAlert?: CostAlertModel | false;
}

/** A pull request's plan that costs this much more a month than its base's is called out; either threshold is enough. */
export interface CostAlertModel {
  /** Dollars a month more, all environments and CI together. */
  readonly monthlyUsd: number;
  /** Percent more than the base's monthly total. */
  readonly percent: number;
}

export interface DeliveryCommandsModel {
  readonly install: string;
  readonly lint: string;
  readonly test: string;
}

export interface PreviewModel {
  /** Branch patterns (`prefix*`) whose pushes get a preview. */
  readonly branches: readonly string[];
  /** The environment previews are copies of; its deploy role also trusts preview jobs. */
  readonly environment: string;
  /** GitHub environment preview jobs run in (`sub` = `repo:<repo>:environment:<this>`). */
  readonly githubEnvironment: string;
  /** The nightly cleanup removes previews older than this. */
  readonly maxAgeDays: number;
}

/** One service's image build: paths relative to the repository root. */
export interface ServiceBuildModel {
  readonly service: string;
  /** ECR repository name in the CI account. */
  readonly repository: string;
  /** Docker build context. */
  readonly context: string;
  /** Dockerfile path from the repository root. */
  readonly dockerfile: string;
  /** Paths whose changes rebuild the service: the context first, then the extra watched paths. */
  readonly watch: readonly string[];
  /** Tag the first environment runs, moved to every new build; absent when that tag is pinned. */
  readonly movingTag?: string;
}

export interface GithubModel {
  /** `owner/name`, exactly as on GitHub. */
  readonly repository: string;
  /** Branch whose pushes may build and push images. @default 'main' */
  readonly mainBranch: string;
  /** ARN of an OIDC provider the account already has; when set, the CI stack creates none. */
  readonly existingOidcProviderArn?: string;
}

export interface GitlabModel {
  /** `group/project` (subgroups allowed), exactly as on GitLab. */
  readonly project: string;
  /** Host of the GitLab instance. @default 'gitlab.com' */
  readonly host: string;
  /** Branch whose pipelines build images and deploy the non-production environments. @default 'main' */
  readonly mainBranch: string;
  /** Protected branch whose pipelines deploy the production environments. @default 'production' */
  readonly productionBranch: string;
  /** ARN of an OIDC provider the account already has for this instance; when set, the CI stack creates none. */
  readonly existingOidcProviderArn?: string;
}

export interface CiModel {
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  /** One ECR repository per distinct image repository name used by the services. */
  readonly repositories: readonly RepositoryModel[];
  /** Deploy roles, one per environment, trusted only for `environment:<name>`. */
  readonly deployRoles: readonly DeployRoleModel[];
}

export interface RepositoryModel {
  /** ECR repository name, e.g. `megadolls/web`. */
  readonly name: string;
  /** Tags that move between images (`latest`, `dev-latest`) and are exempt from immutability and expiry. */
  readonly movingTags: readonly string[];
  /** Tagged images older than this many days expire, except the moving tags. @default 60 */
  readonly maxImageAgeDays: number;
  /** Accounts (other than the CI account) whose environments pull from this repository. */
  readonly pullAccounts: readonly string[];
}

export interface DeployRoleModel {
  readonly environment: string;
  readonly account: string;
  readonly region: string;
  /** The GitHub environment whose jobs may assume it (`sub` = `repo:<repo>:environment:<name>`). */
  readonly githubEnvironment: string;
}

export interface EnvironmentModel {
  /** Lower-case, stack-name safe (`dev`, `prod`). */
  readonly name: string;
  readonly account: string;
  readonly region: string;
  /** Explicit zones, so synth needs no lookups. */
  readonly availabilityZones: readonly string[];
  /** Production gets the strict defaults and the strict validation. */
  readonly production: boolean;
  readonly network: NetworkModel;
  /** Default capacity for the environment's services. */
  readonly capacity: Capacity;
  readonly domain?: DomainModel;
  /** CloudFront (and WAF) in front of the public services, in the `<app>-<env>-edge` stack in us-east-1. @default none */
  readonly edge?: EdgeModel;
  /**
   * What serves the public ECS services: the shared load balancer or an HTTP API through a VPC
   * link. Nothing is built for it when no service is public; on EKS always the load balancer,
   * which the AWS Load Balancer Controller makes from the Ingresses.
   */
  readonly ingress: Ingress;
  /** Why `ingress` is what it is, and what rules the HTTP API out, for the plan. */
  readonly ingressChoice: IngressChoice;
  /**
   * Public services attached to no ingress and registered in no Cloud Map service: the first step
   * of a deploy that switches ingress (`deploy/ingress-switch.ts`), never set by the config.
   * @default false
   */
  readonly detachedFromIngress?: boolean;
  /** Databases by name (usually one, `main`). */
  readonly databases: readonly DatabaseModel[];
  /** Valkey caches by name. @default [] */
  readonly caches?: readonly CacheModel[];
  /** DynamoDB tables by name, in the data stack. @default [] */
  readonly tables?: readonly TableModel[];
  /** Lambda functions by name, in the functions stack. @default [] */
  readonly functions?: readonly FunctionModel[];
  /** SNS topics by name, in the functions stack. @default [] */
  readonly topics?: readonly TopicModel[];
  /** SQS queues by name, in the functions stack. @default [] */
  readonly queues?: readonly QueueModel[];
  /** The Cognito user pool, its resource servers and clients; in the data stack. @default none */
  readonly auth?: AuthModel;
  readonly services: readonly ServiceModel[];
  /**
   * Where the services run. On 'ecs' each gets a Fargate service in its own stack; on 'eks' they
   * become Kubernetes objects in the GitOps folder and the runtime stack is the cluster.
   * @default 'ecs'
   */
  readonly runtime?: Runtime;
  /** The cluster, when `runtime` is 'eks'. */
  readonly eks?: EksClusterModel;
  /** Secrets the services may read, declared by name; their values never appear in config. */
  readonly secrets: readonly SecretModel[];
  /** Days every log group keeps its events. */
  readonly logRetentionDays: number;
  /** Whose KMS keys encrypt data at rest; 'customer-managed' adds the environment's own keys. */
  readonly encryption: Encryption;
  /** Usage the cost estimate assumes for this environment. */
  readonly usage: UsageModel;
  /**
   * Provider, alert routes, alarms, traces, uptime, dashboard. `resolveConfig` always sets it; a
   * model built by hand without it gets the stage's defaults (`observabilityOf`).
   */
  readonly observability?: ObservabilityModel;
  /** The stack names of this environment, in deploy order. */
  readonly stackNames: EnvironmentStackNames;
}

export interface EnvironmentStackNames {
  readonly network: string;
  readonly data: string;
  /** The ECS runtime stack (cluster, load balancer), or on EKS the cluster stack (`<app>-<env>-cluster`). */
  readonly runtime: string;
  /** `<app>-<env>-functions`, when the environment has functions, topics or queues. */
  readonly functions?: string;
  /** `<app>-<env>-edge`, in us-east-1, when the environment has an edge. */
  readonly edge?: string;
  /**
   * `<app>-<env>-monitoring`, deployed last, when the environment has something to watch: the
   * dashboard, and the database, cache and load balancer alarms (`model/monitoring-layer.ts`).
   */
  readonly monitoring?: string;
  /** Service name → stack name; empty on EKS, where services are Kubernetes objects. */
  readonly services: Readonly<Record<string, string>>;
}

export interface NetworkModel {
  /** VPC CIDR. @default '10.0.0.0/16' */
  readonly cidr: string;
  /** Prefix length of each subnet. @default 20 */
  readonly subnetMask: number;
  /** 0 puts tasks in public subnets locked by security groups (the dev floor in COSTS.md). */
  readonly natGateways: number;
  /** Days the VPC flow log keeps its events. */
  readonly flowLogRetentionDays: number;
  /** Networks connected to this VPC (peering, VPN); validated not to overlap `cidr`. @default [] */
  readonly peerCidrs?: readonly string[];
}

export interface DomainModel {
  /** The public host name the load balancer answers, e.g. `app.example.com`. */
  readonly name: string;
  /** ACM certificate ARN in the environment's region. */
  readonly certificateArn: string;
}

export interface DatabaseModel {
  /** Name the services refer to (`main`). */
  readonly name: string;
  /** PostgreSQL version, e.g. '17.6'. */
  readonly engineVersion: string;
  /** e.g. 'db.t4g.micro'. */
  readonly instanceClass: string;
  readonly allocatedStorageGb: number;
  /** Storage autoscaling ceiling. */
  readonly maxAllocatedStorageGb: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  /** Automated backups are kept after the instance is deleted. */
  readonly keepAutomatedBackups: boolean;
  /** What happens to the data when the instance leaves its stack; 'destroy' is never allowed. @default 'snapshot' */
  readonly removalPolicy?: 'snapshot' | 'retain';
  readonly performanceInsights: boolean;
  /** Seconds between enhanced monitoring samples; 0 turns it off. @default 0, production 60 */
  readonly monitoringIntervalSeconds: number;
  /** Port the instance listens on; services get it as `DATABASE_PORT`. @default 5432 */
  readonly port: number;
  /**
   * Read replicas of the instance (same class, asynchronous); services get their endpoints as
   * `DATABASE_READER_HOSTS`. @default 0
   */
  readonly readReplicas: number;
  /** The database created inside the instance. @default the app name */
  readonly databaseName: string;
  /** Master user name; its password is managed and rotated by RDS. */
  readonly masterUsername: string;
  /** The least-privilege role services log in as, with IAM database authentication. */
  readonly appUsername: string;
}

/** A private ElastiCache for Valkey replication group (cluster mode off). */
export interface CacheModel {
  /** Name the services refer to (`sessions`). */
  readonly name: string;
  /** e.g. 'cache.t4g.micro'. */
  readonly nodeType: string;
  /** Valkey version, e.g. '8.0'. */
  readonly engineVersion: string;
  /** Nodes: 1, or a primary and replicas in other zones with Multi-AZ and automatic failover. */
  readonly nodes: number;
  /** Days of daily snapshots kept; 0 keeps none. */
  readonly snapshotRetentionDays: number;
}

export interface ServiceModel {
  readonly name: string;
  readonly image: {
    /** ECR repository name in the CI account and region. */
    readonly repository: string;
    readonly tag: string;
  };
  readonly port: number;
  /** Fargate CPU units (256 = 0.25 vCPU). */
  readonly cpu: number;
  /** MiB. */
  readonly memory: number;
  readonly architecture: Architecture;
  readonly capacity: Capacity;
  readonly healthPath: string;
  /** The container health check's command, exec form; none when the config sets none. */
  readonly healthCheckCommand?: readonly string[];
  /** Seconds ECS ignores failing health checks after a task starts. */
  readonly healthCheckGracePeriodSeconds: number;
  /** Public services sit behind the environment's load balancer; internal ones only have private DNS. */
  readonly public: boolean;
  /** When public: the CIDRs that may reach it. Empty means anywhere. */
  readonly allowedCidrs: readonly string[];
  /** Public services: the load balancer sends each client back to the same task (cookie, 1 hour). */
  readonly stickySessions?: boolean;
  /** Path patterns routed to this service on the shared load balancer. */
  readonly paths: readonly string[];
  readonly desiredCount: number;
  readonly minCount: number;
  readonly maxCount: number;
  readonly scaling: {
    readonly cpuPercent?: number;
    readonly memoryPercent?: number;
    readonly requestsPerTarget?: number;
  };
  /** Plain environment variables (names matching PASSWORD|SECRET|TOKEN|KEY are rejected). */
  readonly environment: Readonly<Record<string, string>>;
  /** Env var name → declared secret name. */
  readonly secrets: Readonly<Record<string, string>>;
  /** Declared database this service uses, if any. */
  readonly database?: string;
  /** Declared cache this service uses, if any; it gets `REDIS_URL`. */
  readonly cache?: string;
  /** Declared tables this service uses, and how; each gives it `TABLE_<NAME>`. @default {} */
  readonly tables?: Readonly<Record<string, TableAccess>>;
  /** Declared topics this service publishes to; each gives it `TOPIC_<NAME>`. @default [] */
  readonly topics?: readonly string[];
  /** Declared queues this service sends to; each gives it `QUEUE_<NAME>`. @default [] */
  readonly queues?: readonly string[];
  /** Seconds ECS waits after SIGTERM before SIGKILL. */
  readonly stopTimeoutSeconds: number;
  /** The container's user (`uid`, `uid:gid` or a name the image knows); never root. */
  readonly user: string;
  /** The container's root filesystem is read-only; only `writablePaths` take writes. */
  readonly readonlyRootFilesystem: boolean;
  /** Absolute paths mounted as empty task-storage volumes the container may write to. */
  readonly writablePaths: readonly string[];
  /** How new task sets replace old ones. */
  readonly deployment: DeploymentModel;
  /** How `slipway dev` runs the service locally; absent means `slipway dev` skips it. */
  readonly dev?: ServiceDevModel;
  /** Access-token check on writes: the service gets the AUTH_ variables. @default none */
  readonly auth?: ServiceAuthModel;
}

/** A service's local run: a shell command, where it runs, and local-only variables. */
export interface ServiceDevModel {
  /** Shell command that starts the service (it reads PORT and the cloud's variables). */
  readonly command: string;
  /** Folder the command runs in, relative to the config file's folder. @default '.' */
  readonly cwd: string;
  /** Variables for local runs only, applied over everything Slipway sets. @default {} */
  readonly env: Readonly<Record<string, string>>;
}

/**
 * ECS's native deployment strategies. `rolling` always has the circuit breaker with rollback;
 * every strategy rolls back on the service's 5xx and latency alarms.
 */
export interface DeploymentModel {
  readonly strategy: 'rolling' | 'canary' | 'linear' | 'blue-green';
  /** canary: share of traffic shifted first. */
  readonly canaryPercent?: number;
  /** linear: share of traffic added each step. */
  readonly stepPercent?: number;
  /** linear: minutes between steps. */
  readonly stepMinutes?: number;
  /**
   * canary, linear, blue-green: minutes the new version serves before the old one goes.
   * @default linear: stepMinutes
   */
  readonly bakeMinutes?: number;
}

export interface SecretModel {
  readonly name: string;
  /**
   * `ssm`: an existing SecureString parameter (CloudFormation cannot create those), read by name.
   * `secretsmanager`: a secret Slipway creates empty (retained) for the team to fill.
   */
  readonly source: 'ssm' | 'secretsmanager';
  /** SSM parameter name or Secrets Manager secret name. */
  readonly path: string;
}

export interface UsageModel {
  /** Hours a month the environment runs. @default 730 */
  readonly hoursPerMonth: number;
  /** Average load balancer capacity units. */
  readonly albLcu: number;
  /** GB of logs ingested per month across the environment. */
  readonly logGbPerMonth: number;
  /** GB processed per month by each NAT gateway. */
  readonly natGbPerMonth: number;
  /** GB of images stored per ECR repository. */
  readonly ecrGbPerRepository: number;
  /** Monthly active users of the user pool. @default 1000 (the pricer's, so models built by hand need not say) */
  readonly authMonthlyActiveUsers?: number;
  /** Token requests a month per machine client. @default 1000 */
  readonly authTokenRequestsPerMonth?: number;
  /** GB each DynamoDB table holds. */
  readonly tableGbPerTable: number;
  /** Millions of read request units a month per DynamoDB table. */
  readonly tableReadMillionsPerMonth: number;
  /** Millions of write request units a month per DynamoDB table. */
  readonly tableWriteMillionsPerMonth: number;
  /** Millions of calls a month per Lambda function. @default 1 (the pricer's, so models built by hand need not say) */
  readonly functionCallMillionsPerMonth?: number;
  /** Average milliseconds a Lambda call runs. @default 200 */
  readonly functionAverageMs?: number;
  /** Millions of requests a month per SQS queue. @default 1 */
  readonly queueRequestMillionsPerMonth?: number;
  /** Millions of messages published a month per SNS topic. @default 1 */
  readonly topicPublishMillionsPerMonth?: number;
  /** Millions of requests a month through the CloudFront distribution. @default 1 */
  readonly edgeRequestMillionsPerMonth?: number;
  /** GB CloudFront sends to viewers a month. @default 10 */
  readonly edgeTransferGbPerMonth?: number;
  /** Millions of requests a month through the environment's HTTP APIs. @default 1 */
  readonly httpApiRequestMillionsPerMonth?: number;
}

export interface AcknowledgementModel {
  /** Rule id as reported, e.g. `AwsSolutions-IAM5[Resource::*]` or `Slipway-DB1`. */
  readonly rule: string;
  /** Stack name this applies to; every stack when absent (never for IAM5). */
  readonly stack?: string;
  /** Construct path or logical id the finding is on; all resources of the stack when absent. */
  readonly resource?: string;
  readonly reason: string;
}
