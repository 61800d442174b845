import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { environmentManifests } from '../../src/kubernetes/environment-manifests.js';
import { fieldCheck } from '../../src/kubernetes/field-check.js';
import { MANIFEST_MARKER, writeManifests } from '../../src/kubernetes/write-manifests.js';
import { eksModel, FOLDER_OPTIONS } from './eks-environment.js';

const folder = () => {
  const { model, env } = eksModel();
  return environmentManifests(model, env, FOLDER_OPTIONS);
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('GitOps manifest files', () => {
  it('hold their objects as YAML documents under the marker, reading back to the objects', () => {
    const files = folder();
    for (const file of files) {
      expect(file.content.startsWith(`${MANIFEST_MARKER}\n---\napiVersion: `)).toBe(true);
      const documents = parseAllDocuments(file.content).map((d) => d.toJS() as unknown);
      expect(documents).toEqual(file.manifests.map((m) => m.toJSON()));
      // What was written, not only what was built, passes the field check.
      expect(fieldCheck(documents)).toEqual([]);
    }
  });

  it('replace the YAML of each folder written to, so a dropped service leaves it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'slipway-gitops-'));
    roots.push(root);
    writeManifests(root, folder());
    const services = path.join(root, 'gitops', 'dev', 'services');
    writeFileSync(path.join(services, 'stale-service.yaml'), 'kind: ConfigMap\n');
    writeFileSync(path.join(services, 'README.md'), 'kept\n');
    writeManifests(
      root,
      folder().filter((f) => !f.path.endsWith('/worker.yaml')),
    );
    expect(readdirSync(services).sort()).toEqual([
      'README.md',
      'namespace.yaml',
      'secret-stores.yaml',
      'web.yaml',
    ]);
    expect(readFileSync(path.join(services, 'web.yaml'), 'utf8')).toContain('name: web-env');
  });
});
