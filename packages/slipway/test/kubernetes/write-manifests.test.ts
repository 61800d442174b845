import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { manifestList, serviceManifests } from '../../src/kubernetes/service-manifests.js';
import { MANIFEST_MARKER, manifestFiles, writeManifests } from '../../src/kubernetes/write-manifests.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { manifestOptions } from './manifest-options.js';

const model = megadollsLikeModel();
const prod = model.environments.find((e) => e.name === 'prod')!;
const web = prod.services.find((s) => s.name === 'web')!;
const webManifests = () => manifestList(serviceManifests(prod, web, manifestOptions(model, prod, web)));

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('GitOps manifest files', () => {
  it('name one file per object under <env>/<service>, in the order given', () => {
    expect(manifestFiles('prod', 'web', webManifests()).map((f) => f.path)).toEqual([
      'prod/web/namespace-megadolls-prod.yaml',
      'prod/web/service-account-web.yaml',
      'prod/web/service-web.yaml',
      'prod/web/deployment-web.yaml',
      'prod/web/horizontal-pod-autoscaler-web.yaml',
      'prod/web/pod-disruption-budget-web.yaml',
      'prod/web/network-policy-web.yaml',
      'prod/web/ingress-web.yaml',
    ]);
  });

  it('write the same bytes for the same model, and YAML that reads back to the objects', () => {
    const first = manifestFiles('prod', 'web', webManifests());
    expect(manifestFiles('prod', 'web', webManifests())).toEqual(first);
    const deployment = first.find((f) => f.path.endsWith('deployment-web.yaml'))!;
    expect(deployment.content.startsWith(`${MANIFEST_MARKER}\napiVersion: apps/v1\nkind: Deployment\n`)).toBe(
      true,
    );
    const documents = first.map((f) => parse(f.content));
    expect(documents).toEqual(webManifests().map((m) => m.toJSON()));
    // What was written, not only what was built, passes the field check.
    expect(fieldCheck(documents)).toEqual([]);
  });

  it('replace the YAML of the service folder, so a dropped object leaves it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'slipway-gitops-'));
    roots.push(root);
    writeManifests(root, manifestFiles('prod', 'web', webManifests()));
    const folder = path.join(root, 'prod', 'web');
    writeFileSync(path.join(folder, 'stale-object.yaml'), 'kind: ConfigMap\n');
    writeFileSync(path.join(folder, 'README.md'), 'kept\n');
    const withoutIngress = webManifests().filter((m) => m.kind !== 'Ingress');
    writeManifests(root, manifestFiles('prod', 'web', withoutIngress));
    const names = readdirSync(folder).sort();
    expect(names).toContain('README.md');
    expect(names).not.toContain('stale-object.yaml');
    expect(names).not.toContain('ingress-web.yaml');
    expect(names.filter((n) => n.endsWith('.yaml'))).toHaveLength(7);
    expect(readFileSync(path.join(folder, 'deployment-web.yaml'), 'utf8')).toContain('name: web');
  });
});
