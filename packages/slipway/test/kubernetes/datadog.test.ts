import type { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { ExternalSecret, SecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkGitopsFiles } from '../../src/kubernetes/checks/manifest-checks.js';
import { environmentManifests, type GitopsFile } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { ManifestError } from '../../src/kubernetes/manifest-error.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import type { EksClusterModel, EksDatadogModel } from '../../src/model/eks.js';
import type { SecretModel } from '../../src/model/types.js';
import { CLUSTER, eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const DATADOG: EksDatadogModel = { site: 'datadoghq.eu', apiKeySecret: 'datadog-api-key' };

/** A cluster whose every pool is tainted, with two taints on one pool and one shared by two. */
const TAINTED: EksClusterModel = {
  ...CLUSTER,
  datadog: DATADOG,
  nodePools: CLUSTER.nodePools.map((pool) => ({
    ...pool,
    taints: [
      ...pool.taints,
      { key: 'slipway/dedicated', value: pool.name, effect: 'NoSchedule' as const },
      { key: 'slipway/drain', value: 'true', effect: 'NoExecute' as const },
    ],
  })),
};

const API_KEY: Record<SecretModel['source'], SecretModel> = {
  ssm: { name: 'datadog-api-key', source: 'ssm', path: '/megadolls/dev/datadog-api-key' },
  secretsmanager: {
    name: 'datadog-api-key',
    source: 'secretsmanager',
    path: 'megadolls/dev/datadog-api-key',
  },
};

const build = (cluster: EksClusterModel = TAINTED, source: SecretModel['source'] = 'ssm') => {
  const { model, env } = eksModel(cluster);
  return environmentManifests(model, { ...env, secrets: [...env.secrets, API_KEY[source]] }, FOLDER_OPTIONS);
};
const fileAt = (files: readonly GitopsFile[], relative: string) => {
  const file = files.find((f) => f.path === `gitops/dev/${relative}`);
  if (!file) throw new Error(`no file ${relative}`);
  return file;
};
const valuesOf = (files: readonly GitopsFile[]) => {
  const application = fileAt(files, 'apps/platform-datadog.yaml').manifests[0] as Application;
  return application.spec.source!.helm!.valuesObject as Record<string, Record<string, unknown>>;
};

describe('the Datadog agent of an EKS environment', () => {
  it('adds the chart, the secrets Application and the platform/datadog folder, nothing else', () => {
    const without = build(CLUSTER).map((f) => f.path);
    const added = build()
      .map((f) => f.path)
      .filter((p) => !without.includes(p));
    expect(added).toEqual([
      'gitops/dev/apps/platform-datadog.yaml',
      'gitops/dev/apps/platform-datadog-secrets.yaml',
      'gitops/dev/platform/datadog/secret-store.yaml',
      'gitops/dev/platform/datadog/api-key.yaml',
      'gitops/dev/platform/datadog/cluster-agent-token.yaml',
    ]);
    // One object may sit in one file of an Application only.
    const names = build().flatMap((f) =>
      f.manifests.map((m) => `${m.kind}/${m.metadata?.namespace}/${m.metadata?.name}`),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('writes nothing of Datadog when the cluster model does not ask for it', () => {
    const files = build(CLUSTER);
    expect(files.filter((f) => /datadog/i.test(f.content) || f.path.includes('datadog'))).toEqual([]);
  });

  it('installs the pinned chart in the datadog namespace, synced like the other controllers', () => {
    const application = fileAt(build(), 'apps/platform-datadog.yaml').manifests[0] as Application;
    expect(application.metadata).toMatchObject({
      name: 'platform-datadog',
      namespace: 'argocd',
      annotations: { 'argocd.argoproj.io/sync-wave': '-1' },
    });
    expect(application.spec.source).toMatchObject({
      repoURL: 'https://helm.datadoghq.com',
      chart: 'datadog',
      targetRevision: '3.240.0',
      helm: { releaseName: 'datadog' },
    });
    expect(application.spec.destination.namespace).toBe('datadog');
    expect(application.spec.syncPolicy?.automated).toEqual({ prune: true, selfHeal: true });
  });

  it('sends to the model’s site from the API key Secret, with logs on, APM off and the cluster named', () => {
    const values = valuesOf(build());
    expect(values.datadog).toMatchObject({
      site: 'datadoghq.eu',
      apiKeyExistingSecret: 'datadog-api-key',
      clusterName: 'megadolls-dev',
      tags: ['env:dev'],
      logs: { enabled: true, containerCollectAll: true },
      apm: { socketEnabled: false, portEnabled: false, instrumentation: { enabled: false } },
    });
    expect(values.clusterAgent).toMatchObject({
      enabled: true,
      tokenExistingSecret: 'datadog-cluster-agent-token',
    });
    // Image tags come with the chart version: none set here, none floating.
    expect(JSON.stringify(values)).not.toMatch(/"tag"|latest/);
  });

  it('tolerates every taint of every pool, each once, on the node agents and the Cluster Agent', () => {
    const values = valuesOf(build());
    const expected = [
      { key: 'slipway/dedicated', operator: 'Equal', value: 'system', effect: 'NoSchedule' },
      { key: 'slipway/dedicated', operator: 'Equal', value: 'workload', effect: 'NoSchedule' },
      { key: 'slipway/drain', operator: 'Equal', value: 'true', effect: 'NoExecute' },
      { key: 'slipway/spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
    ];
    expect(values.agents!.tolerations).toEqual(expected);
    expect(values.clusterAgent!.tolerations).toEqual(expected);
  });

  it('limits CPU and memory of every container the chart may run', () => {
    const values = valuesOf(build());
    const containers = values.agents!.containers as Record<string, { resources: unknown }>;
    const clusterAgent = values.clusterAgent as {
      resources: unknown;
      containers: Record<string, { resources: unknown }>;
    };
    const all = [
      ...Object.values(containers).map((c) => c.resources),
      clusterAgent.resources,
      clusterAgent.containers.initContainers!.resources,
    ];
    expect(Object.keys(containers)).toEqual(['agent', 'traceAgent', 'processAgent', 'initContainers']);
    for (const resources of all) {
      expect(resources).toMatchObject({
        requests: { cpu: expect.any(String), memory: expect.any(String) },
        limits: { cpu: expect.any(String), memory: expect.any(String) },
      });
    }
  });

  it.each([
    ['ssm', 'aws-parameter-store', 'ParameterStore', '/megadolls/dev/datadog-api-key'],
    ['secretsmanager', 'aws-secrets-manager', 'SecretsManager', 'megadolls/dev/datadog-api-key'],
  ] as const)(
    'reads the API key from %s through a store in the datadog namespace',
    (source, store, service, key) => {
      const files = build(TAINTED, source);
      const stores = fileAt(files, 'platform/datadog/secret-store.yaml').manifests as SecretStore[];
      expect(
        stores.map((s) => [s.metadata?.namespace, s.metadata?.name, s.spec?.provider.aws?.service]),
      ).toEqual([['datadog', store, service]]);
      // No auth block: the External Secrets controller's own Pod Identity role.
      expect(stores[0]!.spec?.provider.aws).toEqual({ service, region: 'us-east-1' });
      const apiKey = fileAt(files, 'platform/datadog/api-key.yaml').manifests[0] as ExternalSecret;
      expect(apiKey.metadata).toMatchObject({ name: 'datadog-api-key', namespace: 'datadog' });
      expect(apiKey.spec).toMatchObject({
        secretStoreRef: { kind: 'SecretStore', name: store },
        target: { name: 'datadog-api-key' },
        data: [{ secretKey: 'api-key', remoteRef: { key } }],
      });
    },
  );

  it('generates the Cluster Agent token once, in the cluster', () => {
    const [password, token] = fileAt(build(), 'platform/datadog/cluster-agent-token.yaml').manifests as [
      { kind: string; spec: Record<string, unknown> },
      ExternalSecret,
    ];
    expect(password.kind).toBe('Password');
    expect(password.spec).toMatchObject({ length: 32, symbols: 0 });
    expect(token.spec).toMatchObject({
      refreshPolicy: 'CreatedOnce',
      target: { name: 'datadog-cluster-agent-token', template: { data: { token: '{{ .password }}' } } },
      dataFrom: [{ sourceRef: { generatorRef: { kind: 'Password', name: 'datadog-cluster-agent-token' } } }],
    });
  });

  it('points the secrets Application at platform/datadog, in the platform wave', () => {
    const application = fileAt(build(), 'apps/platform-datadog-secrets.yaml').manifests[0] as Application;
    expect(application.spec.source).toEqual({
      repoURL: FOLDER_OPTIONS.repoUrl,
      targetRevision: 'main',
      path: 'gitops/dev/platform/datadog',
    });
    expect(application.spec.destination.namespace).toBe('datadog');
    expect(application.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-1' });
  });

  it.each(['ssm', 'secretsmanager'] as const)(
    'passes both validation passes and the manifest checks, as built and as written (%s)',
    (source) => {
      const files = build(TAINTED, source).filter((f) => f.path.includes('datadog'));
      expect(validateManifests(files.flatMap((f) => f.manifests)).map(renderFinding)).toEqual([]);
      const written = files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as unknown));
      expect(fieldCheck(written).map(renderFinding)).toEqual([]);
      expect(checkGitopsFiles(files)).toEqual([]);
    },
  );

  it('gives byte-identical files for the same model, built twice from scratch', () => {
    const first = build().map((f) => [f.path, f.content]);
    expect(build().map((f) => [f.path, f.content])).toEqual(first);
  });

  it('names the field when the API key secret is not declared', () => {
    const { model, env } = eksModel({ ...CLUSTER, datadog: { ...DATADOG, apiKeySecret: 'nope' } });
    expect(() => environmentManifests(model, env, FOLDER_OPTIONS)).toThrow(ManifestError);
    expect(() => environmentManifests(model, env, FOLDER_OPTIONS)).toThrow(/eks\.datadog\.apiKeySecret/);
  });
});
