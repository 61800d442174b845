import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { planGitopsFolder } from '../../src/kubernetes/gitops-folder.js';
import { writeManifests } from '../../src/kubernetes/write-manifests.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';

const config = path.resolve(import.meta.dirname, '../../../../examples/goapp/slipway.config.ts');

/** The image of web's Deployment as the folder under `root` holds it. */
function webImage(root: string): string | undefined {
  const yaml = readFileSync(path.join(root, 'gitops/dev/services/web.yaml'), 'utf8');
  return /image: (\S+)/.exec(yaml)?.[1];
}

/** What `slipway manifests` writes into a repository, and what it keeps there. */
describe('the GitOps folder in the repository', () => {
  let model: AppModel;
  let dev: EnvironmentModel;

  beforeAll(async () => {
    model = await loadConfig(config);
    dev = model.environments.find((e) => e.name === 'dev')!;
  });

  it('creates every file the first time, then finds nothing to change', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'slipway-gitops-'));
    const first = planGitopsFolder(model, dev, root, []);
    expect(first.folder).toBe('gitops/dev');
    expect(first.changes.every((c) => c.change === 'created')).toBe(true);
    writeManifests(root, first.files);
    expect(planGitopsFolder(model, dev, root, []).changes.every((c) => c.change === 'unchanged')).toBe(true);
    expect(webImage(root)).toMatch(/goapp\/web:dev-latest$/);
  });

  it('keeps the tag delivery committed, and takes a named or a bare --image-tag over it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'slipway-gitops-'));
    writeManifests(root, planGitopsFolder(model, dev, root, [{ service: 'web', tag: 'sha-1111111' }]).files);
    expect(webImage(root)).toMatch(/:sha-1111111$/);

    // A config change regenerates the folder without resetting what runs.
    writeManifests(root, planGitopsFolder(model, dev, root, []).files);
    expect(webImage(root)).toMatch(/:sha-1111111$/);

    writeManifests(root, planGitopsFolder(model, dev, root, [{ tag: 'sha-2222222' }]).files);
    expect(webImage(root)).toMatch(/:sha-2222222$/);
    writeManifests(root, planGitopsFolder(model, dev, root, [{ service: 'web', tag: 'sha-3333333' }]).files);
    expect(webImage(root)).toMatch(/:sha-3333333$/);
  });

  it('reports a hand edit as an update and a file the model no longer makes as removed', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'slipway-gitops-'));
    writeManifests(root, planGitopsFolder(model, dev, root, []).files);
    writeFileSync(path.join(root, 'gitops/dev/services/namespace.yaml'), '# edited\n');
    writeFileSync(path.join(root, 'gitops/dev/services/old-worker.yaml'), '# gone from the config\n');
    const changes = planGitopsFolder(model, dev, root, []).changes.filter((c) => c.change !== 'unchanged');
    expect(changes).toEqual([
      { path: 'gitops/dev/services/namespace.yaml', change: 'updated' },
      { path: 'gitops/dev/services/old-worker.yaml', change: 'removed' },
    ]);
  });
});
