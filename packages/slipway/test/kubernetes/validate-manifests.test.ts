import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { describe, expect, it } from 'vitest';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { renderFinding } from '../../src/kubernetes/manifest-finding.js';
import { schemaCheck } from '../../src/kubernetes/schema-check.js';
import { manifestList, serviceManifests } from '../../src/kubernetes/service-manifests.js';
import { validateManifests } from '../../src/kubernetes/validate-manifests.js';
import { environmentManifests } from '../../src/kubernetes/environment-manifests.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { eksModel, FOLDER_OPTIONS } from './eks-environment.js';
import { manifestOptions } from './manifest-options.js';

const model = megadollsLikeModel();
const everyManifest = model.environments.flatMap((env) =>
  env.services.flatMap((service) =>
    manifestList(serviceManifests(env, service, manifestOptions(model, env, service))),
  ),
);
const dev = model.environments[0]!;
const web = dev.services.find((s) => s.name === 'web')!;

/** The web Deployment as plain data, for a test to break. */
function webDeploymentData(): Record<string, unknown> {
  return serviceManifests(dev, web, manifestOptions(model, dev, web)).deployment.toJSON() as Record<
    string,
    unknown
  >;
}

/** Sets (or, with `undefined`, deletes) the field at `path` of plain data. */
function edit(data: unknown, path: readonly (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce((node, key) => (node as Record<string, unknown>)[key], data);
  const key = path[path.length - 1]!;
  if (value === undefined) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string, unknown>)[key] = value;
}

const CONTAINER = ['spec', 'template', 'spec', 'containers', 0];

describe('manifest validation', () => {
  it('accepts every object built for the megadolls services, in both passes', () => {
    expect(everyManifest.length).toBeGreaterThan(20);
    expect(schemaCheck(everyManifest).map(renderFinding)).toEqual([]);
    expect(fieldCheck(everyManifest.map((m) => m.toJSON())).map(renderFinding)).toEqual([]);
    expect(validateManifests(everyManifest)).toEqual([]);
  });

  it('schema pass: names a field of the wrong type', () => {
    const data = webDeploymentData();
    edit(data, ['spec', 'replicas'], 'two');
    const findings = schemaCheck([new Deployment(data as never)]);
    expect(findings).toEqual([
      expect.objectContaining({
        check: 'schema',
        object: 'Deployment megadolls-dev/web',
        field: 'spec.replicas',
      }),
    ]);
  });

  it('schema pass: names a missing required field', () => {
    const data = webDeploymentData();
    edit(data, [...CONTAINER, 'name'], undefined);
    const findings = schemaCheck([new Deployment(data as never)]);
    expect(findings.map((f) => `${f.field} ${f.message}`).join('\n')).toMatch(/containers\[0\].*name/);
  });

  it('schema pass lets a misspelled field through, which is why the field pass exists', () => {
    const data = webDeploymentData();
    edit(data, ['spec', 'replcas'], 2);
    expect(schemaCheck([new Deployment(data as never)])).toEqual([]);
  });

  it('field pass: names a misspelled field at the top of a spec', () => {
    const data = webDeploymentData();
    edit(data, ['spec', 'replcas'], 2);
    const [finding, ...rest] = fieldCheck([data]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      check: 'fields',
      object: 'Deployment megadolls-dev/web',
      field: 'spec.replcas',
    });
    expect(finding!.message).toContain('replcas');
  });

  it('field pass: names a misspelled field deep in a container, on the object it is in', () => {
    const data = webDeploymentData();
    edit(data, [...CONTAINER, 'imagePullPolicyy'], 'Always');
    const documents = [...everyManifest.slice(0, 3).map((m) => m.toJSON()), data];
    const findings = fieldCheck(documents);
    expect(findings).toEqual([
      expect.objectContaining({
        object: 'Deployment megadolls-dev/web',
        field: 'spec.template.spec.containers[0].imagePullPolicyy',
      }),
    ]);
  });

  it('field pass: names a wrong type and an unknown kind too', () => {
    const data = webDeploymentData();
    edit(data, ['spec', 'replicas'], 'two');
    expect(fieldCheck([data])).toEqual([expect.objectContaining({ field: 'spec.replicas' })]);
    const unknown = { apiVersion: 'apps/v1', kind: 'Deploymint', metadata: { name: 'web' } };
    const [finding] = fieldCheck([unknown]);
    expect(finding).toMatchObject({ object: 'Deploymint web', field: 'kind' });
    expect(finding!.message).toContain('IDeploymint');
  });

  it('validateManifests reports both passes', () => {
    const data = webDeploymentData();
    edit(data, ['spec', 'replicas'], 'two');
    const checks = validateManifests([new Deployment(data as never)]).map((f) => `${f.check} ${f.field}`);
    expect(checks).toEqual(['schema spec.replicas', 'fields spec.replicas']);
  });

  describe('custom resources', () => {
    const { model: eks, env } = eksModel();
    const generated = environmentManifests(eks, env, FOLDER_OPTIONS).flatMap((f) => f.manifests);
    const dataOf = (kind: string, name: string) =>
      structuredClone(
        generated.find((m) => m.kind === kind && m.metadata?.name === name)!.toJSON(),
      ) as Record<string, unknown>;

    it('field pass: types ExternalSecrets and Argo CD Applications by their own packages', () => {
      const secret = dataOf('ExternalSecret', 'web-env');
      edit(secret, ['spec', 'refreshIntervall'], '1h');
      const application = dataOf('Application', 'megadolls-root');
      edit(application, ['spec', 'syncPolicy', 'automated', 'selfHeel'], true);
      expect(fieldCheck([secret, application])).toEqual([
        expect.objectContaining({
          object: 'ExternalSecret megadolls/web-env',
          field: 'spec.refreshIntervall',
        }),
        expect.objectContaining({
          object: 'Application argocd/megadolls-root',
          field: 'spec.syncPolicy.automated.selfHeel',
        }),
      ]);
    });

    it('schema pass: names a wrong type in a custom resource', () => {
      const secret = dataOf('ExternalSecret', 'web-env');
      edit(secret, ['spec', 'data', 0, 'remoteRef', 'key'], 42);
      const application = dataOf('Application', 'megadolls-root');
      edit(application, ['spec', 'project'], undefined);
      const findings = schemaCheck([
        new ExternalSecret(secret as never),
        new Application(application as never),
      ]);
      expect(findings.map((f) => `${f.object} ${f.field}`)).toEqual([
        'ExternalSecret megadolls/web-env spec.data[0].remoteRef.key',
        expect.stringMatching(/^Application argocd\/megadolls-root spec/),
      ]);
    });
  });
});
