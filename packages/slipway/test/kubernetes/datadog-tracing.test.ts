import type { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { Deployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkGitopsFiles } from '../../src/kubernetes/checks/manifest-checks.js';
import type { DatadogMonitor } from '../../src/kubernetes/datadog-monitor.js';
import { environmentManifests, type GitopsFile } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { ManifestError } from '../../src/kubernetes/manifest-error.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import { serverErrorsSignal } from '../../src/model/datadog-trace-signals.js';
import type { EksDatadogModel } from '../../src/model/eks.js';
import { defaultObservability, type ObservabilityProvider } from '../../src/model/observability.js';
import type { EnvironmentModel, SecretModel } from '../../src/model/types.js';
import { otelEnvironment as ecsOtelEnvironment } from '../../src/stacks/runtime/ecs/telemetry/otel-environment.js';
import { CLUSTER, eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const KEYS: SecretModel[] = [
  { name: 'dd-api', source: 'ssm', path: '/megadolls/dev/dd-api' },
  { name: 'dd-app', source: 'secretsmanager', path: 'megadolls/dev/dd-app' },
];
/** The cluster's agent as an environment whose provider is Datadog resolves it. */
const DATADOG: EksDatadogModel = {
  site: 'datadoghq.eu',
  apiKeySecret: 'dd-api',
  monitors: { appKeySecret: 'dd-app', notify: ['@slack-megadolls'] },
};

interface Setup {
  readonly provider?: ObservabilityProvider;
  readonly tracing?: boolean;
  readonly production?: boolean;
  /** Leave `observability` out of the model, as models built before providers did. */
  readonly noObservability?: boolean;
  readonly webEnvironment?: Record<string, string>;
  readonly webSecrets?: Record<string, string>;
}

const environmentOf = (setup: Setup = {}) => {
  const { model, env } = eksModel({ ...CLUSTER, datadog: DATADOG });
  const production = setup.production ?? false;
  const observability = {
    ...defaultObservability(production),
    provider: setup.provider ?? 'datadog',
    tracing: setup.tracing ?? true,
    datadog: {
      site: DATADOG.site,
      apiKeySecret: 'dd-api',
      appKeySecret: 'dd-app',
      notify: ['@slack-megadolls'],
    },
  };
  const withKeys: EnvironmentModel = {
    ...env,
    production,
    secrets: [...env.secrets, ...KEYS],
    services: env.services.map((s) =>
      s.name === 'web'
        ? {
            ...s,
            environment: { ...s.environment, ...setup.webEnvironment },
            secrets: { ...s.secrets, ...setup.webSecrets },
          }
        : s,
    ),
    ...(setup.noObservability ? {} : { observability }),
  };
  return { model: { ...model, environments: [withKeys] }, env: withKeys };
};
const build = (setup: Setup = {}) => {
  const { model, env } = environmentOf(setup);
  return environmentManifests(model, env, FOLDER_OPTIONS);
};
const fileAt = (files: readonly GitopsFile[], relative: string) => {
  const file = files.find((f) => f.path === `gitops/dev/${relative}`);
  if (!file) throw new Error(`no file ${relative}`);
  return file;
};
const containerEnv = (files: readonly GitopsFile[], service: string) => {
  const deployment = fileAt(files, `services/${service}.yaml`).manifests.find(
    (m) => m.kind === 'Deployment',
  ) as Deployment;
  return deployment.spec!.template.spec!.containers[0]!.env ?? [];
};
const chartValues = (files: readonly GitopsFile[]) => {
  const application = fileAt(files, 'apps/platform-datadog.yaml').manifests[0] as Application;
  return application.spec.source!.helm!.valuesObject as { datadog: Record<string, unknown> };
};
const monitorsOf = (files: readonly GitopsFile[], service: string) =>
  fileAt(files, `platform/datadog-monitors/${service}.yaml`).manifests as DatadogMonitor[];

describe('traces of services on EKS with Datadog', () => {
  it('points every container at its node’s agent, with the variables an ECS task gets', () => {
    const { env } = environmentOf();
    for (const service of ['web', 'worker']) {
      const variables = containerEnv(build(), service);
      const names = variables.map((v) => v.name);
      // Kubernetes expands $(HOST_IP) only from a variable listed before it.
      expect(names.indexOf('HOST_IP')).toBeGreaterThanOrEqual(0);
      expect(names.indexOf('HOST_IP')).toBeLessThan(names.indexOf('OTEL_EXPORTER_OTLP_ENDPOINT'));
      expect(variables.find((v) => v.name === 'HOST_IP')).toEqual({
        name: 'HOST_IP',
        valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } },
      });
      const values = Object.fromEntries(
        variables.filter((v) => v.value !== undefined).map((v) => [v.name, v.value]),
      );
      expect(values).toMatchObject({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://$(HOST_IP):4318',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_SERVICE_NAME: service,
        OTEL_RESOURCE_ATTRIBUTES:
          'deployment.environment.name=dev,deployment.environment=dev,service.version=v1.4.2',
      });
      // The same variables as an ECS task's but the endpoint, from the one shared function.
      const ecs = ecsOtelEnvironment(
        env,
        env.services.find((s) => s.name === service)!,
      );
      const otel = Object.fromEntries(Object.entries(values).filter(([name]) => name.startsWith('OTEL_')));
      expect(otel).toEqual({ ...ecs, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://$(HOST_IP):4318' });
    }
  });

  it('samples production’s traces as ECS does', () => {
    const values = Object.fromEntries(
      containerEnv(build({ production: true }), 'web').map((v) => [v.name, v.value]),
    );
    expect(values).toMatchObject({
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    });
  });

  it('turns on the agent’s OTLP/HTTP receiver on host port 4318, and APM, only with traces', () => {
    const traced = chartValues(build()).datadog;
    expect(traced['otlp']).toEqual({
      receiver: {
        protocols: {
          http: { enabled: true, endpoint: '0.0.0.0:4318', useHostPort: true },
          grpc: { enabled: false },
        },
      },
    });
    expect(traced['apm']).toMatchObject({ socketEnabled: true, portEnabled: false });

    const untraced = chartValues(build({ tracing: false })).datadog;
    expect(untraced['otlp']).toBeUndefined();
    expect(untraced['apm']).toMatchObject({ socketEnabled: false, portEnabled: false });
  });

  it('changes nothing without tracing, or when the provider is not Datadog', () => {
    const contents = (files: readonly GitopsFile[]) => files.map((f) => [f.path, f.content]);
    // A model with no observability at all: the folder as it was before traces reached the agent.
    const before = contents(build({ noObservability: true }));
    expect(contents(build({ tracing: false }))).toEqual(before);
    expect(contents(build({ provider: 'cloudwatch', tracing: true }))).toEqual(before);
    expect(JSON.stringify(before)).not.toContain('OTEL_');
    expect(JSON.stringify(before)).not.toContain('otlp');
  });

  /** The error writing the manifests of `setup`'s environment stops at. */
  const refusal = (setup: Setup): ManifestError => {
    const { model, env } = environmentOf(setup);
    try {
      environmentManifests(model, env, FOLDER_OPTIONS);
    } catch (error) {
      if (error instanceof ManifestError) return error;
      throw error;
    }
    throw new Error('the manifests were written');
  };

  it('refuses a service that sets a tracing variable itself, naming it', () => {
    const error = refusal({ webEnvironment: { OTEL_SERVICE_NAME: 'storefront' } });
    expect(error.path).toBe('environments.dev.services.web.environment.OTEL_SERVICE_NAME');
    expect(error.message).toMatch(/remove it from environment/);
  });

  it('refuses a service that reads a secret into a tracing variable, naming the secret', () => {
    const error = refusal({ webSecrets: { OTEL_EXPORTER_OTLP_ENDPOINT: 'dd-api' } });
    expect(error.path).toBe('environments.dev.services.web.secrets.OTEL_EXPORTER_OTLP_ENDPOINT');
    expect(error.message).toMatch(/remove it from secrets/);
  });
});

describe('answer monitors of services on EKS with Datadog traces', () => {
  it('watches a public service on server errors with the ECS query and threshold, and on p99 latency', () => {
    const { env } = environmentOf();
    const monitors = monitorsOf(build(), 'web');
    expect(monitors.map((m) => m.metadata.name)).toEqual([
      'web-pods-unavailable',
      'web-crash-looping',
      'web-error-logs',
      'web-server-errors',
      'web-slow-answers',
    ]);
    const errors = monitors.find((m) => m.metadata.name === 'web-server-errors')!;
    expect(errors.spec.query).toBe(
      'sum(last_10m):sum:trace.http.server.request.errors{env:dev,service:web}.as_count() / ' +
        'sum:trace.http.server.request.hits{env:dev,service:web}.as_count() > 0.05',
    );
    // Built from the signal the ECS monitoring stack builds its own from.
    const shared = serverErrorsSignal(
      env,
      env.services.find((s) => s.name === 'web')!,
    );
    expect(errors.spec.query).toBe(`${shared.measure} > ${shared.critical}`);
    expect(errors.spec.options?.thresholds?.critical).toBe('0.05');
    expect(errors.spec.name).toBe('[megadolls dev] web: server errors');

    const slow = monitors.find((m) => m.metadata.name === 'web-slow-answers')!;
    expect(slow.spec.query).toBe(
      'percentile(last_10m):p99:trace.http.server.request{env:dev,service:web} > 2',
    );
    expect(slow.spec.options?.thresholds?.critical).toBe('2');
    expect(slow.spec.type).toBe('query alert');
    for (const monitor of [errors, slow]) {
      expect(monitor.spec.tags).toEqual(['app:megadolls', 'env:dev', 'service:web', 'managed-by:slipway']);
      expect(monitor.spec.message.split('\n').at(-1)).toBe('@slack-megadolls');
    }
  });

  it('pages production’s answer monitors after availability', () => {
    const production = monitorsOf(build({ production: true }), 'web');
    expect(production.map((m) => m.spec.priority)).toEqual([1, 2, 3, 2, 3]);
  });

  it('adds none to an internal service, nor without tracing', () => {
    expect(monitorsOf(build(), 'worker').map((m) => m.metadata.name)).toEqual([
      'worker-pods-unavailable',
      'worker-crash-looping',
      'worker-error-logs',
    ]);
    expect(monitorsOf(build({ tracing: false }), 'web')).toHaveLength(3);
  });

  it('passes both validation passes and the manifest checks, as built and as written', () => {
    const files = build({ production: true });
    expect(validateManifests(files.flatMap((f) => f.manifests)).map(renderFinding)).toEqual([]);
    const written = files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as unknown));
    expect(fieldCheck(written).map(renderFinding)).toEqual([]);
    expect(checkGitopsFiles(files)).toEqual([]);
  });
});
