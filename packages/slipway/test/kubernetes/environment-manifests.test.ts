import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { Deployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { environmentManifests, type GitopsFile } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { ManifestError } from '../../src/kubernetes/manifest-error.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import type { KubernetesManifest } from '../../src/kubernetes/manifest.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import { platformAccounts } from '../../src/stacks/runtime/eks/eks-names.js';
import { CLUSTER, eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const build = (cluster = CLUSTER) => {
  const { model, env } = eksModel(cluster);
  return environmentManifests(model, env, FOLDER_OPTIONS);
};
const fileAt = (files: readonly GitopsFile[], relative: string) => {
  const file = files.find((f) => f.path === `gitops/dev/${relative}`);
  if (!file) throw new Error(`no file ${relative}`);
  return file;
};
const only = <T extends KubernetesManifest>(files: readonly GitopsFile[], relative: string) =>
  fileAt(files, relative).manifests[0] as T;
const deploymentOf = (files: readonly GitopsFile[], service: string) =>
  fileAt(files, `services/${service}.yaml`).manifests.find((m) => m.kind === 'Deployment') as Deployment;

describe("an EKS environment's GitOps folder", () => {
  it('lays out the app of apps, the platform, the stores and one file per service', () => {
    expect(build().map((f) => f.path)).toEqual([
      'gitops/dev/root.yaml',
      'gitops/dev/apps/platform-aws-load-balancer-controller.yaml',
      'gitops/dev/apps/platform-external-secrets.yaml',
      'gitops/dev/apps/megadolls-services.yaml',
      'gitops/dev/services/namespace.yaml',
      'gitops/dev/services/secret-stores.yaml',
      'gitops/dev/services/web.yaml',
      'gitops/dev/services/worker.yaml',
    ]);
    // One object may sit in one file of an Application only.
    const names = build().flatMap((f) => f.manifests.map((m) => `${m.kind}/${m.metadata?.name}`));
    expect(new Set(names).size).toBe(names.length);
  });

  it('passes both validation passes, as built and as written', () => {
    const files = build();
    const manifests = files.flatMap((f) => f.manifests);
    expect(manifests.map((m) => m.kind)).toEqual(
      expect.arrayContaining(['Application', 'SecretStore', 'ExternalSecret', 'Deployment']),
    );
    expect(validateManifests(manifests).map(renderFinding)).toEqual([]);
    const written = files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as unknown));
    expect(fieldCheck(written).map(renderFinding)).toEqual([]);
  });

  it('gives byte-identical files for the same model, built twice from scratch', () => {
    const first = build().map((f) => [f.path, f.content]);
    expect(build().map((f) => [f.path, f.content])).toEqual(first);
  });

  it('writes nothing for an environment on ECS', () => {
    const { model, env } = eksModel();
    expect(environmentManifests(model, { ...env, runtime: 'ecs' }, FOLDER_OPTIONS)).toEqual([]);
    const { runtime: _runtime, eks: _eks, ...onEcsByDefault } = env;
    expect(environmentManifests(model, onEcsByDefault, FOLDER_OPTIONS)).toEqual([]);
  });

  it("takes the folder from the cluster's gitopsPath when the caller names none", () => {
    const { model, env } = eksModel({ ...CLUSTER, gitopsPath: 'deploy/k8s' });
    const { gitopsPath: _gitopsPath, ...options } = FOLDER_OPTIONS;
    const files = environmentManifests(model, env, options);
    expect(files[0]!.path).toBe('deploy/k8s/dev/root.yaml');
    expect((files[0]!.manifests[0] as Application).spec.source!.path).toBe('deploy/k8s/dev/apps');
  });

  it('points the root Application at apps/ and the services Application at services/', () => {
    const files = build();
    const root = only<Application>(files, 'root.yaml');
    expect(root.metadata).toMatchObject({ name: 'megadolls-root', namespace: 'argocd' });
    expect(root.spec.source).toEqual({
      repoURL: 'https://github.com/megadolls/megadolls.git',
      targetRevision: 'main',
      path: 'gitops/dev/apps',
    });
    expect(root.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'argocd' });
    const services = only<Application>(files, 'apps/megadolls-services.yaml');
    expect(services.spec.source!.path).toBe('gitops/dev/services');
    expect(services.spec.destination.namespace).toBe('megadolls');
  });

  it('syncs every Application automatically, pruning and healing, creating its namespace', () => {
    const applications = build()
      .flatMap((f) => f.manifests)
      .filter((m): m is Application => m.kind === 'Application');
    expect(applications).toHaveLength(4);
    for (const application of applications) {
      expect(application.spec.syncPolicy!.automated).toEqual({ prune: true, selfHeal: true });
      expect(application.spec.syncPolicy!.syncOptions).toContain('CreateNamespace=true');
    }
  });

  it('pins the platform charts and puts the controllers in an earlier wave than the services', () => {
    const files = build();
    const wave = (a: Application) => Number(a.metadata.annotations!['argocd.argoproj.io/sync-wave']);
    const lbc = only<Application>(files, 'apps/platform-aws-load-balancer-controller.yaml');
    const eso = only<Application>(files, 'apps/platform-external-secrets.yaml');
    const services = only<Application>(files, 'apps/megadolls-services.yaml');
    expect(lbc.spec.source).toMatchObject({
      repoURL: 'https://aws.github.io/eks-charts',
      chart: 'aws-load-balancer-controller',
      targetRevision: '3.5.0',
    });
    expect(eso.spec.source).toMatchObject({
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      targetRevision: '2.9.0',
    });
    for (const platform of [lbc, eso]) {
      expect(platform.spec.source!.targetRevision).toMatch(/^\d+\.\d+\.\d+$/);
      expect(wave(platform)).toBeLessThan(wave(services));
    }
    expect(lbc.spec.destination.namespace).toBe(platformAccounts.loadBalancerController.namespace);
    expect(eso.spec.destination.namespace).toBe(platformAccounts.externalSecrets.namespace);
    // External Secrets' CRDs are too large for a client-side apply.
    expect(eso.spec.syncPolicy!.syncOptions).toContain('ServerSideApply=true');
  });

  it('configures the controllers without tokens or role annotations, tolerating every pool', () => {
    const files = build();
    const values = (relative: string) =>
      only<Application>(files, relative).spec.source!.helm!.valuesObject as Record<string, unknown>;
    const toleration = { key: 'slipway/spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' };
    expect(values('apps/platform-aws-load-balancer-controller.yaml')).toEqual({
      clusterName: 'megadolls-dev',
      region: 'us-east-1',
      vpcTags: { Name: 'megadolls-dev' },
      serviceAccount: { create: true, name: 'aws-load-balancer-controller' },
      tolerations: [toleration],
    });
    const eso = values('apps/platform-external-secrets.yaml');
    expect(eso).toMatchObject({
      installCRDs: true,
      serviceAccount: { create: true, name: 'external-secrets' },
      tolerations: [toleration],
      webhook: { tolerations: [toleration] },
      certController: { tolerations: [toleration] },
    });
    const everything = files.map((f) => f.content).join('\n');
    expect(everything).not.toMatch(/\$\{Token\[|Fn::|role-arn|vpcId/);
  });

  it('reads the env Secret into the pods of services that need one, beside the plain variables', () => {
    const files = build();
    const web = deploymentOf(files, 'web').spec!.template.spec!.containers[0]!;
    expect(web.envFrom).toEqual([{ secretRef: { name: 'web-env' } }]);
    expect(web.env).toEqual([
      { name: 'DJANGO_SETTINGS_MODULE', value: 'megadolls.settings.dev' },
      { name: 'PORT', value: '8000' },
    ]);
    const worker = deploymentOf(files, 'worker').spec!.template.spec!.containers[0]!;
    expect(worker.envFrom).toBeUndefined();
    expect(fileAt(files, 'services/worker.yaml').manifests.map((m) => m.kind)).not.toContain(
      'ExternalSecret',
    );
    const stores = fileAt(files, 'services/secret-stores.yaml').manifests.map((m) => m.toJSON());
    expect(stores).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'aws-parameter-store', namespace: 'megadolls' }),
        spec: { provider: { aws: { service: 'ParameterStore', region: 'us-east-1' } } },
      }),
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'aws-secrets-manager', namespace: 'megadolls' }),
        spec: { provider: { aws: { service: 'SecretsManager', region: 'us-east-1' } } },
      }),
    ]);
  });

  it('holds on-demand services to on-demand nodes and lets Spot services prefer Spot', () => {
    const files = build();
    const worker = deploymentOf(files, 'worker').spec!.template.spec!;
    expect(worker.nodeSelector).toEqual({
      'kubernetes.io/arch': 'arm64',
      'eks.amazonaws.com/capacityType': 'ON_DEMAND',
    });
    // Only the untainted on-demand pool is open to it: nothing to tolerate.
    expect(worker.tolerations).toBeUndefined();
    const web = deploymentOf(files, 'web').spec!.template.spec!;
    expect(web.nodeSelector).toEqual({ 'kubernetes.io/arch': 'arm64' });
    expect(web.affinity!.nodeAffinity!.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
      {
        weight: 50,
        preference: {
          matchExpressions: [{ key: 'eks.amazonaws.com/capacityType', operator: 'In', values: ['SPOT'] }],
        },
      },
    ]);
    expect(web.tolerations).toEqual([
      { key: 'slipway/spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
    ]);
  });

  it("tolerates the taints of the pools a service may use, never those of another architecture's", () => {
    const pools = [
      ...CLUSTER.nodePools.map((p) => ({
        ...p,
        taints:
          p.capacity === 'on-demand'
            ? [{ key: 'slipway/system', value: 'true', effect: 'PreferNoSchedule' as const }]
            : p.taints,
      })),
      {
        ...CLUSTER.nodePools[1]!,
        name: 'x86',
        architecture: 'x86_64' as const,
        taints: [{ key: 'slipway/x86', value: 'true', effect: 'NoSchedule' as const }],
      },
    ];
    const files = build({ ...CLUSTER, nodePools: pools });
    expect(deploymentOf(files, 'web').spec!.template.spec!.tolerations!.map((t) => t.key)).toEqual([
      'slipway/spot',
      'slipway/system',
    ]);
    expect(deploymentOf(files, 'worker').spec!.template.spec!.tolerations!.map((t) => t.key)).toEqual([
      'slipway/system',
    ]);
    const lbc = only<Application>(files, 'apps/platform-aws-load-balancer-controller.yaml');
    const tolerations = (lbc.spec.source!.helm!.valuesObject as { tolerations: { key: string }[] })
      .tolerations;
    expect(tolerations.map((t) => t.key)).toEqual(['slipway/spot', 'slipway/system', 'slipway/x86']);
  });

  it('refuses a service no pool can run, naming the service', () => {
    const spotOnly = { ...CLUSTER, nodePools: CLUSTER.nodePools.filter((p) => p.capacity === 'spot') };
    expect(() => build(spotOnly)).toThrow(ManifestError);
    expect(() => build(spotOnly)).toThrow(/environments\.dev\.services\.worker\.capacity/);
  });
});
