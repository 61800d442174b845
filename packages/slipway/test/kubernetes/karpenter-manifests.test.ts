import type { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import type { EC2NodeClass } from '@kubernetes-models/karpenter/karpenter.k8s.aws/v1';
import { NodePool } from '@kubernetes-models/karpenter/karpenter.sh/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkGitopsFiles } from '../../src/kubernetes/checks/manifest-checks.js';
import { environmentManifests, type GitopsFile } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import type { EksClusterModel } from '../../src/model/eks.js';
import { CLUSTER, eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const KARPENTER: EksClusterModel = {
  ...CLUSTER,
  nodes: 'karpenter',
  nodePools: [
    ...CLUSTER.nodePools,
    {
      name: 'batch',
      capacity: 'on-demand',
      architecture: 'x86_64',
      instanceTypes: ['c7i.large'],
      minSize: 0,
      maxSize: 4,
      desiredSize: 0,
      labels: { 'slipway/pool': 'batch' },
      taints: [],
    },
  ],
};

const build = (cluster: EksClusterModel = KARPENTER) => {
  const { model, env } = eksModel(cluster);
  return environmentManifests(model, env, FOLDER_OPTIONS);
};
const fileAt = (files: readonly GitopsFile[], relative: string) => {
  const file = files.find((f) => f.path === `gitops/dev/${relative}`);
  if (!file) throw new Error(`no file ${relative}; have ${files.map((f) => f.path).join(', ')}`);
  return file;
};

describe("Karpenter in an EKS environment's GitOps folder", () => {
  it('adds the controller, an Application of the pools and one file per pool but system', () => {
    const paths = build().map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'gitops/dev/apps/platform-karpenter.yaml',
        'gitops/dev/apps/platform-karpenter-node-pools.yaml',
        'gitops/dev/platform/karpenter/workload.yaml',
        'gitops/dev/platform/karpenter/batch.yaml',
      ]),
    );
    expect(paths).not.toContain('gitops/dev/platform/karpenter/system.yaml');
    expect(fileAt(build(), 'platform/karpenter/workload.yaml').manifests.map((m) => m.kind)).toEqual([
      'EC2NodeClass',
      'NodePool',
    ]);
  });

  it('adds nothing of Karpenter for managed node groups', () => {
    const paths = build(CLUSTER).map((f) => f.path);
    expect(paths.filter((p) => p.includes('karpenter'))).toEqual([]);
  });

  it('installs the pinned chart from its OCI repository on the system pool, a wave before the other controllers', () => {
    const application = fileAt(build(), 'apps/platform-karpenter.yaml').manifests[0] as Application;
    expect(application.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-2' });
    expect(application.spec.destination.namespace).toBe('kube-system');
    expect(application.spec.source).toEqual({
      repoURL: 'oci://public.ecr.aws/karpenter/karpenter',
      path: '.',
      targetRevision: '1.14.1',
      helm: {
        releaseName: 'karpenter',
        valuesObject: {
          settings: { clusterName: 'megadolls-dev', interruptionQueue: 'megadolls-dev-karpenter' },
          serviceAccount: { create: true, name: 'karpenter' },
          replicas: 2,
          nodeSelector: { 'kubernetes.io/os': 'linux', 'slipway/pool': 'system' },
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
        },
      },
    });
    const pools = fileAt(build(), 'apps/platform-karpenter-node-pools.yaml').manifests[0] as Application;
    expect(pools.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '-1' });
    expect(pools.spec.source?.path).toBe('gitops/dev/platform/karpenter');
  });

  it('launches nodes like the managed groups: AL2023, IMDSv2 with one hop, 20 GB encrypted gp3, the fixed node role', () => {
    const [nodeClass] = fileAt(build(), 'platform/karpenter/workload.yaml').manifests as [EC2NodeClass];
    expect(nodeClass.toJSON()).toMatchObject({
      apiVersion: 'karpenter.k8s.aws/v1',
      metadata: { name: 'workload' },
      spec: {
        amiSelectorTerms: [{ alias: 'al2023@latest' }],
        role: 'megadolls-dev-karpenter-node',
        subnetSelectorTerms: [
          { tags: { Name: 'megadolls-dev-network/Vpc/privateSubnet1' } },
          { tags: { Name: 'megadolls-dev-network/Vpc/privateSubnet2' } },
        ],
        securityGroupSelectorTerms: [{ tags: { 'aws:eks:cluster-name': 'megadolls-dev' } }],
        metadataOptions: { httpTokens: 'required', httpPutResponseHopLimit: 1 },
        blockDeviceMappings: [
          { deviceName: '/dev/xvda', ebs: { volumeSize: '20Gi', volumeType: 'gp3', encrypted: true } },
        ],
      },
    });
  });

  it("carries each pool's capacity, architecture, types, labels, taints and maximum into its NodePool", () => {
    const spot = fileAt(build(), 'platform/karpenter/workload.yaml').manifests[1] as NodePool;
    expect(spot.toJSON()).toMatchObject({
      apiVersion: 'karpenter.sh/v1',
      spec: {
        template: {
          metadata: { labels: { 'slipway/pool': 'workload', 'eks.amazonaws.com/capacityType': 'SPOT' } },
          spec: {
            nodeClassRef: { group: 'karpenter.k8s.aws', kind: 'EC2NodeClass', name: 'workload' },
            requirements: [
              { key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot'] },
              { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
              { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
              { key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['m7g.large', 'm6g.large'] },
            ],
            taints: [{ key: 'slipway/spot', value: 'true', effect: 'NoSchedule' }],
          },
        },
        limits: { nodes: '6' },
        disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '1m' },
      },
    });
    const batch = fileAt(build(), 'platform/karpenter/batch.yaml').manifests[1] as NodePool;
    expect(batch.spec.template.spec.requirements.slice(0, 2).map((r) => r.values)).toEqual([
      ['on-demand'],
      ['amd64'],
    ]);
    expect(batch.spec.template.metadata?.labels?.['eks.amazonaws.com/capacityType']).toBe('ON_DEMAND');
    expect(batch.spec.template.spec.taints).toBeUndefined();
  });

  it('passes both validation passes and the manifest checks, as built and as written', () => {
    const files = build();
    const manifests = files.flatMap((f) => f.manifests);
    expect(manifests.map((m) => m.kind)).toEqual(expect.arrayContaining(['NodePool', 'EC2NodeClass']));
    expect(validateManifests(manifests).map(renderFinding)).toEqual([]);
    const written = files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as unknown));
    expect(fieldCheck(written).map(renderFinding)).toEqual([]);
    expect(checkGitopsFiles(files)).toEqual([]);
  });

  it('reports a field a NodePool does not have, and a wrong type in an EC2NodeClass', () => {
    const pool = fileAt(build(), 'platform/karpenter/workload.yaml');
    const [nodeClass, nodePool] = pool.manifests.map((m) => m.toJSON() as Record<string, unknown>);
    const misspelt = { ...nodePool, spec: { ...(nodePool!['spec'] as object), limit: { nodes: '6' } } };
    expect(fieldCheck([misspelt]).map(renderFinding).join('\n')).toMatch(/limit/);
    const wrong = {
      ...nodeClass,
      spec: { ...(nodeClass!['spec'] as object), metadataOptions: { httpPutResponseHopLimit: 'one' } },
    };
    expect(fieldCheck([wrong]).map(renderFinding).join('\n')).toMatch(/httpPutResponseHopLimit/);
  });

  it("rejects in the schema pass a value the kind's schema does not allow", () => {
    const built = fileAt(build(), 'platform/karpenter/workload.yaml').manifests[1] as NodePool;
    const json = built.toJSON() as NodePool;
    const bad = new NodePool({
      ...json,
      spec: {
        ...json.spec,
        disruption: { consolidateAfter: '1m', consolidationPolicy: 'Never' as 'WhenEmpty' },
      },
    });
    expect(validateManifests([bad]).map(renderFinding).join('\n')).toMatch(/consolidationPolicy/);
  });

  it('gives byte-identical files for the same model, built twice from scratch', () => {
    const first = build().map((f) => [f.path, f.content]);
    expect(build().map((f) => [f.path, f.content])).toEqual(first);
  });

  it('runs one controller on a system pool of one node, and tolerates its taints', () => {
    const system = {
      ...KARPENTER.nodePools[0]!,
      minSize: 1,
      taints: [{ key: 'slipway/system', value: 'true', effect: 'NoSchedule' as const }],
    };
    const application = fileAt(
      build({ ...KARPENTER, nodePools: [system, ...KARPENTER.nodePools.slice(1)] }),
      'apps/platform-karpenter.yaml',
    ).manifests[0] as Application;
    const values = application.spec.source?.helm?.valuesObject as Record<string, unknown>;
    expect(values['replicas']).toBe(1);
    expect(values['tolerations']).toEqual([
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { key: 'slipway/system', operator: 'Equal', value: 'true', effect: 'NoSchedule' },
    ]);
  });
});
