import type { Deployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkGitopsFiles } from '../../src/kubernetes/checks/manifest-checks.js';
import { environmentManifests, type GitopsFile } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { ManifestError } from '../../src/kubernetes/manifest-error.js';
import { MOUNTED_SECRETS_PATH } from '../../src/kubernetes/mounted-secrets.js';
import { schemaCheck } from '../../src/kubernetes/schema-check.js';
import { SecretProviderClass } from '../../src/kubernetes/secret-provider-class.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import type { EksClusterModel } from '../../src/model/eks.js';
import { CLUSTER, eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const CSI: EksClusterModel = { ...CLUSTER, secrets: 'secrets-store-csi' };

const build = (cluster: EksClusterModel) => {
  const { model, env } = eksModel(cluster);
  return environmentManifests(model, env, FOLDER_OPTIONS);
};
const manifestsOf = (files: readonly GitopsFile[]) => files.flatMap((f) => f.manifests);
const serviceFile = (files: readonly GitopsFile[], service: string) =>
  files.find((f) => f.path === `gitops/dev/services/${service}.yaml`)!;
const ofKind = (files: readonly GitopsFile[], kind: string) =>
  manifestsOf(files).filter((m) => m.kind === kind);
const deploymentOf = (files: readonly GitopsFile[], service: string) =>
  serviceFile(files, service).manifests.find((m) => m.kind === 'Deployment') as Deployment;

describe("the GitOps folder with eks.secrets: 'secrets-store-csi'", () => {
  const files = build(CSI);

  it('has no External Secrets Application, no stores and no ExternalSecrets', () => {
    expect(files.map((f) => f.path)).toEqual([
      'gitops/dev/root.yaml',
      'gitops/dev/apps/platform-aws-load-balancer-controller.yaml',
      'gitops/dev/apps/megadolls-services.yaml',
      'gitops/dev/services/namespace.yaml',
      'gitops/dev/services/web.yaml',
      'gitops/dev/services/worker.yaml',
    ]);
    expect(ofKind(files, 'ExternalSecret')).toEqual([]);
    expect(ofKind(files, 'SecretStore')).toEqual([]);
  });

  it('gives a service its SecretProviderClass with the data parameters and both secret sources', () => {
    const spc = serviceFile(files, 'web').manifests.find((m) => m.kind === 'SecretProviderClass');
    const data = spc?.toJSON() as {
      metadata: { name: string; namespace: string; annotations: Record<string, string> };
      spec: { provider: string; parameters: Record<string, string> };
    };
    expect(data.metadata).toMatchObject({
      name: 'web-secrets',
      namespace: 'megadolls',
      annotations: { 'argocd.argoproj.io/sync-wave': '-1' },
    });
    expect(data.spec.provider).toBe('aws');
    expect(data.spec.parameters).toMatchObject({ region: 'us-east-1', usePodIdentity: 'true' });
    expect(parse(data.spec.parameters['objects']!)).toEqual([
      {
        objectName: '/megadolls/dev/data/main/endpoint-address',
        objectType: 'ssmparameter',
        objectAlias: 'DATABASE_HOST',
      },
      {
        objectName: '/megadolls/dev/data/main/replica-1/endpoint-address',
        objectType: 'ssmparameter',
        objectAlias: 'DATABASE_READER_HOST_1',
      },
      {
        objectName: '/megadolls/dev/data/caches/sessions/endpoint-address',
        objectType: 'ssmparameter',
        objectAlias: 'REDIS_HOST',
      },
      {
        objectName: '/megadolls/dev/django-secret-key',
        objectType: 'ssmparameter',
        objectAlias: 'DJANGO_SECRET_KEY',
      },
      {
        objectName: 'megadolls/dev/pgadmin-password',
        objectType: 'secretsmanager',
        objectAlias: 'PGADMIN_PASSWORD',
      },
    ]);
    // worker uses no database, cache or secret: nothing to mount.
    expect(serviceFile(files, 'worker').manifests.map((m) => m.kind)).not.toContain('SecretProviderClass');
    expect(deploymentOf(files, 'worker').spec?.template.spec?.volumes ?? []).not.toContainEqual(
      expect.objectContaining({ name: 'secrets' }),
    );
  });

  it('mounts it read-only at /mnt/secrets, with the fixed settings as variables and no envFrom', () => {
    const pod = deploymentOf(files, 'web').spec!.template.spec!;
    expect(pod.volumes).toContainEqual({
      name: 'secrets',
      csi: {
        driver: 'secrets-store.csi.k8s.io',
        readOnly: true,
        volumeAttributes: { secretProviderClass: 'web-secrets' },
      },
    });
    const [container] = pod.containers;
    expect(container!.volumeMounts).toContainEqual({
      name: 'secrets',
      mountPath: MOUNTED_SECRETS_PATH,
      readOnly: true,
    });
    expect(MOUNTED_SECRETS_PATH).toBe('/mnt/secrets');
    expect(container!.envFrom).toBeUndefined();
    expect(container!.env).toEqual(
      expect.arrayContaining([
        { name: 'DATABASE_PORT', value: '5432' },
        { name: 'DATABASE_IAM_AUTH', value: 'true' },
        { name: 'DATABASE_SSL', value: 'verify-full' },
        { name: 'REDIS_PORT', value: '6379' },
      ]),
    );
  });

  it('passes both validation passes and the manifest checks, and renders the same bytes twice', () => {
    expect(validateManifests(manifestsOf(files))).toEqual([]);
    expect(checkGitopsFiles(files).filter((f) => !f.acknowledged)).toEqual([]);
    expect(build(CSI)).toEqual(files);
  });

  it('catches a wrong type with the schema pass and an unknown field with the field pass', () => {
    const spc = (parameters: Record<string, unknown>) =>
      new SecretProviderClass({
        metadata: { name: 'web-secrets', namespace: 'megadolls' },
        spec: { provider: 'aws', parameters: parameters as never },
      });
    const wrongType = schemaCheck([spc({ objects: '- objectName: a', usePodIdentity: true })]);
    expect(wrongType).toEqual([
      expect.objectContaining({ check: 'schema', field: 'spec.parameters.usePodIdentity' }),
    ]);
    const extra = fieldCheck([spc({ objects: '- objectName: a', usePodIdentty: 'true' }).toJSON()]);
    expect(extra).toEqual([
      expect.objectContaining({ check: 'fields', object: 'SecretProviderClass megadolls/web-secrets' }),
    ]);
    expect(extra[0]!.message).toMatch(/usePodIdentty/);
  });

  it('refuses eks.datadog, whose chart reads a Secret only External Secrets makes here', () => {
    expect(() =>
      build({ ...CSI, datadog: { site: 'datadoghq.eu', apiKeySecret: 'django-secret-key' } }),
    ).toThrow(ManifestError);
  });
});

describe('the default mode, External Secrets', () => {
  it('still syncs <service>-env and reads it with envFrom, with no SecretProviderClass or CSI volume', () => {
    const files = build(CLUSTER);
    expect(ofKind(files, 'SecretProviderClass')).toEqual([]);
    expect(ofKind(files, 'ExternalSecret').map((m) => m.metadata?.name)).toEqual(['web-env']);
    expect(ofKind(files, 'SecretStore')).toHaveLength(2);
    expect(files.map((f) => f.path)).toContain('gitops/dev/apps/platform-external-secrets.yaml');
    const container = deploymentOf(files, 'web').spec!.template.spec!.containers[0]!;
    expect(container.envFrom).toEqual([{ secretRef: { name: 'web-env' } }]);
    expect(container.volumeMounts ?? []).not.toContainEqual(expect.objectContaining({ name: 'secrets' }));
  });
});
