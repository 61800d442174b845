import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings } from '../../src/checks/collect-findings.js';
import {
  ADOT_COLLECTOR_IMAGE,
  DATADOG_AGENT_IMAGE,
  FLUENT_BIT_IMAGE,
  OTEL_CONTRIB_COLLECTOR_IMAGE,
  telemetryImageRef,
} from '../../src/config/data/telemetry-images.js';
import { defaultObservability, type ObservabilityModel } from '../../src/model/observability.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { PRODUCTION_TRACE_SAMPLE_RATIO } from '../../src/model/otel-environment.js';
import { devFloorModel } from '../fixtures/models.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { buildOnly, type FixtureApp, fixtureApp } from './fixture-app.js';
import { ModelError } from '../../src/stacks/shared/model-error.js';

const STACK = 'floor-dev-api';

/** The floor fixture's dev with `observability` changed, its api at 1 GiB, and `extra` secrets declared. */
function observed(change: Partial<ObservabilityModel>, env: Partial<EnvironmentModel> = {}): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((e) => ({
      ...e,
      ...env,
      observability: { ...defaultObservability(env.production ?? e.production), ...change },
      services: e.services.map((s) => ({ ...s, cpu: 512, memory: 1024 })),
      secrets: [
        ...e.secrets,
        { name: 'telemetry-key', source: 'secretsmanager', path: 'floor/dev/telemetry-key' },
      ],
    })),
  };
}

interface Container {
  Name: string;
  Image: unknown;
  Essential?: boolean;
  Environment?: { Name: string; Value: unknown }[];
  Secrets?: { Name: string; ValueFrom: unknown }[];
  DependsOn?: { ContainerName: string; Condition: string }[];
  Memory?: number;
  MemoryReservation?: number;
  DockerLabels?: Record<string, string>;
  LogConfiguration?: { LogDriver: string; Options?: Record<string, unknown>; SecretOptions?: unknown[] };
  Command?: string[];
}

function containers(fx: FixtureApp): Container[] {
  const tasks = fx.template(STACK).findResources('AWS::ECS::TaskDefinition');
  const [task] = Object.values(tasks) as { Properties: { ContainerDefinitions: Container[] } }[];
  return task!.Properties.ContainerDefinitions;
}

function named(fx: FixtureApp, name: string): Container {
  const found = containers(fx).find((c) => c.Name === name);
  if (!found)
    throw new Error(
      `no container ${name}: ${containers(fx)
        .map((c) => c.Name)
        .join(', ')}`,
    );
  return found;
}

function variables(container: Container): Record<string, unknown> {
  return Object.fromEntries((container.Environment ?? []).map((v) => [v.Name, v.Value]));
}

function openErrors(fx: FixtureApp, model: AppModel): string[] {
  return collectFindings({ app: fx.built.app, stacks: fx.synthesized, model, controlTower: true })
    .filter((f) => f.level === 'error' && !f.acknowledged)
    .map((f) => `${f.stack} ${f.rule} ${f.message}`);
}

/** The fixture's own open errors (a dev floor: alarms without actions, short backups), without a sidecar. */
let baseline: string[] | undefined;
function errorsOfTheSidecar(fx: FixtureApp, model: AppModel): string[] {
  if (baseline === undefined) {
    const plain = observed({ tracing: false });
    const bare = fixtureApp(plain);
    try {
      baseline = openErrors(bare, plain);
    } finally {
      bare.dispose();
    }
  }
  const known = new Set(baseline);
  return openErrors(fx, model).filter((error) => !known.has(error));
}

function lint(fx: FixtureApp) {
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-telemetry-lint-'));
  try {
    const file = path.join(dir, `${STACK}.template.json`);
    const stack = fx.synthesized.find((s) => s.name === STACK);
    writeFileSync(file, JSON.stringify(stack!.template));
    return lintTemplates([file], { regions: ['us-east-1'] }).errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('without traces on CloudWatch', () => {
  it('the task is the app alone, as before', () => {
    const fx = fixtureApp(observed({ tracing: false }));
    try {
      expect(containers(fx).map((c) => c.Name)).toEqual(['api']);
      expect(named(fx, 'api').Memory).toBe(1024);
      expect(variables(named(fx, 'api'))).not.toHaveProperty('OTEL_EXPORTER_OTLP_ENDPOINT');
    } finally {
      fx.dispose();
    }
  });
});

describe('CloudWatch with traces', () => {
  const model = observed({ tracing: true });
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(model);
  });
  afterAll(() => fx.dispose());

  it('runs the ADOT collector, pinned by digest, not essential, with the X-Ray config and its own log stream', () => {
    const collector = named(fx, 'otel-collector');
    expect(collector.Image).toBe(telemetryImageRef(ADOT_COLLECTOR_IMAGE));
    expect(collector.Image).toMatch(/:v\d+\.\d+\.\d+@sha256:[0-9a-f]{64}$/);
    expect(collector.Essential).toBe(false);
    expect(collector.Command).toEqual(['--config=/etc/ecs/ecs-xray.yaml']);
    expect(collector.LogConfiguration?.Options).toMatchObject({ 'awslogs-stream-prefix': 'otel-collector' });
  });

  it('starts the app after the collector, within the task memory, pointed at it', () => {
    const app = named(fx, 'api');
    expect(app.DependsOn).toEqual([{ ContainerName: 'otel-collector', Condition: 'START' }]);
    expect(app.Memory! + named(fx, 'otel-collector').MemoryReservation!).toBe(1024);
    expect(variables(app)).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
      OTEL_SERVICE_NAME: 'api',
      OTEL_RESOURCE_ATTRIBUTES:
        'deployment.environment.name=dev,deployment.environment=dev,service.version=dev-latest',
    });
    // Not production: every trace is kept.
    expect(variables(app)).not.toHaveProperty('OTEL_TRACES_SAMPLER');
  });

  it('lets the task role write traces and read sampling rules, acknowledged for X-Ray having no resource ARNs', () => {
    fx.template(STACK).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'WriteTraces',
            Action: [
              'xray:GetSamplingRules',
              'xray:GetSamplingTargets',
              'xray:PutTelemetryRecords',
              'xray:PutTraceSegments',
            ],
            Resource: '*',
          }),
        ]),
      },
    });
    const iam5 = collectFindings({ app: fx.built.app, stacks: fx.synthesized, model }).filter(
      (f) => f.rule === 'AwsSolutions-IAM5[Resource::*]' && f.resource?.startsWith('TaskDefinitionTaskRole'),
    );
    expect(iam5.map((f) => [f.stack, f.acknowledged, /X-Ray/.test(f.reason ?? '')])).toEqual([
      [STACK, true, true],
    ]);
  });

  it('leaves no open error (Control Tower included) and passes cfn-lint', () => {
    expect(errorsOfTheSidecar(fx, model)).toEqual([]);
    expect(lint(fx)).toEqual([]);
  });
});

describe('production traces', () => {
  it('sample one trace in ten, parent-based', () => {
    const model = observed({ tracing: true }, { production: true });
    const fx = fixtureApp({
      ...model,
      environments: model.environments.map((e) => ({
        ...e,
        services: e.services.map((s) => ({ ...s, desiredCount: 2, minCount: 2, maxCount: 4 })),
      })),
    });
    try {
      expect(variables(named(fx, 'api'))).toMatchObject({
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: String(PRODUCTION_TRACE_SAMPLE_RATIO),
      });
    } finally {
      fx.dispose();
    }
  });
});

describe('Elastic', () => {
  const model = observed({
    provider: 'elastic',
    tracing: false,
    elastic: { endpoint: 'https://shop.apm.eu-west-1.aws.elastic.cloud', apiKeySecret: 'telemetry-key' },
  });
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(model);
  });
  afterAll(() => fx.dispose());

  it('runs the pinned contrib collector, traces off or not, exporting OTLP to the endpoint with the key as a secret', () => {
    const collector = named(fx, 'otel-collector');
    expect(collector.Image).toBe(telemetryImageRef(OTEL_CONTRIB_COLLECTOR_IMAGE));
    expect(collector.Image).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(collector.Essential).toBe(false);
    expect(collector.Secrets?.map((s) => s.Name)).toEqual(['ELASTIC_API_KEY']);
    const config = JSON.parse(String(variables(collector).OTELCOL_CONFIG)) as {
      exporters: Record<string, { endpoint: string; headers: Record<string, string> }>;
      service: { pipelines: Record<string, { exporters: string[] }> };
    };
    expect(config.exporters['otlphttp/elastic']).toEqual({
      endpoint: 'https://shop.apm.eu-west-1.aws.elastic.cloud',
      headers: { Authorization: 'ApiKey ${env:ELASTIC_API_KEY}' },
    });
    expect(Object.keys(config.service.pipelines).sort()).toEqual(['logs', 'metrics', 'traces']);
    expect(JSON.stringify(containers(fx))).not.toMatch(/"Name":"ELASTIC_API_KEY","Value"/);
    expect(named(fx, 'api').DependsOn).toEqual([{ ContainerName: 'otel-collector', Condition: 'START' }]);
  });

  it('leaves no open error and passes cfn-lint', () => {
    expect(errorsOfTheSidecar(fx, model)).toEqual([]);
    expect(lint(fx)).toEqual([]);
  });
});

describe('Datadog', () => {
  const model = observed({
    provider: 'datadog',
    tracing: true,
    datadog: { site: 'datadoghq.eu', apiKeySecret: 'telemetry-key', notify: [] },
  });
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(model);
  });
  afterAll(() => fx.dispose());

  it('runs the pinned agent with OTLP ingest, the site from the model and the key as a secret', () => {
    const agent = named(fx, 'datadog-agent');
    expect(agent.Image).toBe(telemetryImageRef(DATADOG_AGENT_IMAGE));
    expect(agent.Essential).toBe(false);
    expect(variables(agent)).toMatchObject({
      DD_SITE: 'datadoghq.eu',
      ECS_FARGATE: 'true',
      DD_OTLP_CONFIG_RECEIVER_PROTOCOLS_HTTP_ENDPOINT: 'localhost:4318',
    });
    expect(variables(agent)).not.toHaveProperty('DD_API_KEY');
    expect(agent.Secrets?.map((s) => s.Name)).toEqual(['DD_API_KEY']);
  });

  it("routes the app's logs through FireLens to the EU site's own intake, the key as a secret option", () => {
    const router = named(fx, 'log-router');
    expect(router.Image).toBe(telemetryImageRef(FLUENT_BIT_IMAGE));
    const logging = named(fx, 'api').LogConfiguration!;
    expect(logging.LogDriver).toBe('awsfirelens');
    expect(logging.Options).toMatchObject({
      Name: 'datadog',
      Host: 'http-intake.logs.datadoghq.eu',
      TLS: 'on',
    });
    expect(JSON.stringify(logging.Options)).not.toMatch(/apikey/i);
    expect(logging.SecretOptions).toEqual([expect.objectContaining({ Name: 'apikey' })]);
  });

  it("tags the app with Datadog's unified service tags and starts it after the agent and router", () => {
    const app = named(fx, 'api');
    expect(variables(app)).toMatchObject({ DD_ENV: 'dev', DD_SERVICE: 'api', DD_VERSION: 'dev-latest' });
    expect(app.DockerLabels).toEqual({
      'com.datadoghq.tags.env': 'dev',
      'com.datadoghq.tags.service': 'api',
      'com.datadoghq.tags.version': 'dev-latest',
    });
    expect(app.DependsOn).toEqual(
      expect.arrayContaining([
        { ContainerName: 'log-router', Condition: 'START' },
        { ContainerName: 'datadog-agent', Condition: 'START' },
      ]),
    );
    const reserved =
      named(fx, 'datadog-agent').MemoryReservation! + named(fx, 'log-router').MemoryReservation!;
    expect(app.Memory! + reserved).toBe(1024);
  });

  it('leaves no open error and passes cfn-lint', () => {
    expect(errorsOfTheSidecar(fx, model)).toEqual([]);
    expect(lint(fx)).toEqual([]);
  });
});

describe("a service setting one of its sidecar's variables itself", () => {
  /** The traced floor model with the api's environment or secrets changed. */
  function withApi(change: {
    environment?: Record<string, string>;
    secrets?: Record<string, string>;
  }): AppModel {
    const model = observed({ tracing: true });
    return {
      ...model,
      environments: model.environments.map((e) => ({
        ...e,
        services: e.services.map((s) => (s.name === 'api' ? { ...s, ...change } : s)),
      })),
    };
  }

  function refusal(model: AppModel): ModelError {
    try {
      buildOnly(model);
    } catch (error) {
      if (error instanceof ModelError) return error;
      throw error;
    }
    throw new Error('the build did not refuse the service');
  }

  it('is refused at the environment variable it sets', () => {
    const error = refusal(withApi({ environment: { OTEL_SERVICE_NAME: 'storefront' } }));
    expect(error.path).toBe('environments.dev.services.api.environment.OTEL_SERVICE_NAME');
    expect(error.message).toMatch(/Remove it from environment/);
  });

  it('is refused at the secret it reads into one, which would be a second value for it', () => {
    const error = refusal(withApi({ secrets: { OTEL_EXPORTER_OTLP_ENDPOINT: 'telemetry-key' } }));
    expect(error.path).toBe('environments.dev.services.api.secrets.OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(error.message).toMatch(/Remove it from secrets/);
  });
});
