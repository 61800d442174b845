import type { IDeployment } from 'kubernetes-models/apps/v1';
import type { IPodSpec } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { hostNamespaces } from '../../src/kubernetes/checks/host-namespaces.js';
import { floatingReason, pinnedImageTag } from '../../src/kubernetes/checks/image-tag.js';
import { checkGitopsFiles, checkManifests } from '../../src/kubernetes/checks/manifest-checks.js';
import type { ManifestDocument, ManifestRule } from '../../src/kubernetes/checks/manifest-rule.js';
import { privilegedContainer } from '../../src/kubernetes/checks/privileged-container.js';
import { resourceLimits } from '../../src/kubernetes/checks/resource-limits.js';
import { environmentManifests } from '../../src/kubernetes/environment-manifests.js';
import { eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const { model, env } = eksModel();
const files = environmentManifests(model, env, FOLDER_OPTIONS);
const webFile = files.find((f) => f.path.endsWith('services/web.yaml'))!;

/** The generated web Deployment as plain data, a fresh copy for a test to break. */
function webDeployment(): IDeployment {
  const deployment = webFile.manifests.find((m) => m.kind === 'Deployment')!;
  return structuredClone(deployment.toJSON()) as IDeployment;
}
const podOf = (document: IDeployment): IPodSpec => document.spec!.template.spec!;
const containerOf = (document: IDeployment) => podOf(document).containers[0]!;
const asDocument = (document: IDeployment) => document as unknown as ManifestDocument;

const cases: [ManifestRule, (d: IDeployment) => void][] = [
  [privilegedContainer, (d) => (containerOf(d).securityContext!.privileged = true)],
  [hostNamespaces, (d) => (podOf(d).hostNetwork = true)],
  [hostNamespaces, (d) => (podOf(d).hostPID = true)],
  [resourceLimits, (d) => delete containerOf(d).resources!.limits],
  [resourceLimits, (d) => delete containerOf(d).resources!.limits!.memory],
  [pinnedImageTag, (d) => (containerOf(d).image = 'example.com/web:latest')],
  [pinnedImageTag, (d) => (containerOf(d).image = 'example.com:5000/web')],
];

describe('manifest checks', () => {
  it('find nothing in the generated folder', () => {
    expect(checkGitopsFiles(files)).toEqual([]);
  });

  it.each(cases.map(([rule, breakIt], i) => [`${rule.id} #${i}`, rule, breakIt] as const))(
    '%s fires on a hand-broken Deployment, and only that rule',
    (_name, rule, breakIt) => {
      const broken = webDeployment();
      expect(rule.check(asDocument(broken))).toBe('compliant');
      breakIt(broken);
      expect(rule.check(asDocument(broken))).toEqual({ detail: expect.any(String) });
      const findings = checkManifests([asDocument(broken)], 'gitops/dev/services/web.yaml');
      expect(findings.map((f) => f.rule)).toEqual([rule.id]);
      expect(findings[0]).toMatchObject({
        level: rule.level,
        stack: 'gitops/dev/services/web.yaml',
        resource: 'Deployment megadolls/web',
        acknowledged: false,
      });
    },
  );

  it('warn on a floating image, and treat the other three as errors', () => {
    expect(pinnedImageTag.level).toBe('warning');
    expect([privilegedContainer, hostNamespaces, resourceLimits].map((r) => r.level)).toEqual([
      'error',
      'error',
      'error',
    ]);
  });

  it('look into every kind that runs pods, and skip the rest', () => {
    const pod = { containers: [{ name: 'x', image: 'x:latest', securityContext: { privileged: true } }] };
    const cronJob = { kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: pod } } } } };
    expect(privilegedContainer.check(cronJob)).not.toBe('compliant');
    expect(privilegedContainer.check({ kind: 'Pod', spec: pod })).not.toBe('compliant');
    expect(privilegedContainer.check({ kind: 'ConfigMap', data: {} })).toBe('not-applicable');
  });

  it('read an image reference: a registry port is not a tag, a digest pins', () => {
    expect(floatingReason('111111111111.dkr.ecr.us-east-1.amazonaws.com/megadolls/web:v1')).toBeUndefined();
    expect(floatingReason('registry:5000/web:v1')).toBeUndefined();
    expect(floatingReason('registry:5000/web')).toMatch(/no tag/);
    expect(floatingReason('web@sha256:abc')).toBeUndefined();
    expect(floatingReason('web:latest')).toMatch(/latest/);
  });
});
