/**
 * Valid `slipway.config.ts` contents drawn at random from the space the schema and the validators
 * allow: any region Slipway accepts, every account layout, 0–3 databases, a cache or none, 1–8
 * public and internal services with every deployment strategy and scaling mode, secrets of both
 * kinds, domains, previews on and off, both delivery modes, alert routes (always in production).
 * Each draw is valid by construction; a draw the validator rejects is a bug in one of the two, and
 * the tests say which field.
 */
import fc from 'fast-check';
import type {
  AlertsConfig,
  CacheConfig,
  DatabaseConfig,
  DeploymentConfig,
  EdgeConfig,
  EnvironmentConfig,
  ScalingConfig,
  SecretConfig,
  ServiceConfig,
  ServiceOverrideConfig,
  ObservabilityConfig,
  SlipwayConfig,
} from '../../src/config/schema.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { observabilityOf } from '../../src/model/observability.js';
import { TELEMETRY_SIDECAR_MEMORY_MIB, MIN_APP_MEMORY_MIB } from '../../src/model/telemetry-sidecar.js';
import { uptimePlan } from '../../src/model/uptime.js';
import {
  type DatabaseChoice,
  offersHttpApi,
  offersLayer,
  orderableDatabaseChoices,
  zonesOf,
} from './region-choices.js';

/** Regions a draw may use; every one the config accepts. */
export interface DrawOptions {
  readonly regions: readonly string[];
}

const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444'] as const;

/** Who owns which account: the layouts teams actually use. */
type AccountLayout = 'one-account' | 'account-per-environment' | 'separate-ci-account';

const FARGATE_PAIRS: readonly (readonly [number, number])[] = [
  [256, 512],
  [256, 1024],
  [512, 1024],
  [512, 2048],
  [1024, 2048],
  [1024, 4096],
  [2048, 4096],
];

const SERVICE_NAMES = ['web', 'api', 'worker', 'admin', 'orders', 'billing', 'search', 'auth'] as const;
const DATABASE_NAMES = ['main', 'reports', 'audit'] as const;

interface EnvironmentPlanDraw {
  readonly name: string;
  readonly production: boolean;
  readonly region: string;
  readonly zoneCount: number;
}

const environmentShape = (regions: readonly string[]) =>
  fc
    .record({
      // dev only, dev + prod, or dev + staging + prod: production last, as teams deploy.
      kind: fc.constantFrom('dev', 'dev-prod', 'dev-staging-prod', 'prod-only'),
      homeRegion: fc.constantFrom(...regions),
      // Production in another region than the rest (seed 004 runs prod in af-south-1).
      prodRegion: fc.option(fc.constantFrom(...regions), { nil: undefined }),
      zoneCounts: fc.array(fc.constantFrom(2, 3), { minLength: 3, maxLength: 3 }),
    })
    .map(({ kind, homeRegion, prodRegion, zoneCounts }) => {
      const names: [string, boolean][] =
        kind === 'dev'
          ? [['dev', false]]
          : kind === 'dev-prod'
            ? [
                ['dev', false],
                ['prod', true],
              ]
            : kind === 'prod-only'
              ? [['prod', true]]
              : [
                  ['dev', false],
                  ['staging', false],
                  ['prod', true],
                ];
      return names.map(([name, production], index): EnvironmentPlanDraw => ({
        name,
        production,
        region: production && prodRegion ? prodRegion : homeRegion,
        zoneCount: Math.min(
          zoneCounts[index]!,
          zonesOf(production && prodRegion ? prodRegion : homeRegion).length,
        ),
      }));
    });

/**
 * Traffic percentages in tenths between `from` and `to` tenths, as ECS takes them, among those the
 * AWS::ECS::Service schema's floating-point multipleOf 0.1 accepts (the validator refuses the rest).
 */
const exactTenths = (from: number, to: number): fc.Arbitrary<number> =>
  fc
    .integer({ min: from, max: to })
    .map((tenths) => tenths / 10)
    .filter((value) => Number.isInteger(value / 0.1));

const deploymentFor = (isPublic: boolean): fc.Arbitrary<DeploymentConfig | undefined> =>
  isPublic
    ? fc.oneof(
        fc.constant(undefined),
        fc.constant<DeploymentConfig>({ strategy: 'rolling' }),
        fc.record({
          strategy: fc.constant('canary' as const),
          canaryPercent: exactTenths(1, 1000),
          bakeMinutes: fc.integer({ min: 0, max: 30 }),
        }),
        fc
          .record({
            strategy: fc.constant('linear' as const),
            stepPercent: exactTenths(30, 1000),
            stepMinutes: fc.integer({ min: 0, max: 15 }),
            bakeMinutes: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
          })
          .map(dropUndefined),
        fc.record({
          strategy: fc.constant('blue-green' as const),
          bakeMinutes: fc.integer({ min: 0, max: 30 }),
        }),
      )
    : fc.constantFrom(undefined, { strategy: 'rolling' as const });

const scalingFor = (isPublic: boolean): fc.Arbitrary<ScalingConfig | undefined> =>
  fc
    .record({
      cpuPercent: fc.option(fc.integer({ min: 20, max: 90 }), { nil: undefined }),
      memoryPercent: fc.option(fc.integer({ min: 20, max: 90 }), { nil: undefined }),
      requestsPerTarget: isPublic
        ? fc.option(fc.integer({ min: 50, max: 5000 }), { nil: undefined })
        : fc.constant(undefined),
    })
    .map((scaling) => {
      const defined = dropUndefined(scaling);
      // At least one metric, so a service that may scale has something to scale on.
      return Object.keys(defined).length === 0 ? { cpuPercent: 60 } : defined;
    });

interface ServiceDraw {
  readonly name: string;
  readonly config: ServiceConfig;
}

const serviceDraw = (
  name: string,
  isPublic: boolean,
  routeIndex: number,
  databases: readonly string[],
  secrets: readonly string[],
): fc.Arbitrary<ServiceDraw> =>
  fc
    .record({
      port: fc.constantFrom(80, 3000, 8000, 8080),
      size: fc.constantFrom(...FARGATE_PAIRS),
      architecture: fc.option(fc.constantFrom('arm64' as const, 'x86_64' as const), { nil: undefined }),
      capacity: fc.option(fc.constantFrom('spot' as const, 'on-demand' as const), { nil: undefined }),
      database:
        databases.length > 0
          ? fc.option(fc.constantFrom(...databases), { nil: undefined })
          : fc.constant(undefined),
      secretRefs: fc.subarray([...secrets]),
      maxCount: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
      scaling: scalingFor(isPublic),
      deployment: deploymentFor(isPublic),
      healthPath: fc.option(fc.constantFrom('/healthz', '/health', '/status/ready'), { nil: undefined }),
      stickySessions: isPublic ? fc.option(fc.boolean(), { nil: undefined }) : fc.constant(undefined),
      allowedCidrs: isPublic
        ? fc.option(fc.constantFrom<string[]>(['203.0.113.0/24'], ['198.51.100.0/24', '192.0.2.10/32']), {
            nil: undefined,
          })
        : fc.constant(undefined),
      env: fc.option(
        fc.constantFrom<Record<string, string>>({ LOG_LEVEL: 'info' }, { FEATURE_FLAGS: 'a,b', TZ: 'UTC' }),
        {
          nil: undefined,
        },
      ),
    })
    .map((draw) => {
      const secretEnv = Object.fromEntries(
        draw.secretRefs.map((secret) => [
          `${secret.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_VALUE`,
          secret,
        ]),
      );
      const config: ServiceConfig = dropUndefined({
        port: draw.port,
        cpu: draw.size[0],
        memory: draw.size[1],
        public: isPublic,
        // The first public service takes every path; the others a prefix of their own.
        paths: isPublic && routeIndex > 0 ? [`/${name}/*`] : undefined,
        architecture: draw.architecture,
        capacity: draw.capacity,
        database: draw.database,
        secrets: Object.keys(secretEnv).length > 0 ? secretEnv : undefined,
        maxCount: draw.maxCount,
        scaling: draw.scaling,
        deployment: draw.deployment,
        healthPath: draw.healthPath,
        stickySessions: draw.stickySessions,
        allowedCidrs: draw.allowedCidrs,
        environment: draw.env,
      });
      return { name, config };
    });

const databaseDraw = (choices: readonly DatabaseChoice[]): fc.Arbitrary<DatabaseConfig> =>
  fc
    .record({
      choice: fc.constantFrom(...choices),
      allocatedStorageGb: fc.option(fc.constantFrom(20, 50, 100), { nil: undefined }),
      backupRetentionDays: fc.option(fc.integer({ min: 7, max: 35 }), { nil: undefined }),
      readReplicas: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    })
    .map((draw) =>
      dropUndefined({
        engineVersion: draw.choice.version,
        instanceClass: draw.choice.instanceClass,
        allocatedStorageGb: draw.allocatedStorageGb,
        backupRetentionDays: draw.backupRetentionDays,
        readReplicas: draw.readReplicas,
      }),
    );

const secretsDraw: fc.Arbitrary<Record<string, SecretConfig>> = fc
  .subarray(['stripeKey', 'apiToken', 'sessionKey'] as const)
  .chain((names) =>
    fc
      .tuple(...names.map(() => fc.boolean()))
      .map((kinds) =>
        Object.fromEntries(
          names.map((name, index) => [
            name,
            kinds[index]
              ? { ssm: `/shared/${name.toLowerCase()}` }
              : { secretsManager: `apps/${name.toLowerCase()}` },
          ]),
        ),
      ),
  );

/**
 * How one environment is watched: the provider (CloudWatch in half the draws), traces, an uptime
 * canary (kept only where one can reach every public service), the alarm level, Container
 * Insights and the dashboard, each left to the stage's default in some draws.
 */
const watchDraw = fc.record({
  provider: fc.constantFrom(
    'cloudwatch' as const,
    'cloudwatch' as const,
    'datadog' as const,
    'elastic' as const,
  ),
  tracing: fc.option(fc.boolean(), { nil: undefined }),
  uptime: fc.boolean(),
  alarms: fc.option(fc.constantFrom('essential' as const, 'all' as const), { nil: undefined }),
  containerInsights: fc.option(fc.constantFrom('off' as const, 'standard' as const, 'enhanced' as const), {
    nil: undefined,
  }),
  dashboard: fc.option(fc.boolean(), { nil: undefined }),
});

/** A whole valid config. */
export function validConfig(options: DrawOptions): fc.Arbitrary<SlipwayConfig> {
  return fc
    .record({
      app: fc.constantFrom('shop', 'orders', 'parrot', 'ledger-api', 'm'),
      environments: environmentShape(options.regions),
      layout: fc.constantFrom<AccountLayout>('one-account', 'account-per-environment', 'separate-ci-account'),
      databaseCount: fc.integer({ min: 0, max: 3 }),
      // A cache in one draw in four, asked for by the first service, sometimes with settings of its own.
      cache: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 3 },
        {
          arbitrary: fc.constantFrom<CacheConfig>(
            {},
            { nodeType: 'cache.t4g.small', snapshotRetentionDays: 3 },
          ),
          weight: 1,
        },
      ),
      serviceCount: fc.integer({ min: 1, max: 8 }),
      publicFlags: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      secrets: secretsDraw,
      delivery: fc.constantFrom('github-actions' as const, 'codepipeline' as const),
      // Where a team with CodePipeline puts its CI stack when the environments' region has no CodeBuild.
      pipelineRegion: fc.constantFrom(...options.regions.filter((region) => offersLayer(region, 'pipeline'))),
      previews: fc.boolean(),
      // The Control Tower pack is on by default and costs most of a plan's time (cfn-guard), so
      // one draw in five keeps the default and the rest turn it off; test:wide draws twenty times
      // as many.
      checks: fc.option(fc.constant({ controlTower: false }), { nil: undefined, freq: 5 }),
      domainOn: fc.boolean(),
      natGateways: fc.constantFrom(0, 1, 2),
      // One per environment, in order: EKS in about one draw in four, where the region offers it.
      eks: fc.array(fc.constantFrom(false, false, false, true), { minLength: 3, maxLength: 3 }),
      // A DynamoDB table the first service writes and the second reads, with a sort key, a
      // stream and an expiry attribute, or some of them.
      table: fc.option(fc.record({ sortKey: fc.boolean(), stream: fc.boolean(), ttl: fc.boolean() }), {
        nil: undefined,
      }),
      // A Cognito pool whose first service and public services check tokens for a write scope, with
      // a machine client or not (the `worker` service, when drawn, signs in as it); not on EKS,
      // which does not take auth yet.
      auth: fc.option(fc.record({ machineClient: fc.boolean() }), { nil: undefined }),
      // One per environment, in order: CloudFront in front (about one in three), where the
      // environment runs on ECS with a public service and is not the one previews copy.
      edge: fc.array(fc.constantFrom(false, false, true), { minLength: 3, maxLength: 3 }),
      // The edges' WAF: none, every default, or one group with a rate rule of its own.
      edgeWaf: fc.constantFrom<EdgeConfig['waf']>(undefined, true, {
        managedRules: ['known-bad-inputs'],
        rateLimit: 500,
      }),
      // On EKS: no Datadog, the agent alone, or the agent and the services' monitors.
      datadog: fc.constantFrom(undefined, 'agent' as const, 'monitors' as const),
      // One per environment, in order: AWS's keys, the environment's own, or the default.
      encryption: fc.array(
        fc.option(fc.constantFrom('aws-managed' as const, 'customer-managed' as const), { nil: undefined }),
        { minLength: 3, maxLength: 3 },
      ),
      network: fc.constantFrom<{ cidr?: string; subnetMask?: number }>(
        {},
        { cidr: '10.20.0.0/16' },
        { cidr: '172.16.0.0/20', subnetMask: 24 },
      ),
      // One per environment, in order: how it is watched.
      watching: fc.array(watchDraw, { minLength: 3, maxLength: 3 }),
    })
    .chain((shape) => {
      const regions = [...new Set(shape.environments.map((env) => env.region))];
      const choices = orderableDatabaseChoices(regions);
      // Regions with no class in common can hold no database one config declares for all of them.
      const databases = DATABASE_NAMES.slice(0, choices.length > 0 ? shape.databaseCount : 0);
      const secretNames = Object.keys(shape.secrets);
      const names = SERVICE_NAMES.slice(0, shape.serviceCount);
      let publicIndex = 0;
      const services = names.map((name, index) => {
        const isPublic = shape.publicFlags[index]!;
        return serviceDraw(name, isPublic, isPublic ? publicIndex++ : 0, databases, secretNames);
      });
      return fc
        .record({
          services: fc.tuple(...services),
          databases: fc.tuple(...databases.map(() => databaseDraw(choices))),
        })
        .map(({ services: drawn, databases: drawnDatabases }) =>
          keepPossibleUptime(
            assemble(
              shape,
              drawn,
              Object.fromEntries(databases.map((name, i) => [name, drawnDatabases[i]!])),
            ),
          ),
        );
    });
}

interface Shape {
  readonly app: string;
  readonly environments: readonly EnvironmentPlanDraw[];
  readonly layout: AccountLayout;
  readonly secrets: Record<string, SecretConfig>;
  readonly cache: CacheConfig | undefined;
  readonly delivery: 'github-actions' | 'codepipeline';
  readonly pipelineRegion: string;
  readonly previews: boolean;
  readonly checks: { readonly controlTower: boolean } | undefined;
  readonly domainOn: boolean;
  readonly natGateways: number;
  /** Per environment: runs on EKS (when its region offers the cluster stack's types). */
  readonly eks: readonly boolean[];
  readonly datadog: 'agent' | 'monitors' | undefined;
  readonly edge: readonly boolean[];
  readonly edgeWaf: EdgeConfig['waf'];
  readonly table: { readonly sortKey: boolean; readonly stream: boolean; readonly ttl: boolean } | undefined;
  readonly auth: { readonly machineClient: boolean } | undefined;
  readonly encryption: readonly ('aws-managed' | 'customer-managed' | undefined)[];
  readonly network: { readonly cidr?: string; readonly subnetMask?: number };
  readonly watching: readonly WatchDraw[];
}

type WatchDraw = typeof watchDraw extends fc.Arbitrary<infer T> ? T : never;

function assemble(
  shape: Shape,
  services: readonly ServiceDraw[],
  databases: Record<string, DatabaseConfig>,
): SlipwayConfig {
  const accountOf = (index: number): string =>
    shape.layout === 'one-account' ? ACCOUNTS[0] : ACCOUNTS[Math.min(index + 1, ACCOUNTS.length - 1)]!;
  const hasPublic = services.some((s) => s.config.public);
  // EKS needs GitHub Actions delivery (CodePipeline's deploy action is ECS's) and a region with EKS.
  const onEks = shape.environments.map(
    (env, index) =>
      shape.delivery === 'github-actions' && shape.eks[index]! && offersLayer(env.region, 'cluster'),
  );
  const anyEks = onEks.some(Boolean);
  const hasNonProduction = shape.environments.some((env) => !env.production);
  // Previews copy the first non-production environment, which must run on ECS.
  const previewTarget = shape.environments.findIndex((env) => !env.production);
  const previewsPossible = hasNonProduction && !onEks[previewTarget];
  const previewsOn = shape.previews && previewsPossible;
  // A preview listens on a port of its environment's load balancer, which an edge makes internal.
  const behindEdge = shape.environments.map(
    (_, index) =>
      shape.edge[index]! && !onEks[index] && hasPublic && !(previewsOn && index === previewTarget),
  );
  // Where an HTTP API can serve (config/resolve/ingress.ts): ECS, no edge, a region that offers
  // it (previews take routes of their own on it). What the services ask of the load balancer
  // (sticky sessions, allow-lists, request-count scaling, a traffic-shifting rollout) that
  // environment overrides away.
  const onHttpApi = shape.environments.map(
    (env, index) =>
      hasPublic &&
      !onEks[index] &&
      !behindEdge[index] &&
      offersHttpApi(env.region) &&
      (shape.app.length + index) % 2 === 1,
  );
  const httpApiOverrides = (production: boolean): Record<string, ServiceOverrideConfig> =>
    Object.fromEntries(
      services
        .filter(({ config }) => config.public)
        // As the app will declare them: on EKS's terms when any environment runs there.
        .map(({ name, config }) => ({ name, config: anyEks ? onEksTerms(config) : config }))
        .flatMap(({ name, config }) => {
          const override: ServiceOverrideConfig = dropUndefined({
            stickySessions: config.stickySessions === true ? false : undefined,
            allowedCidrs: config.allowedCidrs === undefined ? undefined : [],
            scaling: config.scaling?.requestsPerTarget === undefined ? undefined : { cpuPercent: 60 },
            deployment:
              (config.deployment?.strategy ?? (production ? 'canary' : 'rolling')) === 'rolling'
                ? undefined
                : { strategy: 'rolling' as const },
          });
          return Object.keys(override).length === 0 ? [] : [[name, override] as const];
        }),
    );
  const environments: Record<string, EnvironmentConfig> = {};
  const placesTaken = new Set<string>();
  shape.environments.forEach((env, index) => {
    const account = shape.layout === 'account-per-environment' ? accountOf(index) : accountOf(0);
    const zones = zonesOf(env.region).slice(0, env.zoneCount);
    // Secrets Manager names are per account and region: a second environment there names its own.
    const place = `${account}/${env.region}`;
    const sharesPlace = placesTaken.has(place);
    placesTaken.add(place);
    const ownSecrets = Object.entries(shape.secrets)
      .filter(([, secret]) => sharesPlace && secret.secretsManager !== undefined)
      .map(([name, secret]): [string, SecretConfig] => [
        name,
        { secretsManager: `${secret.secretsManager}-${env.name}` },
      ]);
    environments[env.name] = dropUndefined({
      account,
      region: env.region,
      availabilityZones: zones.map((letter) => `${env.region}${letter}`),
      production: env.production,
      runtime: onEks[index] ? 'eks' : undefined,
      encryption: shape.encryption[index],
      secrets: ownSecrets.length > 0 ? Object.fromEntries(ownSecrets) : undefined,
      network: dropUndefined({
        // Private EKS nodes pull images through NAT.
        natGateways: Math.min(
          onEks[index] ? Math.max(1, shape.natGateways) : shape.natGateways,
          zones.length,
        ),
        ...shape.network,
      }),
      edge: behindEdge[index]
        ? dropUndefined({
            cloudfront: true,
            waf: shape.edgeWaf,
            domain: shape.domainOn
              ? {
                  name: `${env.name}.${shape.app}.example.com`,
                  certificateArn: `arn:aws:acm:us-east-1:${account}:certificate/0a1b2c3d-0000-4000-8000-${index.toString().padStart(12, '0')}`,
                }
              : undefined,
          })
        : undefined,
      domain:
        shape.domainOn && hasPublic && !behindEdge[index]
          ? {
              name: `${env.name}.${shape.app}.example.com`,
              certificateArn: `arn:aws:acm:${env.region}:${account}:certificate/0a1b2c3d-0000-4000-8000-${index.toString().padStart(12, '0')}`,
            }
          : undefined,
      observability: watchingOf(shape, index, env.production, onEks[index]!, services, hasPublic),
      // The HTTP API in some environments that can have it (said outright, or left to the default
      // outside production, which picks it once the overrides below clear the way), the load
      // balancer said outright in others, the default in the rest. Picked from what the draw
      // holds, not drawn, so earlier seeds keep their shapes.
      ingress: onHttpApi[index]
        ? env.production || (shape.app.length + index) % 4 === 1
          ? ('http-api' as const)
          : undefined
        : (shape.app.length + index) % 2 === 0
          ? ('load-balancer' as const)
          : undefined,
      services: onHttpApi[index] ? emptyToUndefined(httpApiOverrides(env.production)) : undefined,
    });
  });
  // x86 services on EKS need x86 nodes: the default pair plus an on-demand x86 pool.
  const x86 = services.some((s) => s.config.architecture === 'x86_64');
  const nodePools = x86
    ? {
        system: {},
        workload: {},
        amd64: {
          architecture: 'x86_64' as const,
          capacity: 'on-demand' as const,
          instanceTypes: ['t3.medium'],
        },
      }
    : undefined;
  // Datadog's keys are SSM parameters the team fills: read, never created, so shared places are fine.
  const datadog = anyEks ? datadogDraw(shape.datadog) : undefined;
  const eks =
    anyEks && (nodePools || datadog) ? dropUndefined({ nodePools, datadog: datadog?.block }) : undefined;
  const secrets = { ...shape.secrets, ...datadog?.secrets, ...providerSecrets(environments) };
  const authOn = shape.auth !== undefined && !anyEks;
  // A queue the first service sends to, in the draws with a cache: no draw of its own, so earlier
  // seeds keep their configs; not on EKS, which does not take queues yet.
  const queueOn = shape.cache !== undefined && !anyEks;
  // Production without a domain serves plain HTTP, which a team must say it accepts, and why.
  const plainHttpProduction = shape.environments
    .filter(
      (env, index) => env.production && hasPublic && !shape.domainOn && !onEks[index] && !behindEdge[index],
    )
    .map((env) => ({
      rule: 'Slipway-ELB5',
      stack: `${shape.app}-${env.name}-runtime`,
      reason: 'No domain yet: production answers on the load balancer name until the team sets its domain.',
    }));
  return dropUndefined({
    app: shape.app,
    github: { repository: `acme/${shape.app}` },
    ci: ciPlacement(shape),
    databases: Object.keys(databases).length > 0 ? databases : undefined,
    caches: shape.cache ? { sessions: shape.cache } : undefined,
    tables: shape.table
      ? {
          orders: dropUndefined({
            partitionKey: { name: 'pk' },
            sortKey: shape.table.sortKey ? { name: 'createdAt', type: 'number' as const } : undefined,
            stream: shape.table.stream ? ('new-image' as const) : undefined,
            ttlAttribute: shape.table.ttl ? 'expiresAt' : undefined,
          }),
        }
      : undefined,
    queues: queueOn ? { jobs: {} } : undefined,
    auth: authOn
      ? dropUndefined({
          resourceServers: { api: { scopes: { write: 'Change what the API holds' } } },
          appClients: { web: { callbackUrls: [`https://${shape.app}.example.com/callback`] } },
          machineClients: shape.auth?.machineClient ? { worker: { scopes: ['api/write'] } } : undefined,
        })
      : undefined,
    secrets: Object.keys(secrets).length > 0 ? secrets : undefined,
    services: Object.fromEntries(
      services.map((s, i) => {
        // ECS's traffic-shifting strategies do not exist on EKS, where a Deployment rolls, and a
        // Kubernetes autoscaler needs a CPU or memory target beside requests per target.
        const config = anyEks ? onEksTerms(s.config) : s.config;
        const withCache = i === 0 && shape.cache ? { ...config, cache: 'sessions' } : config;
        const access =
          shape.table && i < 2
            ? { orders: i === 0 ? ('read-write' as const) : ('read' as const) }
            : undefined;
        const withTables = access ? { ...withCache, tables: access } : withCache;
        const withQueue = queueOn && i === 0 ? { ...withTables, queues: ['jobs'] } : withTables;
        // Every public service checks tokens too: where there is a pool, one that does not is
        // Slipway-AUTH1, an error in production.
        const checksTokens =
          authOn && (i === 0 || s.config.public === true) ? { auth: { scopes: ['api/write'] } } : {};
        return [s.name, dropUndefined({ ...withQueue, ...checksTokens })];
      }),
    ),
    eks,
    environments,
    acknowledgements: plainHttpProduction.length > 0 ? plainHttpProduction : undefined,
    checks: shape.checks,
    delivery: {
      pipeline: shape.delivery,
      previewBranches: previewsOn ? ['feat/*'] : [],
      // 1–5 service stacks at once, picked from the draw (a draw of its own would change every seed).
      deployConcurrency: 1 + (services.length % 5),
    },
  });
}

/**
 * An environment's alert routes: email, Slack, PagerDuty or all three, always some in production
 * (Slipway-OBS1), in one environment in four elsewhere. Picked from what the draw already holds,
 * not drawn: a draw of its own would change the config of every earlier seed.
 */
function alertsFor(shape: Shape, index: number, production: boolean): { alerts: AlertsConfig } | undefined {
  const pick = (shape.app.length + shape.natGateways + index) % 4;
  if (!production && pick !== 3) return undefined;
  const email = [`oncall@${shape.app}.example.com`];
  const slack = { workspaceId: 'T0123ABCD', channelId: `C0${index}ALARMS` };
  const pagerduty = { integrationUrlSecret: `${shape.app}/pagerduty-url` };
  const routes: readonly AlertsConfig[] = [{ email }, { slack }, { pagerduty }, { email, slack, pagerduty }];
  return { alerts: routes[pick]! };
}

/** Declared secrets every Datadog or Elastic environment names: SSM parameters the team fills. */
const PROVIDER_SECRETS = {
  datadog: {
    'datadog-api-key': { ssm: '/shared/datadog-api-key' },
    'datadog-app-key': { ssm: '/shared/datadog-app-key' },
  },
  elastic: { 'elastic-api-key': { ssm: '/shared/elastic-api-key' } },
} as const satisfies Record<string, Record<string, SecretConfig>>;

/**
 * An environment's observability: its alert routes and its drawn watching. Datadog on ECS needs
 * room in each task for the agent and its log router, so a draw with a smaller task falls back to
 * Elastic; on EKS Datadog comes from the cluster's own block when the draw has one, and Elastic
 * has no collector there, so those draws keep CloudWatch.
 */
function watchingOf(
  shape: Shape,
  index: number,
  production: boolean,
  onEks: boolean,
  services: readonly ServiceDraw[],
  hasPublic: boolean,
): ObservabilityConfig | undefined {
  const draw = shape.watching[index]!;
  const datadogFits = services.every(
    (s) => (s.config.memory ?? 512) - TELEMETRY_SIDECAR_MEMORY_MIB.datadog >= MIN_APP_MEMORY_MIB,
  );
  const provider = onEks
    ? draw.provider === 'datadog' && shape.datadog === undefined
      ? 'datadog'
      : undefined
    : draw.provider === 'datadog' && !datadogFits
      ? 'elastic'
      : draw.provider === 'cloudwatch'
        ? undefined
        : draw.provider;
  const watching = dropUndefined({
    ...alertsFor(shape, index, production),
    provider,
    datadog:
      provider === 'datadog'
        ? {
            apiKeySecret: 'datadog-api-key',
            appKeySecret: 'datadog-app-key',
            notify: production ? ['@pagerduty-ops'] : [],
          }
        : undefined,
    elastic:
      provider === 'elastic'
        ? {
            endpoint: 'https://observability.apm.eu-west-1.aws.elastic-cloud.com',
            apiKeySecret: 'elastic-api-key',
          }
        : undefined,
    tracing: draw.tracing,
    uptime: draw.uptime && hasPublic ? true : undefined,
    alarms: draw.alarms,
    containerInsights: onEks ? undefined : draw.containerInsights,
    dashboard: draw.dashboard,
  });
  return Object.keys(watching).length > 0 ? watching : undefined;
}

/** The secrets the environments' providers name. */
function providerSecrets(environments: Record<string, EnvironmentConfig>): Record<string, SecretConfig> {
  const providers = new Set(Object.values(environments).map((env) => env.observability?.provider));
  return {
    ...(providers.has('datadog') ? PROVIDER_SECRETS.datadog : {}),
    ...(providers.has('elastic') ? PROVIDER_SECRETS.elastic : {}),
  };
}

/**
 * Keeps an environment's uptime canaries only where one can reach every public service (a domain
 * in front of an edge or a cluster, no allow-list, each health path landing on its own service),
 * as the monitoring stack decides it: the rest of the draw stays as drawn.
 */
function keepPossibleUptime(config: SlipwayConfig): SlipwayConfig {
  const wanted = Object.entries(config.environments).filter(([, env]) => env.observability?.uptime);
  if (wanted.length === 0) return config;
  const withoutUptime = (env: EnvironmentConfig): EnvironmentConfig =>
    dropUndefined({ ...env, observability: dropUndefined({ ...env.observability, uptime: undefined }) });
  const model = resolveConfig({
    ...config,
    environments: Object.fromEntries(
      Object.entries(config.environments).map(([name, env]) => [name, withoutUptime(env)]),
    ),
  });
  const possible = (name: string) => {
    const env = model.environments.find((e) => e.name === name)!;
    const observability = { ...observabilityOf(env), uptime: true };
    return uptimePlan({ ...env, observability }).problems.length === 0;
  };
  return {
    ...config,
    environments: Object.fromEntries(
      Object.entries(config.environments).map(([name, env]) => [
        name,
        env.observability?.uptime && !possible(name) ? withoutUptime(env) : env,
      ]),
    ),
  };
}

/** The Datadog block of a drawn EKS config and the secrets it names; production monitors page someone. */
function datadogDraw(kind: Shape['datadog']) {
  if (kind === undefined) return undefined;
  const secrets: Record<string, SecretConfig> = {
    'datadog-api-key': { ssm: '/shared/datadog-api-key' },
    ...(kind === 'monitors' ? { 'datadog-app-key': { ssm: '/shared/datadog-app-key' } } : {}),
  };
  const block =
    kind === 'monitors'
      ? { apiKeySecret: 'datadog-api-key', appKeySecret: 'datadog-app-key', notify: ['@slack-ops-alerts'] }
      : { apiKeySecret: 'datadog-api-key' };
  return { secrets, block };
}

/** A drawn service as an EKS environment can run it: rolling, and scaling on CPU or memory too. */
function onEksTerms(service: ServiceConfig): ServiceConfig {
  const scaling = service.scaling;
  const needsTarget =
    scaling !== undefined && scaling.cpuPercent === undefined && scaling.memoryPercent === undefined;
  return {
    ...service,
    deployment: undefined,
    ...(needsTarget ? { scaling: { ...scaling, cpuPercent: 60 } } : {}),
  };
}

/** The CI stack's account and region, when not the first environment's. */
function ciPlacement(shape: Shape): { account?: string; region?: string } | undefined {
  const ciRegion = shape.environments[0]!.region;
  const ci = dropUndefined({
    // A CI account of its own: the shape of an organisation with a tooling account.
    account: shape.layout === 'separate-ci-account' ? ACCOUNTS[3] : undefined,
    region:
      shape.delivery === 'codepipeline' && !offersLayer(ciRegion, 'pipeline')
        ? shape.pipelineRegion
        : undefined,
  });
  return Object.keys(ci).length > 0 ? ci : undefined;
}

/** Drops keys whose value is undefined, so a draw reads like a config a person wrote. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function emptyToUndefined<T extends object>(record: T): T | undefined {
  return Object.keys(record).length === 0 ? undefined : record;
}
