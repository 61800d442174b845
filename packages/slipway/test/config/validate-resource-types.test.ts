import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MISSING_RESOURCE_TYPES } from '../../src/config/data/aws-tables.generated.js';
import { zoneNames } from '../../src/config/data/regions.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { EnvironmentConfig, SlipwayConfig } from '../../src/config/schema.js';
import { resourceTypeIssues } from '../../src/config/validate/resource-types.js';
import { buildApp } from '../../src/stacks/build-app.js';
import { synthesize } from '../../src/stacks/synthesize.js';
import { lintAssemblies, lintTemplates } from '../support/cfn-lint.js';
import { expectIssue, validConfig } from './fixtures.js';

/** An environment in `region`, in its first two zones. */
function env(account: string, region: string, production = false): EnvironmentConfig {
  return { production, account, region, availabilityZones: zoneNames(region).slice(0, 2) };
}

/** The valid config with both environments in `region` and the given delivery and CI placement. */
function configIn(
  region: string,
  delivery: SlipwayConfig['delivery'],
  ci?: SlipwayConfig['ci'],
): SlipwayConfig {
  return {
    ...validConfig(),
    delivery,
    ...(ci === undefined ? {} : { ci }),
    environments: { dev: env('111111111111', region), prod: env('222222222222', region, true) },
  };
}

/** The region a fix suggests: the `e.g. <region>` at its end. */
function suggestedRegion(fix: string): string {
  const region = /e\.g\. ([a-z]{2}-[a-z]+-\d)\.?$/.exec(fix)?.[1];
  expect(region, fix).toBeDefined();
  return region!;
}

describe('resource types a region lacks', () => {
  it('rejects CodePipeline delivery when the CI region (the first environment’s) has no CodeBuild', () => {
    const found = expectIssue(configIn('ap-east-2', { pipeline: 'codepipeline' }), 'delivery.pipeline', {
      message: ['AWS CodeBuild is not offered in ap-east-2', 'AWS::CodeBuild::Project', 'the pipeline stack'],
      fix: ["delivery.pipeline: 'github-actions'", 'ci.region', 'e.g. ap-east-1'],
    });
    expect(found.message).toMatch(/cfn-lint \d/);
  });

  it('rejects it when ci.region puts the CI stack there, whatever the environments’ regions', () => {
    const config = configIn('us-east-1', { pipeline: 'codepipeline' }, { region: 'ap-east-2' });
    expectIssue(config, 'delivery.pipeline', {
      message: ['AWS CodeBuild is not offered in ap-east-2'],
      fix: ["delivery.pipeline: 'github-actions'", 'ci.region'],
    });
  });

  it.each(['ap-east-2', 'ca-west-1', 'mx-central-1'])(
    'suggests, for %s, a region that has CodeBuild, nearby when there is one',
    (region) => {
      const found = expectIssue(configIn(region, { pipeline: 'codepipeline' }), 'delivery.pipeline', {
        message: [`AWS CodeBuild is not offered in ${region}`],
        fix: ['ci.region'],
      });
      const suggested = suggestedRegion(found.fix);
      expect(MISSING_RESOURCE_TYPES[suggested as keyof typeof MISSING_RESOURCE_TYPES] ?? []).not.toContain(
        'AWS::CodeBuild::Project',
      );
      if (region !== 'mx-central-1') expect(suggested.split('-')[0]).toBe(region.split('-')[0]);
    },
  );

  it('accepts GitHub Actions delivery in ap-east-2: nothing there needs CodeBuild', () => {
    expect(() => resolveConfig(configIn('ap-east-2', { pipeline: 'github-actions' }))).not.toThrow();
  });

  it('accepts CodePipeline with the CI stack in ap-east-1 and the environments in ap-east-2, and cfn-lint agrees', () => {
    // CodeBuild runs in the pipeline's region; ap-east-2 gets the pipeline-target stacks (bucket,
    // key, deploy roles) and the cross-region deploy actions, which need CodePipeline there.
    const model = resolveConfig(
      configIn('ap-east-2', { pipeline: 'codepipeline' }, { account: '111111111111', region: 'ap-east-1' }),
    );
    const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-ap-east-'));
    try {
      const stacks = synthesize(buildApp(model, { outdir }));
      expect(stacks.map((s) => s.name)).toContain('shop-dev-pipeline-target');
      expect(lintAssemblies([outdir]).errors).toEqual([]);
      // The same pipeline template in ap-east-2 is what the check keeps from being planned.
      const pipeline = stacks.find((s) => s.name === 'shop-pipeline')!;
      expect(lintTemplates([pipeline.templatePath], { regions: ['ap-east-2'] }).errors).toEqual([
        expect.stringContaining(
          "E3006 Resource type 'AWS::CodeBuild::Project' does not exist in 'ap-east-2'",
        ),
      ]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('resource types a region lacks, against other tables', () => {
  const model = (config: SlipwayConfig) => resolveConfig(config);
  const pipelineConfig = () =>
    configIn('eu-west-1', { pipeline: 'codepipeline' }, { account: '111111111111', region: 'us-east-1' });

  it('blames delivery.pipeline when an environment’s region lacks CodePipeline for its deploy actions', () => {
    const config = pipelineConfig();
    const issues = resourceTypeIssues(
      { config, model: model(config) },
      { 'eu-west-1': ['AWS::CodePipeline::Pipeline'] },
    );
    expect(issues).toContainEqual({
      path: 'delivery.pipeline',
      message: expect.stringContaining('AWS CodePipeline is not offered in eu-west-1'),
      fix: expect.stringMatching(/delivery\.pipeline: 'github-actions'.*environments\.dev\.region/),
    });
    expect(issues.every((found) => found.path === 'delivery.pipeline')).toBe(true);
  });

  it('blames the environment’s region for what its own stacks need', () => {
    const config = pipelineConfig();
    const issues = resourceTypeIssues(
      { config, model: model(config) },
      { 'eu-west-1': ['AWS::RDS::DBInstance'] },
    );
    expect(issues.map((found) => found.path).sort()).toEqual([
      'environments.dev.region',
      'environments.prod.region',
    ]);
    expect(issues[0]!.message).toMatch(/AWS RDS is not offered in eu-west-1.*shop-dev-data/);
    expect(issues[0]!.fix).toMatch(/environments\.dev\.region.*e\.g\. eu-/);
  });

  it('leaves out stacks the environment does not get: no database, no created secret, no data stack', () => {
    const config = pipelineConfig();
    delete config.databases;
    delete config.secrets;
    config.services = { web: { port: 8080 } };
    expect(
      resourceTypeIssues({ config, model: model(config) }, { 'eu-west-1': ['AWS::RDS::DBInstance'] }),
    ).toEqual([]);
  });

  it('blames ci.region for what the CI stack needs, and the first environment’s region when ci.region is unset', () => {
    const set = configIn('eu-west-1', { pipeline: 'github-actions' }, { region: 'us-east-2' });
    expect(
      resourceTypeIssues({ config: set, model: model(set) }, { 'us-east-2': ['AWS::ECR::Repository'] }),
    ).toEqual([
      {
        path: 'ci.region',
        message: expect.stringContaining('AWS ECR is not offered in us-east-2'),
        fix: expect.stringContaining('ci.region'),
      },
    ]);
    const unset = configIn('eu-west-1', { pipeline: 'github-actions' });
    expect(
      resourceTypeIssues(
        { config: unset, model: model(unset) },
        { 'eu-west-1': ['AWS::ECR::Repository'] },
      ).map((found) => found.path),
    ).toEqual(['environments.dev.region']);
  });
});
