import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFindings } from '../../src/checks/collect-findings.js';
import type { Finding } from '../../src/checks/finding.js';
import { defaultObservability } from '../../src/model/observability.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { layerStackName } from '../../src/naming/names.js';
import { ModelError } from '../../src/stacks/shared/model-error.js';
import { readValue, runtimeKeys } from '../../src/stacks/shared/cross-stack.js';
import { SlipwayStack } from '../../src/stacks/shared/slipway-stack.js';
import { synthesize } from '../../src/stacks/synthesize.js';
import { CANARY_RUNTIME_VERSION } from '../../src/stacks/monitoring/canary-runtime.js';
import { UptimeCanaries } from '../../src/stacks/monitoring/uptime-canaries.js';
import type { SynthesizedStack } from '../../src/template/types.js';
import { devFloorModel, megadollsLikeModel } from '../fixtures/models.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

function withUptime(env: EnvironmentModel, changes: Partial<EnvironmentModel> = {}): EnvironmentModel {
  return { ...env, ...changes, observability: { ...defaultObservability(env.production), uptime: true } };
}

/** A model whose first environment is `env`, with the Control Tower pack on. */
function modelWith(base: AppModel, env: EnvironmentModel): AppModel {
  return { ...base, checks: { controlTower: true }, environments: [env] };
}

/** The canaries alone in a stack of their own, built and synthesized as the kit does. */
function buildCanaries(model: AppModel) {
  const env = model.environments[0]!;
  const outdir = mkdtempSync(join(tmpdir(), 'slipway-uptime-'));
  const app = new App({ outdir });
  const stack = new SlipwayStack(app, {
    app: model.app,
    stackName: `${model.app}-${env.name}-monitoring`,
    account: env.account,
    region: env.region,
    environment: env.name,
    description: 'uptime canaries under test',
  });
  const where = { app: model.app, env: env.name };
  const canaries = new UptimeCanaries(stack, 'Uptime', {
    where,
    environment: env,
    alarmTopicArn: readValue(stack, where, 'runtime', runtimeKeys.alarmTopicArn),
  });
  // The kind only orders deploys; synthesize reads the stack alone.
  const synthesized = synthesize({ app, stacks: [{ stack, kind: 'service', environment: env.name }] });
  return {
    app,
    stack,
    canaries,
    synthesized,
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** The URL a canary's script is given, with the SSM parameter's template name where one is read. */
function healthUrl(t: Template, canaryName: string): unknown {
  const canary = Object.values(t.findResources('AWS::Synthetics::Canary')).find(
    (c) => c.Properties.Name === canaryName,
  );
  return canary?.Properties.RunConfig.EnvironmentVariables.HEALTH_URL;
}

describe('uptime canaries without a domain: the public load balancer by its DNS name', () => {
  let built: ReturnType<typeof buildCanaries>;
  let t: Template;
  let findings: Finding[];
  let model: AppModel;
  beforeAll(() => {
    const base = devFloorModel();
    model = modelWith(base, withUptime(base.environments[0]!));
    built = buildCanaries(model);
    t = Template.fromStack(built.stack);
    findings = collectFindings({
      app: built.app,
      stacks: built.synthesized as SynthesizedStack[],
      model,
      allEnvironments: false,
    });
  });
  afterAll(() => built.dispose());

  it('runs one canary per public service every 5 minutes on the pinned browserless runtime', () => {
    t.resourceCountIs('AWS::Synthetics::Canary', 1);
    t.hasResourceProperties('AWS::Synthetics::Canary', {
      Name: 'floor-dev-api',
      RuntimeVersion: CANARY_RUNTIME_VERSION,
      Schedule: { Expression: 'rate(5 minutes)' },
      ProvisionedResourceCleanup: 'AUTOMATIC',
      StartCanaryAfterCreation: true,
      Code: {
        Handler: 'index.handler',
        Script: Match.stringLikeRegexp("require\\('@aws/synthetics-core'\\)"),
      },
    });
    expect(CANARY_RUNTIME_VERSION).toMatch(/^syn-nodejs-\d+\.\d+$/);
  });

  it("calls the health path over HTTP at the load balancer's name, read from the runtime stack's parameter", () => {
    const url = healthUrl(t, 'floor-dev-api') as { 'Fn::Join': [string, unknown[]] };
    const [, parts] = url['Fn::Join'];
    expect(parts[0]).toBe('http://');
    expect(parts[2]).toBe('/health/ready');
    const parameter = (parts[1] as { Ref: string }).Ref;
    expect(t.toJSON().Parameters[parameter].Default).toBe('/floor/dev/runtime/alb-dns-name');
  });

  it('alarms on SuccessPercent below 100 for two runs in a row, to the alarm topic and back', () => {
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'floor-dev-api-uptime',
      Namespace: 'CloudWatchSynthetics',
      MetricName: 'SuccessPercent',
      Dimensions: [{ Name: 'CanaryName', Value: { Ref: Match.stringLikeRegexp('Canaryapi') } }],
      Statistic: 'Average',
      Period: 300,
      Threshold: 100,
      ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      AlarmActions: [{ Ref: Match.stringLikeRegexp('alarmtopicarn') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('alarmtopicarn') }],
    });
  });

  it('keeps artifacts in an encrypted, TLS-only, private bucket that expires them', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }),
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 14, Status: 'Enabled' })]),
      },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it("gives the canaries one role limited to their bucket, Synthetics' namespace and their own logs", () => {
    t.resourceCountIs('AWS::IAM::Role', 1);
    const policies = Object.values(t.findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]!.Properties.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
      Condition?: unknown;
    }[];
    const byAction = new Map(statements.flatMap((s) => [s.Action].flat().map((a) => [a, s])));
    expect([...byAction.keys()].sort()).toEqual([
      'cloudwatch:PutMetricData',
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      's3:GetBucketLocation',
      's3:ListAllMyBuckets',
      's3:PutObject',
    ]);
    expect(byAction.get('cloudwatch:PutMetricData')?.Condition).toEqual({
      StringEquals: { 'cloudwatch:namespace': 'CloudWatchSynthetics' },
    });
    expect(JSON.stringify(byAction.get('logs:PutLogEvents')?.Resource)).toContain(
      ':log-group:/aws/lambda/cwsyn-floor-dev-api-*',
    );
  });

  it('makes no custom resource and no Lambda function of its own', () => {
    const types = Object.values(t.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type);
    expect(
      types.filter((type) => type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource'),
    ).toEqual([]);
    expect(types).not.toContain('AWS::Lambda::Function');
  });

  it('leaves no open cdk-nag or Control Tower finding of any level', () => {
    expect(findings.filter((f) => !f.acknowledged).map((f) => f.rule)).toEqual([]);
    expect(findings.filter((f) => f.acknowledged).every((f) => (f.reason ?? '').length > 40)).toBe(true);
  });

  it('passes cfn-lint with zero errors', () => {
    const files = built.synthesized.map((s) => s.templatePath);
    expect(lintTemplates(files).errors).toEqual([]);
  });
});

describe('uptime canaries behind a domain', () => {
  it("calls https://<domain><health path> on the load balancer's domain", () => {
    const base = megadollsLikeModel();
    const prod = base.environments.find((e) => e.production)!;
    const web = prod.services.filter((s) => s.name !== 'pgadmin');
    const built = buildCanaries(modelWith(base, withUptime(prod, { services: web })));
    try {
      const t = Template.fromStack(built.stack);
      t.resourceCountIs('AWS::Synthetics::Canary', 1);
      expect(healthUrl(t, 'megadolls-prod-web')).toBe('https://megadolls.example.com/healthz');
    } finally {
      built.dispose();
    }
  });

  it("calls https://<edge domain><health path> through CloudFront, not the environment's domain", () => {
    const base = devFloorModel();
    const env = withUptime(base.environments[0]!, {
      domain: {
        name: 'origin.floor.example.com',
        certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/x',
      },
      edge: {
        priceClass: 'PriceClass_100',
        domain: {
          name: 'floor.example.com',
          certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/y',
        },
        cachedPaths: [],
      },
    });
    const built = buildCanaries(modelWith(base, env));
    try {
      expect(healthUrl(Template.fromStack(built.stack), 'floor-dev-api')).toBe(
        'https://floor.example.com/health/ready',
      );
    } finally {
      built.dispose();
    }
  });
});

describe('uptime canaries refused', () => {
  const refusal = (model: AppModel): ModelError => {
    try {
      buildCanaries(model).dispose();
    } catch (error) {
      if (error instanceof ModelError) return error;
      throw error;
    }
    throw new Error('expected a ModelError');
  };

  it('makes nothing with uptime off', () => {
    const base = devFloorModel();
    const built = buildCanaries(modelWith(base, base.environments[0]!));
    try {
      expect(built.canaries.canaries.size).toBe(0);
      Template.fromStack(built.stack).resourceCountIs('AWS::Synthetics::Canary', 0);
    } finally {
      built.dispose();
    }
  });

  it('refuses an edge without a domain, naming the field', () => {
    const base = devFloorModel();
    const env = withUptime(base.environments[0]!, {
      edge: { priceClass: 'PriceClass_100', cachedPaths: [] },
    });
    const error = refusal(modelWith(base, env));
    expect(error.path).toBe('environments.dev.edge.domain');
    expect(error.message).toMatch(/cloudfront\.net/);
  });

  it('refuses a service limited to some CIDRs and a health path the load balancer sends elsewhere', () => {
    const base = megadollsLikeModel();
    const dev = base.environments.find((e) => !e.production)!;
    const error = refusal(modelWith(base, withUptime(dev)));
    expect(error.path).toBe('environments.dev.services.pgadmin.allowedCidrs');
  });
});

describe('uptime canaries in the monitoring stack, beside the dashboard', () => {
  let fx: FixtureApp;
  let model: AppModel;
  beforeAll(() => {
    const base = devFloorModel();
    const env = base.environments[0]!;
    model = modelWith(
      base,
      withUptime(env, {
        stackNames: { ...env.stackNames, monitoring: layerStackName(base.app, env.name, 'monitoring') },
      }),
    );
    fx = fixtureApp(model);
  });
  afterAll(() => fx.dispose());

  it('plans with no open finding in the stack and lints clean', () => {
    const stacks = fx.synthesized.filter((s) => s.name === 'floor-dev-monitoring');
    expect(stacks).toHaveLength(1);
    fx.template('floor-dev-monitoring').resourceCountIs('AWS::Synthetics::Canary', 1);
    fx.template('floor-dev-monitoring').resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const findings = collectFindings({ app: fx.built.app, stacks, model, allEnvironments: false });
    expect(findings.filter((f) => !f.acknowledged).map((f) => f.rule)).toEqual([]);
    expect(lintTemplates(stacks.map((s) => s.templatePath)).errors).toEqual([]);
  });

  it("shows the canary's alarm on the dashboard's alarm status", () => {
    const dashboards = fx.template('floor-dev-monitoring').findResources('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(Object.values(dashboards)[0]?.['Properties']?.['DashboardBody']);
    expect(body).toContain(':alarm:floor-dev-api-uptime');
  });
});
