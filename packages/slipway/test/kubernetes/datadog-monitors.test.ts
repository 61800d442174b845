import type { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { SecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import type { Deployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkGitopsFiles } from '../../src/kubernetes/checks/manifest-checks.js';
import { DatadogMonitor } from '../../src/kubernetes/datadog-monitor.js';
import { environmentManifests, type GitopsFile } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import { schemaCheck } from '../../src/kubernetes/schema-check.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import type { EksDatadogModel } from '../../src/model/eks.js';
import type { EnvironmentModel, SecretModel } from '../../src/model/types.js';
import { CLUSTER, eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const KEYS: SecretModel[] = [
  { name: 'dd-api', source: 'ssm', path: '/megadolls/dev/dd-api' },
  { name: 'dd-app', source: 'secretsmanager', path: 'megadolls/dev/dd-app' },
];
const AGENT_ONLY: EksDatadogModel = { site: 'datadoghq.eu', apiKeySecret: 'dd-api' };
const WITH_MONITORS: EksDatadogModel = {
  ...AGENT_ONLY,
  monitors: { appKeySecret: 'dd-app', notify: ['@slack-megadolls', '@pagerduty-web'] },
};

const build = (datadog: EksDatadogModel | undefined, production = false) => {
  const { model, env } = eksModel({ ...CLUSTER, ...(datadog ? { datadog } : {}) });
  const withKeys: EnvironmentModel = { ...env, production, secrets: [...env.secrets, ...KEYS] };
  return environmentManifests(model, withKeys, FOLDER_OPTIONS);
};
const fileAt = (files: readonly GitopsFile[], relative: string) => {
  const file = files.find((f) => f.path === `gitops/dev/${relative}`);
  if (!file) throw new Error(`no file ${relative}`);
  return file;
};
const chartValues = (files: readonly GitopsFile[]) => {
  const application = fileAt(files, 'apps/platform-datadog.yaml').manifests[0] as Application;
  return application.spec.source!.helm!.valuesObject as Record<string, Record<string, unknown>>;
};
const monitorsOf = (files: readonly GitopsFile[], service: string) =>
  fileAt(files, `platform/datadog-monitors/${service}.yaml`).manifests as DatadogMonitor[];

describe('Datadog monitors of an EKS environment', () => {
  it('adds the application key, the monitors Application and one file per service, and nothing without an application key', () => {
    const agentOnly = build(AGENT_ONLY).map((f) => f.path);
    const added = build(WITH_MONITORS)
      .map((f) => f.path)
      .filter((p) => !agentOnly.includes(p));
    expect(added).toEqual([
      'gitops/dev/platform/datadog/app-key.yaml',
      'gitops/dev/apps/platform-datadog-monitors.yaml',
      'gitops/dev/platform/datadog-monitors/web.yaml',
      'gitops/dev/platform/datadog-monitors/worker.yaml',
    ]);
    expect(agentOnly.filter((p) => p.includes('monitor') || p.includes('app-key'))).toEqual([]);
  });

  it('syncs the monitors after the chart that brings their kind, into the Operator’s namespace', () => {
    const application = fileAt(build(WITH_MONITORS), 'apps/platform-datadog-monitors.yaml')
      .manifests[0] as Application;
    expect(application.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '0' });
    expect(application.spec.source).toEqual({
      repoURL: FOLDER_OPTIONS.repoUrl,
      targetRevision: 'main',
      path: 'gitops/dev/platform/datadog-monitors',
    });
    expect(application.spec.destination.namespace).toBe('datadog');
    for (const monitor of monitorsOf(build(WITH_MONITORS), 'web')) {
      expect(monitor.metadata.namespace).toBe('datadog');
    }
  });

  it('runs the chart’s Operator with the monitor controller and both keys only when there are monitors', () => {
    const values = chartValues(build(WITH_MONITORS));
    expect(values.datadog).toMatchObject({ operator: { enabled: true } });
    expect(values.operator).toMatchObject({
      site: 'datadoghq.eu',
      clusterName: 'megadolls-dev',
      apiKeyExistingSecret: 'datadog-api-key',
      appKeyExistingSecret: 'datadog-app-key',
      datadogMonitor: { enabled: true },
      datadogAgent: { enabled: false },
      resources: { limits: { cpu: expect.any(String), memory: expect.any(String) } },
    });
    expect(values.operator!.tolerations).toEqual(chartValues(build(WITH_MONITORS)).agents!.tolerations);

    const agentOnly = chartValues(build(AGENT_ONLY));
    expect(agentOnly.datadog).toMatchObject({ operator: { enabled: false } });
    expect(agentOnly.operator).toBeUndefined();
  });

  it('reads each key through the store of its own source', () => {
    const files = build(WITH_MONITORS);
    const stores = fileAt(files, 'platform/datadog/secret-store.yaml').manifests as SecretStore[];
    expect(stores.map((s) => s.metadata?.name).sort()).toEqual([
      'aws-parameter-store',
      'aws-secrets-manager',
    ]);
    const appKey = fileAt(files, 'platform/datadog/app-key.yaml').manifests[0]!.toJSON();
    expect(appKey).toMatchObject({
      metadata: { name: 'datadog-app-key', namespace: 'datadog' },
      spec: {
        secretStoreRef: { name: 'aws-secrets-manager' },
        target: { name: 'datadog-app-key' },
        data: [{ secretKey: 'app-key', remoteRef: { key: 'megadolls/dev/dd-app' } }],
      },
    });
    // Without monitors, the API key's store alone.
    const agentOnly = fileAt(build(AGENT_ONLY), 'platform/datadog/secret-store.yaml').manifests;
    expect(agentOnly.map((s) => s.metadata?.name)).toEqual(['aws-parameter-store']);
  });

  it.each(['web', 'worker'])(
    'watches %s on availability, crash loops and error logs, scoped to its cluster, namespace and Deployment',
    (service) => {
      const monitors = monitorsOf(build(WITH_MONITORS), service);
      expect(monitors.map((m) => m.metadata.name)).toEqual([
        `${service}-pods-unavailable`,
        `${service}-crash-looping`,
        `${service}-error-logs`,
      ]);
      for (const monitor of monitors) {
        const { query, options, message, tags } = monitor.spec;
        expect(query).toContain('kube_cluster_name:megadolls-dev');
        expect(query).toContain('kube_namespace:megadolls');
        expect(query).toMatch(new RegExp(`kube_(deployment|container_name):${service}\\b`));
        // The threshold Datadog compares with is the one the query ends in.
        const [, comparator, value] = / (>=|>) (\S+)$/.exec(query)!;
        expect(comparator).toBeDefined();
        expect(options?.thresholds?.critical).toBe(value);
        expect(message).toMatch(/\{\{#is_alert\}\}.+\{\{\/is_alert\}\}/);
        expect(message).toMatch(/\{\{#is_recovery\}\}.+\{\{\/is_recovery\}\}/);
        expect(message.split('\n').at(-1)).toBe('@slack-megadolls @pagerduty-web');
        expect(tags).toEqual(['app:megadolls', 'env:dev', `service:${service}`, 'managed-by:slipway']);
      }
      expect(monitors.map((m) => m.spec.type)).toEqual(['query alert', 'query alert', 'log alert']);
    },
  );

  it('ranks production monitors by urgency, repeats them and alerts on silence; other environments stay P4', () => {
    const production = monitorsOf(build(WITH_MONITORS, true), 'web');
    expect(production.map((m) => m.spec.priority)).toEqual([1, 2, 3]);
    expect(production.every((m) => m.spec.options?.renotifyInterval === 60)).toBe(true);
    expect(production[0]!.spec.options).toMatchObject({ notifyNoData: true, noDataTimeframe: 20 });

    const dev = monitorsOf(build(WITH_MONITORS), 'web');
    expect(dev.map((m) => m.spec.priority)).toEqual([4, 4, 4]);
    expect(dev.some((m) => m.spec.options?.renotifyInterval !== undefined)).toBe(false);
    expect(dev[0]!.spec.options?.notifyNoData).toBeUndefined();
  });

  it('mentions no one when the list is empty', () => {
    const quiet = build({ ...WITH_MONITORS, monitors: { appKeySecret: 'dd-app', notify: [] } });
    for (const monitor of monitorsOf(quiet, 'web')) expect(monitor.spec.message).not.toContain('@');
  });

  it('tags the services’ pods for Datadog only where the agent runs', () => {
    const deploymentOf = (files: readonly GitopsFile[]) =>
      fileAt(files, 'services/web.yaml').manifests.find((m) => m.kind === 'Deployment') as Deployment;
    const tagged = deploymentOf(build(AGENT_ONLY));
    expect(tagged.spec?.template.metadata?.labels).toMatchObject({
      'tags.datadoghq.com/env': 'dev',
      'tags.datadoghq.com/service': 'web',
    });
    expect(tagged.metadata?.labels).toMatchObject({ 'tags.datadoghq.com/service': 'web' });
    // The selector never holds them: it cannot change after creation.
    expect(JSON.stringify(tagged.spec?.selector)).not.toContain('datadoghq');
    expect(JSON.stringify(deploymentOf(build(undefined)))).not.toContain('datadoghq');
  });

  it('passes both validation passes and the manifest checks, as built and as written', () => {
    const files = build(WITH_MONITORS, true).filter((f) => f.path.includes('datadog'));
    expect(validateManifests(files.flatMap((f) => f.manifests)).map(renderFinding)).toEqual([]);
    const written = files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as unknown));
    expect(fieldCheck(written).map(renderFinding)).toEqual([]);
    expect(checkGitopsFiles(files)).toEqual([]);
  });

  it('catches a misspelt field and a threshold that is not a number', () => {
    const [monitor] = monitorsOf(build(WITH_MONITORS), 'web');
    const json = monitor!.toJSON();
    const misspelt = { ...json, spec: { ...json.spec, optins: json.spec.options } };
    expect(fieldCheck([misspelt]).map(renderFinding).join('\n')).toMatch(/optins/);
    const broken = new DatadogMonitor({
      metadata: json.metadata,
      spec: { ...json.spec, options: { ...json.spec.options, thresholds: { critical: 'zero' } } },
    });
    expect(schemaCheck([broken]).map(renderFinding).join('\n')).toMatch(
      /spec\.options\.thresholds\.critical/,
    );
  });
});
