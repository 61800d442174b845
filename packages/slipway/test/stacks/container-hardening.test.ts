import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel, ServiceModel } from '../../src/model/types.js';
import { planPreview } from '../../src/preview/preview-plan.js';
import { buildPreviewApp } from '../../src/stacks/build-app.js';
import { PROVISIONER_USER } from '../../src/stacks/data/database-provisioner.js';
import { synthesize } from '../../src/stacks/synthesize.js';
import { devFloorModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');

/** A task definition whose one container is unprivileged, read-only but for /tmp, memory-capped. */
function hardenedTask(memory: number, user: string) {
  return Match.objectLike({
    Memory: String(memory),
    ContainerDefinitions: [
      Match.objectLike({
        User: user,
        ReadonlyRootFilesystem: true,
        Memory: memory,
        MountPoints: [{ ContainerPath: '/tmp', SourceVolume: 'writable-tmp', ReadOnly: false }],
      }),
    ],
    // No host: Fargate backs the volume with the task's own ephemeral storage.
    Volumes: [{ Name: 'writable-tmp' }],
  });
}

function withApi(model: AppModel, change: Partial<ServiceModel>): AppModel {
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      services: env.services.map((s) => (s.name === 'api' ? { ...s, ...change } : s)),
    })),
  };
}

describe('service containers', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(devFloorModel());
  });
  afterAll(() => fx.dispose());

  it('run as uid 1000 on a read-only root with /tmp on task storage and the task memory as hard limit', () => {
    fx.template('floor-dev-api').hasResourceProperties('AWS::ECS::TaskDefinition', hardenedTask(512, '1000'));
  });

  it("follow the service's user, writable paths and memory, and may opt out of the read-only root", () => {
    const custom = fixtureApp(
      withApi(devFloorModel(), {
        user: '1000:1000',
        memory: 1024,
        cpu: 512,
        readonlyRootFilesystem: false,
        writablePaths: ['/tmp', '/var/cache/app', '/var/cache-app'],
      }),
    );
    try {
      const task = onlyResource(custom.template('floor-dev-api').findResources('AWS::ECS::TaskDefinition'));
      const [container] = task.Properties.ContainerDefinitions;
      expect(container).toMatchObject({ User: '1000:1000', ReadonlyRootFilesystem: false, Memory: 1024 });
      expect(container.MountPoints).toEqual([
        { ContainerPath: '/tmp', SourceVolume: 'writable-tmp', ReadOnly: false },
        { ContainerPath: '/var/cache/app', SourceVolume: 'writable-var-cache-app', ReadOnly: false },
        // The same name from the path, made unique by its position.
        { ContainerPath: '/var/cache-app', SourceVolume: 'writable-var-cache-app-2', ReadOnly: false },
      ]);
      expect(task.Properties.Volumes).toEqual([
        { Name: 'writable-tmp' },
        { Name: 'writable-var-cache-app' },
        { Name: 'writable-var-cache-app-2' },
      ]);
    } finally {
      custom.dispose();
    }
  });
});

describe('database provisioner container (medications dev)', () => {
  let fx: FixtureApp;
  beforeAll(async () => {
    fx = fixtureApp(await loadConfig(path.join(EXAMPLES, 'medications/slipway.config.ts')));
  });
  afterAll(() => fx.dispose());

  it("runs psql as the image's postgres user on a wholly read-only root, capped at the task's memory", () => {
    expect(PROVISIONER_USER).toBe('postgres');
    const task = onlyResource(fx.template('medications-dev-data').findResources('AWS::ECS::TaskDefinition'));
    expect(task.Properties.Memory).toBe('512');
    const [container] = task.Properties.ContainerDefinitions;
    expect(container).toMatchObject({ User: 'postgres', ReadonlyRootFilesystem: true, Memory: 512 });
    // psql writes nothing, so nothing is writable.
    expect(container.MountPoints).toBeUndefined();
    expect(task.Properties.Volumes).toBeUndefined();
  });
});

describe('preview containers (medications)', () => {
  let outdir: string;
  let template: Template;
  beforeAll(async () => {
    const model = await loadConfig(path.join(EXAMPLES, 'medications/slipway.config.ts'));
    const plan = planPreview(model, { branch: 'feat/read-only', now: new Date('2025-06-01T12:00:00Z') });
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-preview-hardening-'));
    const [stack] = synthesize(buildPreviewApp(model, plan, { outdir }));
    template = Template.fromJSON(stack!.template);
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('are hardened the same way as the environment services', () => {
    const task = onlyResource(template.findResources('AWS::ECS::TaskDefinition'));
    template.hasResourceProperties(
      'AWS::ECS::TaskDefinition',
      hardenedTask(Number(task.Properties.Memory), '1000'),
    );
  });
});
