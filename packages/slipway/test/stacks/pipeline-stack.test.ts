import { lintTemplates } from '../support/cfn-lint.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel } from '../../src/model/types.js';
import { hasUnacknowledgedErrors } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

const CONFIG = path.resolve(import.meta.dirname, '../../../../examples/megadolls/slipway.config.ts');

async function codepipelineModel(): Promise<AppModel> {
  const model = await loadConfig(CONFIG);
  return { ...model, delivery: { ...model.delivery!, pipeline: 'codepipeline' } };
}

describe('CodePipeline delivery (seed 004)', () => {
  let fx: FixtureApp;
  let model: AppModel;
  beforeAll(async () => {
    model = await codepipelineModel();
    fx = fixtureApp(model);
  });
  afterAll(() => fx.dispose());

  it('adds the pipeline stack in the CI account and a target stack only where the account or region differs', () => {
    const names = fx.synthesized.map((s) => s.name);
    expect(names).toContain('megadolls-pipeline');
    expect(names.filter((n) => n.includes('pipeline'))).toEqual([
      'megadolls-prod-pipeline-target',
      'megadolls-pipeline',
    ]);
    const pipeline = fx.stack('megadolls-pipeline');
    expect(pipeline.account).toBe(model.ci.account);
    expect(pipeline.region).toBe(model.ci.region);
    expect(fx.stack('megadolls-prod-pipeline-target').region).toBe('af-south-1');
  });

  it('runs one V2 pipeline per environment and service, from the environment tag to the ECS service', () => {
    const t = fx.template('megadolls-pipeline');
    t.resourceCountIs('AWS::CodePipeline::Pipeline', 4);
    t.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Name: 'megadolls-dev-web',
      PipelineType: 'V2',
      Stages: [
        Match.objectLike({
          Name: 'Source',
          Actions: [
            Match.objectLike({
              ActionTypeId: Match.objectLike({ Provider: 'ECR' }),
              Configuration: { RepositoryName: 'megadolls/web', ImageTag: 'dev-latest' },
            }),
          ],
        }),
        Match.objectLike({
          Name: 'ImageDefinitions',
          Actions: [Match.objectLike({ ActionTypeId: Match.objectLike({ Provider: 'CodeBuild' }) })],
        }),
        Match.objectLike({
          Name: 'Deploy',
          Actions: [
            Match.objectLike({
              ActionTypeId: Match.objectLike({ Provider: 'ECS' }),
              Configuration: Match.objectLike({
                ClusterName: 'megadolls-dev',
                ServiceName: 'megadolls-dev-web',
              }),
            }),
          ],
        }),
      ],
    });
  });

  it('waits for a manual approval before prod, and only there', () => {
    const pipelines = fx.template('megadolls-pipeline').findResources('AWS::CodePipeline::Pipeline');
    const stages = Object.fromEntries(
      Object.values(pipelines).map((p) => [
        p.Properties.Name,
        p.Properties.Stages.map((s: { Name: string }) => s.Name),
      ]),
    );
    expect(stages).toEqual({
      'megadolls-dev-web': ['Source', 'ImageDefinitions', 'Deploy'],
      'megadolls-dev-pgadmin': ['Source', 'ImageDefinitions', 'Deploy'],
      'megadolls-prod-web': ['Source', 'ImageDefinitions', 'Approve', 'Deploy'],
      'megadolls-prod-pgadmin': ['Source', 'ImageDefinitions', 'Approve', 'Deploy'],
    });
    const prod = Object.values(pipelines).find((p) => p.Properties.Name === 'megadolls-prod-web');
    expect(prod?.Properties.Stages[0].Actions[0].Configuration.ImageTag).toBe('latest');
  });

  it('writes the image definitions for the service container in CodeBuild', () => {
    const t = fx.template('megadolls-pipeline');
    const project = Object.values(t.findResources('AWS::CodeBuild::Project'))[0];
    const buildspec = String(project?.Properties.Source.BuildSpec);
    expect(buildspec).toContain('imageDetail.json');
    expect(buildspec).toContain('imagedefinitions.json');
    expect(project?.Properties.EncryptionKey).toBeDefined();
  });

  it('gives the services the fixed names the pipelines deploy to', () => {
    fx.template('megadolls-prod-web').hasResourceProperties('AWS::ECS::Service', {
      ServiceName: 'megadolls-prod-web',
    });
  });

  it('deploys to another account only as a role there that trusts nothing but the pipeline role', () => {
    const roles = fx.template('megadolls-prod-pipeline-target').findResources('AWS::IAM::Role');
    expect(Object.keys(roles)).toHaveLength(2);
    for (const role of Object.values(roles)) {
      expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Condition: {
            ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/megadolls-pipeline' },
          },
        },
      ]);
    }
  });

  it('uses no GitHub identity, no custom resource and no Lambda', () => {
    for (const name of ['megadolls-pipeline', 'megadolls-prod-pipeline-target']) {
      const text = JSON.stringify(fx.template(name).toJSON());
      expect(text).not.toMatch(/Custom::|AWS::Lambda::|token\.actions\.githubusercontent\.com/);
    }
  });

  it('keeps the artifact buckets and keys, encrypted and rotated', () => {
    for (const name of ['megadolls-pipeline', 'megadolls-prod-pipeline-target']) {
      const t = fx.template(name);
      t.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      t.hasResource('AWS::KMS::Key', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({ EnableKeyRotation: true }),
      });
    }
  });

  it('versions the artifact buckets and expires noncurrent versions and expired delete markers', () => {
    for (const name of ['megadolls-pipeline', 'megadolls-prod-pipeline-target']) {
      fx.template(name).hasResourceProperties('AWS::S3::Bucket', {
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
            Match.objectLike({ ExpiredObjectDeleteMarker: true }),
          ]),
        },
      });
    }
  });

  it('keeps the build logs a year, encrypted with the artifact key that admits CloudWatch Logs', () => {
    const t = fx.template('megadolls-pipeline');
    const keys = t.findResources('AWS::KMS::Key', {
      Properties: { Description: 'Encrypts megadolls-pipeline-artifacts' },
    });
    const [keyId] = Object.keys(keys);
    t.hasResourceProperties('AWS::Logs::LogGroup', {
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    const group = Object.values(t.findResources('AWS::Logs::LogGroup'))[0];
    expect(group?.Properties.RetentionInDays).toBeGreaterThanOrEqual(365);
    const statements = keys[keyId!]!.Properties.KeyPolicy.Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
        Principal: { Service: `logs.${model.ci.region}.amazonaws.com` },
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${model.ci.region}:${model.ci.account}:log-group:*`,
          },
        },
      }),
    );
  });

  it('lets the prod deploy role move image tags, which is how a release starts the prod pipelines', () => {
    const policies = fx.template('megadolls-ci').findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DeployRoleProd') }] },
    });
    const statements = Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: 'MoveImageTags',
        Action: ['ecr:BatchGetImage', 'ecr:DescribeImages', 'ecr:PutImage'],
      }),
    );
    const dev = fx.template('megadolls-ci').findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DeployRoleDev') }] },
    });
    expect(JSON.stringify(dev)).not.toContain('MoveImageTags');
  });

  it('passes cfn-lint with zero errors', () => {
    const files = fx.synthesized.filter((s) => s.name.includes('pipeline')).map((s) => s.templatePath);
    expect(lintTemplates(files).errors).toEqual([]);
  });
});

describe('CodePipeline delivery in the plan', () => {
  let plan: PlanOutcome;
  const out = mkdtempSync(path.join(tmpdir(), 'slipway-pipeline-plan-'));
  beforeAll(async () => {
    plan = runPlan(await codepipelineModel(), { outdir: out, cost: false });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('has zero unacknowledged error findings, each acknowledgement with a reason', () => {
    const findings = [...plan.shared.findings, ...plan.environments.flatMap((e) => e.findings)];
    const pipelineFindings = findings.filter((f) => f.stack.includes('pipeline'));
    expect(pipelineFindings.filter((f) => f.level === 'error' && !f.acknowledged)).toEqual([]);
    expect(pipelineFindings.filter((f) => f.acknowledged).length).toBeGreaterThan(10);
    for (const finding of pipelineFindings.filter((f) => f.acknowledged)) {
      expect(finding.reason?.length, finding.rule).toBeGreaterThan(30);
    }
    expect(hasUnacknowledgedErrors(plan)).toBe(false);
  });
});

describe('GitHub Actions delivery', () => {
  it('builds no pipeline stack and leaves service names to CloudFormation', () => {
    const fx = fixtureApp(megadollsLikeModel());
    try {
      expect(fx.synthesized.map((s) => s.name).filter((n) => n.includes('pipeline'))).toEqual([]);
      const service = Object.values(fx.template('megadolls-prod-web').findResources('AWS::ECS::Service'))[0];
      expect(service?.Properties.ServiceName).toBeUndefined();
    } finally {
      fx.dispose();
    }
  });
});
