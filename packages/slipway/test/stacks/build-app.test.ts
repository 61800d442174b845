import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/stacks/build-app.js';
import { synthesize } from '../../src/stacks/synthesize.js';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

describe('buildApp (megadolls-like model)', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(megadollsLikeModel());
  });
  afterAll(() => fx.dispose());

  it('orders stacks CI first, then per environment network, data, runtime, services', () => {
    expect(fx.built.stacks.map((s) => `${s.kind}:${s.stack.stackName}`)).toEqual([
      'ci:megadolls-ci',
      'network:megadolls-dev-network',
      'data:megadolls-dev-data',
      'runtime:megadolls-dev-runtime',
      'service:megadolls-dev-pgadmin',
      'service:megadolls-dev-web',
      'service:megadolls-dev-worker',
      'network:megadolls-prod-network',
      'data:megadolls-prod-data',
      'runtime:megadolls-prod-runtime',
      'service:megadolls-prod-pgadmin',
      'service:megadolls-prod-web',
    ]);
    expect(fx.synthesized.map((s) => s.environment)).toEqual([
      undefined,
      ...Array(6).fill('dev'),
      ...Array(5).fill('prod'),
    ]);
  });

  it('gives each stack its account and region from the model', () => {
    const model = megadollsLikeModel();
    expect(fx.stack('megadolls-ci').account).toBe(model.ci.account);
    expect(fx.stack('megadolls-prod-web').account).toBe(model.environments[1]?.account);
    expect(fx.stack('megadolls-prod-web').region).toBe('af-south-1');
    expect(fx.stack('megadolls-dev-network').region).toBe('us-east-1');
  });

  it('protects the CI stack and every production stack from termination, and nothing in dev', () => {
    const protectedStacks = fx.built.stacks
      .filter((s) => s.stack.terminationProtection)
      .map((s) => s.stack.stackName);
    expect(protectedStacks).toEqual([
      'megadolls-ci',
      'megadolls-prod-network',
      'megadolls-prod-data',
      'megadolls-prod-runtime',
      'megadolls-prod-pgadmin',
      'megadolls-prod-web',
    ]);
  });

  it('tags every stack with the app and its environment', () => {
    const manifest = JSON.parse(readFileSync(join(fx.built.app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.artifacts['megadolls-prod-data'].properties.tags).toEqual({
      'slipway:app': 'megadolls',
      'slipway:environment': 'prod',
    });
    expect(manifest.artifacts['megadolls-ci'].properties.tags).toEqual({
      'slipway:app': 'megadolls',
      'slipway:environment': 'ci',
    });
  });

  it('makes services wait for the runtime and data stacks whose SSM values they read', () => {
    const web = fx.stack('megadolls-prod-web');
    expect(web.dependencies.map((s) => s.stackName).sort()).toEqual([
      'megadolls-prod-data',
      'megadolls-prod-runtime',
    ]);
    expect(fx.stack('megadolls-prod-runtime').dependencies.map((s) => s.stackName)).toEqual([
      'megadolls-prod-network',
    ]);
  });

  it('provides every environment its Availability Zones so synth needs no lookup', () => {
    const { node } = fx.built.app;
    expect(node.tryGetContext('availability-zones:account=222222222222:region=af-south-1')).toEqual([
      'af-south-1a',
      'af-south-1b',
      'af-south-1c',
    ]);
    expect(node.tryGetContext('availability-zones:account=111111111111:region=us-east-1')).toEqual([
      'us-east-1a',
      'us-east-1b',
    ]);
    expect(node.tryGetContext('@aws-cdk/core:defaultCrossStackReferences')).toBe('strong');
    // Lookups the assembly could not answer would be listed as missing context.
    const manifest = JSON.parse(readFileSync(join(fx.built.app.outdir, 'manifest.json'), 'utf8'));
    expect(manifest.missing).toBeUndefined();
  });

  it('creates no Lambda functions or custom resources anywhere', () => {
    const types = new Set(fx.resources().map((r) => r.resource.Type));
    expect(types.size).toBeGreaterThan(20);
    for (const type of types) {
      expect(type).not.toMatch(/^Custom::|^AWS::CloudFormation::CustomResource$|^AWS::Lambda::/);
    }
  });

  it('shares nothing through exports or stack outputs: values cross via SSM only', () => {
    for (const s of fx.synthesized) {
      const text = JSON.stringify(s.template);
      expect(text, s.name).not.toContain('Fn::ImportValue');
      expect(text, s.name).not.toContain('Fn::GetStackOutput');
      for (const output of Object.values(s.template.Outputs ?? {})) {
        expect(output, s.name).not.toHaveProperty('Export');
      }
    }
    const web = fx.synthesized.find((s) => s.name === 'megadolls-prod-web');
    expect(web?.template.Parameters).toHaveProperty(
      'SsmParameterValuemegadollsprodruntimelistenerarnC96584B6F00A464EAD1953AFF4B05118Parameter.Default',
      '/megadolls/prod/runtime/listener-arn',
    );
  });

  it('publishes no assets other than the templates themselves', () => {
    const files = readdirSync(fx.built.app.outdir).filter((f) => f.endsWith('.assets.json'));
    expect(files).toHaveLength(fx.synthesized.length);
    for (const file of files) {
      const assets = JSON.parse(readFileSync(join(fx.built.app.outdir, file), 'utf8'));
      expect(assets.dockerImages ?? {}, file).toEqual({});
      for (const asset of Object.values<{ source: { path: string } }>(assets.files ?? {})) {
        expect(asset.source.path, file).toMatch(/\.template\.json$/);
      }
    }
  });
});

describe('buildApp determinism', () => {
  it('writes byte-identical templates for the same model', () => {
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'slipway-determinism-')));
    try {
      const [first, second] = dirs.map((outdir) => synthesize(buildApp(devFloorModel(), { outdir })));
      expect(first?.length).toBeGreaterThan(0);
      first?.forEach((stack, i) => {
        const other = second?.[i];
        expect(other?.name).toBe(stack.name);
        expect(readFileSync(other?.templatePath ?? '', 'utf8')).toBe(
          readFileSync(stack.templatePath, 'utf8'),
        );
      });
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out the data stack when an environment has no database and no created secret', () => {
    const model = devFloorModel();
    const [dev] = model.environments;
    if (!dev) throw new Error('fixture has no environment');
    const api = { ...dev.services[0]!, database: undefined, secrets: {} };
    const bare = { ...model, environments: [{ ...dev, databases: [], secrets: [], services: [api] }] };
    const outdir = mkdtempSync(join(tmpdir(), 'slipway-nodata-'));
    try {
      const built = buildApp(bare, { outdir });
      expect(built.stacks.map((s) => s.kind)).toEqual(['ci', 'network', 'runtime', 'service']);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
