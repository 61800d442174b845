/**
 * Every default in one place, split where production differs. Production defaults are the safe
 * ones (Multi-AZ, deletion protection, two tasks, canary); other environments default to the
 * cost floor in COSTS.md (Spot, no NAT, single-AZ). docs/config.md lists the same values.
 */
import type { Capacity, DeploymentModel, UsageModel } from '../../model/types.js';

/** Environment names that mean production when `production` is not set. */
export const PRODUCTION_NAMES: readonly string[] = ['prod', 'production'];

export const NETWORK_DEFAULTS = {
  cidr: '10.0.0.0/16',
  subnetMask: 20,
} as const;

export const SERVICE_DEFAULTS = {
  cpu: 256,
  memory: 512,
  architecture: 'arm64',
  healthPath: '/healthz',
  public: true,
  paths: ['/*'],
  scaling: { cpuPercent: 60 },
  stopTimeoutSeconds: 30,
  healthCheckGracePeriodSeconds: 60,
  // The `node` user of the official Node images; the container runs read-only but for /tmp.
  user: '1000',
  readonlyRootFilesystem: true,
  writablePaths: ['/tmp'],
} as const;

export const DATABASE_DEFAULTS = {
  engineVersion: '17.6',
  instanceClass: 'db.t4g.micro',
  allocatedStorageGb: 20,
  maxAllocatedStorageGb: 100,
  backupRetentionDays: 7,
  removalPolicy: 'snapshot',
  port: 5432,
  readReplicas: 0,
  masterUsername: 'postgres_admin',
  appUsername: 'app',
} as const;

export const CACHE_DEFAULTS = {
  nodeType: 'cache.t4g.micro',
  engineVersion: '8.0',
} as const;

export const USAGE_DEFAULTS: UsageModel = {
  hoursPerMonth: 730,
  albLcu: 1,
  logGbPerMonth: 1,
  natGbPerMonth: 5,
  ecrGbPerRepository: 1,
  tableGbPerTable: 1,
  tableReadMillionsPerMonth: 1,
  tableWriteMillionsPerMonth: 1,
};

/** Delivery: GitHub Actions, previews for `feat/*` branches (seed 002), sources under `apps/`. */
export const DELIVERY_DEFAULTS = {
  ci: 'github',
  pipeline: 'github-actions',
  previewBranches: ['feat/*'],
  previewGithubEnvironment: 'preview',
  previewMaxAgeDays: 7,
  nodeVersion: '22',
  // Ten service stacks settle their ECS deployments together, so an app of up to ten services
  // deploys in about the time of one (docs/benchmarks-deploy.md, decision 032); more than that
  // goes in waves rather than piling change sets onto CloudFormation's API rates at once.
  deployConcurrency: 10,
  sourceRoot: 'apps',
  dockerfile: 'Dockerfile',
  commands: {
    install: 'npm ci',
    lint: 'npm run lint --if-present',
    test: 'npm test --if-present',
  },
  // $50 a month is about what a small database or a NAT gateway adds: worth a reviewer's look
  // whatever the app costs; 10 % catches a small app doubling its bill by smaller sums.
  costAlert: { monthlyUsd: 50, percent: 10 },
} as const;

/** A GitLab project's defaults: gitlab.com, builds from main, production from a protected branch. */
export const GITLAB_DEFAULTS = {
  host: 'gitlab.com',
  mainBranch: 'main',
  productionBranch: 'production',
} as const;

/**
 * EKS: the newest Kubernetes version in standard support when these defaults were set (1.35 is in
 * standard support until 2027-03-27, per the EKS version calendar), and two node pools: a small
 * on-demand `system` pool for controllers and DNS, and a `workload` pool on the environment's
 * capacity. Spot pools list several Graviton types of the same size, so Spot has more pools to draw from.
 */
export const EKS_DEFAULTS = {
  version: '1.35',
  gitopsPath: 'gitops',
  datadogSite: 'datadoghq.com',
  nodePools: { system: {}, workload: {} },
  spotInstanceTypes: ['t4g.medium', 'm7g.medium', 'm6g.medium'],
  development: { minSize: 1, systemMaxSize: 2, workloadMaxSize: 4, workloadInstanceTypes: ['t4g.medium'] },
  production: { minSize: 2, systemMaxSize: 3, workloadMaxSize: 6, workloadInstanceTypes: ['m7g.large'] },
} as const;

/** The label every node carries with its pool's name; pods can select a pool by it. */
export const NODE_POOL_LABEL = 'slipway.dev/pool';

/** Images older than two months expire (seed 004), except the moving tags. */
export const MAX_IMAGE_AGE_DAYS = 60;

/** Defaults that depend on whether the environment is production. */
export interface StageDefaults {
  readonly natGateways: number;
  readonly capacity: Capacity;
  readonly imageTag: string;
  readonly minCount: number;
  readonly deployment: DeploymentModel;
  readonly multiAz: boolean;
  readonly deletionProtection: boolean;
  readonly keepAutomatedBackups: boolean;
  readonly performanceInsights: boolean;
  readonly monitoringIntervalSeconds: number;
  readonly logRetentionDays: number;
  /** Nodes of a cache: production keeps a replica in a second zone to fail over to. */
  readonly cacheNodes: number;
  readonly cacheSnapshotRetentionDays: number;
}

const PRODUCTION: StageDefaults = {
  natGateways: 1,
  capacity: 'on-demand',
  imageTag: 'latest',
  minCount: 2,
  deployment: { strategy: 'canary', canaryPercent: 10, bakeMinutes: 10 },
  multiAz: true,
  deletionProtection: true,
  keepAutomatedBackups: true,
  performanceInsights: true,
  monitoringIntervalSeconds: 60,
  logRetentionDays: 365,
  cacheNodes: 2,
  cacheSnapshotRetentionDays: 7,
};

const DEVELOPMENT: StageDefaults = {
  natGateways: 0,
  capacity: 'spot',
  imageTag: 'dev-latest',
  minCount: 1,
  deployment: { strategy: 'rolling' },
  multiAz: false,
  deletionProtection: false,
  keepAutomatedBackups: false,
  performanceInsights: false,
  monitoringIntervalSeconds: 0,
  logRetentionDays: 30,
  cacheNodes: 1,
  // One snapshot per cache is stored free, so a day's retention costs nothing.
  cacheSnapshotRetentionDays: 1,
};

export function stageDefaults(production: boolean): StageDefaults {
  return production ? PRODUCTION : DEVELOPMENT;
}

/** The database created inside the instance: the app name as a PostgreSQL identifier. */
export function defaultDatabaseName(app: string): string {
  return app.replaceAll('-', '_');
}

/** The GitHub environment that gates deploys: `production` for production, else the name. */
export function defaultGithubEnvironment(name: string, production: boolean): string {
  return production ? 'production' : name;
}
