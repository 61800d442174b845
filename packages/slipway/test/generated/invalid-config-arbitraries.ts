/**
 * Invalid configs drawn the same way as valid ones: a valid draw with one mistake a person makes
 * (a typo'd key, a wrong type, a value out of range, a name that refers to nothing). Each mistake
 * knows the field a good error must name.
 */
import fc from 'fast-check';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { type DrawOptions, validConfig } from './config-arbitraries.js';

export interface BrokenConfig {
  /** What was broken, for the failure message. */
  readonly mistake: string;
  readonly config: SlipwayConfig;
  /** The dotted path the config error must name (or start with). */
  readonly field: string;
}

type Mutable = Record<string, unknown>;

/** One way to break a config: returns the field it broke, or undefined when it does not apply. */
type Mistake = (config: Mutable, pick: number) => string | undefined;

const entries = (value: unknown): [string, Mutable][] =>
  Object.entries((value ?? {}) as Record<string, Mutable>);

/** An environment's drawn alert routes, to change in place. */
function alertsOf(env: Mutable): Mutable | undefined {
  return (env['observability'] as Mutable | undefined)?.['alerts'] as Mutable | undefined;
}

function nth<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

const MISTAKES: Readonly<Record<string, Mistake>> = {
  'unknown top-level key': (config) => {
    config['enviroments'] = {};
    return 'enviroments';
  },
  'typo in a service key': (config, pick) => {
    const [name, service] = nth(entries(config['services']), pick) ?? [];
    if (!name || !service) return undefined;
    service['prot'] = 8080;
    return `services.${name}.prot`;
  },
  'port as a string': (config, pick) => {
    const [name, service] = nth(entries(config['services']), pick) ?? [];
    if (!name || !service) return undefined;
    service['port'] = '8080';
    return `services.${name}.port`;
  },
  'port out of range': (config, pick) => {
    const [name, service] = nth(entries(config['services']), pick) ?? [];
    if (!name || !service) return undefined;
    service['port'] = 70_000;
    return `services.${name}.port`;
  },
  'memory that is no Fargate size': (config, pick) => {
    const [name, service] = nth(entries(config['services']), pick) ?? [];
    if (!name || !service) return undefined;
    service['cpu'] = 256;
    service['memory'] = 4096;
    return `services.${name}.memory`;
  },
  'unknown region': (config, pick) => {
    const [name, env] = nth(entries(config['environments']), pick) ?? [];
    if (!name || !env) return undefined;
    env['region'] = 'eu-westt-1';
    return `environments.${name}.region`;
  },
  'zone of another region': (config, pick) => {
    const [name, env] = nth(entries(config['environments']), pick) ?? [];
    if (!name || !env) return undefined;
    const zones = [...(env['availabilityZones'] as string[])];
    zones[1] = env['region'] === 'sa-east-1' ? 'us-east-1b' : 'sa-east-1b';
    env['availabilityZones'] = zones;
    return `environments.${name}.availabilityZones`;
  },
  'account id with eleven digits': (config, pick) => {
    const [name, env] = nth(entries(config['environments']), pick) ?? [];
    if (!name || !env) return undefined;
    env['account'] = '12345678901';
    return `environments.${name}.account`;
  },
  'undeclared database': (config, pick) => {
    const [name, service] = nth(entries(config['services']), pick) ?? [];
    if (!name || !service) return undefined;
    service['database'] = 'nope';
    return `services.${name}.database`;
  },
  'undeclared queue': (config, pick) => {
    const [name, service] = nth(entries(config['services']), pick) ?? [];
    if (!name || !service) return undefined;
    service['queues'] = ['jobz'];
    return `services.${name}.queues[0]`;
  },
  'undeclared secret': (config, pick) => {
    const [name, service] = nth(entries(config['services']), pick) ?? [];
    if (!name || !service) return undefined;
    service['secrets'] = { API_KEY: 'missingSecret' };
    return `services.${name}.secrets`;
  },
  'one task in production': (config, pick) => {
    const production = entries(config['environments']).filter(([, env]) => env['production'] === true);
    const [envName, env] = nth(production, pick) ?? [];
    const [service] = nth(entries(config['services']), pick) ?? [];
    if (!envName || !env || !service) return undefined;
    env['services'] = { [service]: { desiredCount: 1, minCount: 1 } };
    return `environments.${envName}.services.${service}`;
  },
  'PostgreSQL version that does not exist': (config, pick) => {
    const [name, database] = nth(entries(config['databases']), pick) ?? [];
    if (!name || !database) return undefined;
    database['engineVersion'] = '99.1';
    return `databases.${name}.engineVersion`;
  },
  'instance class that does not exist': (config, pick) => {
    const [name, database] = nth(entries(config['databases']), pick) ?? [];
    if (!name || !database) return undefined;
    database['instanceClass'] = 'db.x9.huge';
    return `databases.${name}.instanceClass`;
  },
  'canary on an internal service': (config, pick) => {
    const internal = entries(config['services']).filter(([, s]) => s['public'] === false);
    const [name, service] = nth(internal, pick) ?? [];
    if (!name || !service) return undefined;
    service['deployment'] = { strategy: 'canary', canaryPercent: 10, bakeMinutes: 5 };
    return `services.${name}.deployment`;
  },
  'traffic step the schema cannot divide by 0.1': (config, pick) => {
    const publicServices = entries(config['services']).filter(([, s]) => s['public'] !== false);
    const [name, service] = nth(publicServices, pick) ?? [];
    if (!name || !service) return undefined;
    service['deployment'] = { strategy: 'linear', stepPercent: 33.3, stepMinutes: 5 };
    return `services.${name}.deployment.stepPercent`;
  },
  'CodePipeline where the CI region has no CodeBuild': (config) => {
    config['delivery'] = { ...(config['delivery'] as Mutable), pipeline: 'codepipeline' };
    config['ci'] = { ...(config['ci'] as Mutable | undefined), region: 'ap-east-2' };
    return 'delivery.pipeline';
  },
  'VPC block that is not a CIDR': (config, pick) => {
    const [name, env] = nth(entries(config['environments']), pick) ?? [];
    if (!name || !env) return undefined;
    env['network'] = { cidr: '10.0.0.0/33' };
    return `environments.${name}.network.cidr`;
  },
  'log retention CloudWatch does not offer': (config, pick) => {
    const [name, env] = nth(entries(config['environments']), pick) ?? [];
    if (!name || !env) return undefined;
    env['logRetentionDays'] = 13;
    return `environments.${name}.logRetentionDays`;
  },
  'certificate from another region': (config, pick) => {
    const [name, env] = nth(entries(config['environments']), pick) ?? [];
    if (!name || !env) return undefined;
    const other = env['region'] === 'eu-west-1' ? 'us-east-1' : 'eu-west-1';
    env['domain'] = {
      name: 'shop.example.com',
      certificateArn: `arn:aws:acm:${other}:${String(env['account'])}:certificate/0a1b2c3d-0000-4000-8000-000000000001`,
    };
    return `environments.${name}.domain.certificateArn`;
  },
  'repository without an owner': (config) => {
    config['github'] = { repository: 'shop' };
    return 'github.repository';
  },
  'negative usage': (config) => {
    config['usage'] = { logGbPerMonth: -1 };
    return 'usage.logGbPerMonth';
  },
  'alert address without its @': (config, pick) => {
    const routed = entries(config['environments']).filter(
      ([, env]) => alertsOf(env)?.['email'] !== undefined,
    );
    const [name, env] = nth(routed, pick) ?? [];
    if (!name || !env) return undefined;
    alertsOf(env)!['email'] = ['oncall.example.com'];
    return `environments.${name}.observability.alerts.email[0]`;
  },
  "Slack channel's name instead of its id": (config, pick) => {
    const routed = entries(config['environments']).filter(
      ([, env]) => alertsOf(env)?.['slack'] !== undefined,
    );
    const [name, env] = nth(routed, pick) ?? [];
    if (!name || !env) return undefined;
    alertsOf(env)!['slack'] = { workspaceId: 'T0123ABCD', channelId: '#alarms' };
    return `environments.${name}.observability.alerts.slack.channelId`;
  },
  'Datadog handle without its @': (config) => {
    const onEks = entries(config['environments']).some(([, env]) => env['runtime'] === 'eks');
    if (!onEks) return undefined;
    const eks = (config['eks'] ?? {}) as Mutable;
    const datadog = (eks['datadog'] ?? { apiKeySecret: 'datadog-api-key' }) as Mutable;
    config['eks'] = { ...eks, datadog: { ...datadog, notify: ['slack-ops-alerts'] } };
    return 'eks.datadog.notify[0]';
  },
};

/** A valid draw with one mistake applied. Mistakes that do not apply to the draw are skipped. */
export function brokenConfig(options: DrawOptions): fc.Arbitrary<BrokenConfig> {
  return fc
    .tuple(validConfig(options), fc.constantFrom(...Object.keys(MISTAKES)), fc.nat())
    .map(([valid, mistake, pick]) => {
      const config = structuredClone(valid) as Mutable;
      const field = MISTAKES[mistake]!(config, pick);
      return field === undefined ? undefined : { mistake, config: config as unknown as SlipwayConfig, field };
    })
    .filter((broken): broken is BrokenConfig => broken !== undefined);
}

/** The names of every mistake, so a test can check each one is drawn. */
export const MISTAKE_NAMES: readonly string[] = Object.keys(MISTAKES);
