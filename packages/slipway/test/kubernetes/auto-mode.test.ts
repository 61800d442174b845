import type { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { IngressClassParams } from '../../src/kubernetes/auto-mode-ingress-class.js';
import { checkGitopsFiles } from '../../src/kubernetes/checks/manifest-checks.js';
import { environmentManifests, type GitopsFile } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import type { EksClusterModel } from '../../src/model/eks.js';
import { CLUSTER, eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const AUTO: EksClusterModel = { ...CLUSTER, nodes: 'auto' };

const build = (cluster: EksClusterModel = AUTO) => {
  const { model, env } = eksModel(cluster);
  return environmentManifests(model, env, FOLDER_OPTIONS);
};
const paths = (files: readonly GitopsFile[]) => files.map((f) => f.path);
const objects = (files: readonly GitopsFile[]) => files.flatMap((f) => f.manifests);
const docs = (files: readonly GitopsFile[]) =>
  files.flatMap((f) => parseAllDocuments(f.content).map((d) => d.toJS() as Record<string, unknown>));

describe('the GitOps folder of an EKS Auto Mode cluster', () => {
  it("places services by Karpenter's capacity label, the one Auto Mode's nodes carry", () => {
    const deployments = docs(build()).filter((d) => d['kind'] === 'Deployment');
    const placement = deployments.map((d) => JSON.stringify(d['spec']));
    expect(placement.join()).not.toContain('eks.amazonaws.com/capacityType');
    // worker is on demand: required; web is Spot: preferred.
    expect(placement.join()).toContain('"karpenter.sh/capacity-type":"on-demand"');
    expect(placement.join()).toContain('"values":["spot"]');
  });

  it("gives each pool but system a NodePool on Auto Mode's built-in NodeClass", () => {
    const files = build();
    const pools = docs(files).filter((d) => d['kind'] === 'NodePool');
    const expected = AUTO.nodePools.filter((p) => p.name !== 'system').map((p) => p.name);
    expect(pools.map((p) => (p['metadata'] as { name: string }).name)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    for (const pool of pools) {
      const template = (
        pool['spec'] as {
          template: { metadata: { labels: Record<string, string> }; spec: Record<string, unknown> };
        }
      ).template;
      expect(template.spec['nodeClassRef']).toEqual({
        group: 'eks.amazonaws.com',
        kind: 'NodeClass',
        name: 'default',
      });
      // Auto Mode refuses NodePool labels in its own domain.
      expect(Object.keys(template.metadata.labels).filter((k) => k.startsWith('eks.amazonaws.com/'))).toEqual(
        [],
      );
    }
    expect(docs(files).filter((d) => d['kind'] === 'EC2NodeClass')).toEqual([]);
    expect(paths(files)).toContain('gitops/dev/apps/platform-auto-mode.yaml');
  });

  it('serves the alb class with Auto Mode load balancing, one group per environment, and no controller chart', () => {
    const files = build();
    const all = docs(files);
    const ingressClass = all.find((d) => d['kind'] === 'IngressClass')!;
    expect(ingressClass['spec']).toEqual({
      controller: 'eks.amazonaws.com/alb',
      parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'alb' },
    });
    const params = all.find((d) => d['kind'] === 'IngressClassParams')!;
    expect(params['apiVersion']).toBe('eks.amazonaws.com/v1');
    expect(params['spec']).toEqual({ scheme: 'internet-facing', group: { name: 'megadolls-dev' } });
    expect(paths(files).some((p) => p.includes('aws-load-balancer-controller'))).toBe(false);
    expect(paths(files).some((p) => p.includes('platform-karpenter'))).toBe(false);
    for (const ingress of objects(files).filter((m) => m.kind === 'Ingress') as Ingress[]) {
      expect(ingress.spec?.ingressClassName).toBe('alb');
      expect(Object.keys(ingress.metadata?.annotations ?? {})).not.toContain(
        'alb.ingress.kubernetes.io/group.name',
      );
    }
  });

  it('passes both validation passes and the checks', () => {
    const files = build();
    expect(validateManifests(objects(files)).map(renderFinding)).toEqual([]);
    expect(fieldCheck(docs(files)).map(renderFinding)).toEqual([]);
    expect(checkGitopsFiles(files)).toEqual([]);
  });

  it('reports a field IngressClassParams does not have, and a wrong scheme', () => {
    const extra = {
      apiVersion: 'eks.amazonaws.com/v1',
      kind: 'IngressClassParams',
      metadata: { name: 'alb' },
      spec: { schemes: 'internal' },
    };
    expect(fieldCheck([extra]).map(renderFinding).join('\n')).toMatch(/schemes/);
    const bad = new IngressClassParams({
      metadata: { name: 'alb' },
      spec: { scheme: 'public' as 'internal' },
    });
    expect(validateManifests([bad]).map(renderFinding).join('\n')).toMatch(/scheme/);
  });

  it('leaves the managed folder without Auto Mode objects', () => {
    const files = build(CLUSTER);
    expect(
      docs(files).filter((d) =>
        ['NodePool', 'IngressClass', 'IngressClassParams'].includes(String(d['kind'])),
      ),
    ).toEqual([]);
    expect(paths(files).some((p) => p.includes('aws-load-balancer-controller'))).toBe(true);
    const ingresses = objects(files).filter((m) => m.kind === 'Ingress') as Ingress[];
    for (const ingress of ingresses) {
      expect(Object.keys(ingress.metadata?.annotations ?? {})).toContain(
        'alb.ingress.kubernetes.io/group.name',
      );
    }
  });
});
