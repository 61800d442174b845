import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AcknowledgementError, acknowledge, collectFindings, prepareChecks } from '../../src/checks/index.js';
import type { AcknowledgementModel } from '../../src/model/types.js';
import type { Finding } from '../../src/checks/finding.js';
import type { SynthesizedStack } from '../../src/template/types.js';
import { checksModel } from './fixtures.js';

const S1_REASON = 'Uploads are private user files; CloudTrail data events already record access to them.';
const EC21_REASON = 'Bastion kept for the migration weekend only; removed in the next release.';

/** A deliberately careless data stack: a bucket without logging, a wildcard policy, SSH open to the world. */
function buildApp() {
  const app = new App({ builtinCloudFormationValidation: false });
  const data = new Stack(app, 'shop-dev-data');
  const ci = new Stack(app, 'shop-ci');
  const other = new Stack(app, 'shop-other');

  const uploads = new s3.Bucket(data, 'Uploads', { enforceSSL: true });
  acknowledge(uploads, 'AwsSolutions-S1', S1_REASON);
  // Stale on purpose: the bucket has no DynamoDB finding.
  acknowledge(uploads, 'AwsSolutions-DDB3', 'Left over from a table that was removed.');

  const worker = new iam.Role(data, 'Worker', {
    assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
  });
  worker.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));

  const bastion = new ec2.CfnSecurityGroup(data, 'Bastion', {
    groupDescription: 'bastion',
    vpcId: 'vpc-12345678',
    securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0' }],
  });

  // Acknowledged the cdk-nag way, which hides the finding from the plan.
  const archive = new s3.Bucket(ci, 'Archive', { enforceSSL: true });
  Validations.of(archive).acknowledge({ id: 'AwsSolutions-S1', reason: 'Hidden from the plan.' });

  new s3.Bucket(other, 'NotReported');
  return { app, data, ci, uploads, worker, bastion };
}

function logicalIdOf(construct: IConstruct): string {
  const resource = construct.node.defaultChild ?? construct;
  return Stack.of(resource).resolve((resource as unknown as { logicalId: string }).logicalId) as string;
}

function synthesized(app: App, environments: Record<string, string | undefined>): SynthesizedStack[] {
  const assembly = app.synth();
  return assembly.stacks
    .filter((artifact) => artifact.stackName in environments)
    .map((artifact) => ({
      name: artifact.stackName,
      environment: environments[artifact.stackName],
      templatePath: artifact.templateFullPath,
      template: artifact.template,
    }));
}

describe('collectFindings on a hand-built app', () => {
  let built: ReturnType<typeof buildApp>;
  let findings: Finding[];
  const find = (rule: string, resource: string) =>
    findings.filter((f) => f.rule === rule && f.resource === resource);

  beforeAll(() => {
    built = buildApp();
    const config: AcknowledgementModel[] = [
      {
        rule: 'Slipway-EC21',
        stack: 'shop-dev-data',
        resource: 'shop-dev-data/Bastion',
        reason: EC21_REASON,
      },
    ];
    const model = checksModel({ acknowledgements: config });
    prepareChecks(built.app, model);
    const stacks = synthesized(built.app, { 'shop-dev-data': 'dev', 'shop-ci': undefined });
    findings = collectFindings({ app: built.app, stacks, model });
  });

  it('reports cdk-nag findings at their stack and logical id', () => {
    const policy = logicalIdOf(built.worker.node.findChild('DefaultPolicy'));
    expect(find('AwsSolutions-IAM5[Action::s3:*]', policy)).toEqual([
      {
        rule: 'AwsSolutions-IAM5[Action::s3:*]',
        level: 'error',
        stack: 'shop-dev-data',
        resource: policy,
        message: expect.stringContaining('wildcard permissions'),
        acknowledged: false,
      },
    ]);
    expect(find('AwsSolutions-EC23', logicalIdOf(built.bastion))).toEqual([
      expect.objectContaining({ level: 'error', stack: 'shop-dev-data', acknowledged: false }),
    ]);
  });

  it("reports Slipway's own findings next to cdk-nag's", () => {
    const policy = logicalIdOf(built.worker.node.findChild('DefaultPolicy'));
    expect(find('Slipway-IAM1', policy)).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining('allows s3:* on *'),
        acknowledged: false,
      }),
    ]);
    expect(find('Slipway-EC22', logicalIdOf(built.bastion))).toEqual([
      expect.objectContaining({ level: 'error', acknowledged: false }),
    ]);
  });

  it('keeps a finding acknowledged with acknowledge() in the report, with its reason', () => {
    expect(find('AwsSolutions-S1', logicalIdOf(built.uploads))).toEqual([
      expect.objectContaining({ stack: 'shop-dev-data', acknowledged: true, reason: S1_REASON }),
    ]);
  });

  it('keeps a finding acknowledged in the config in the report, with its reason', () => {
    expect(find('Slipway-EC21', logicalIdOf(built.bastion))).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('tcp 22 from 0.0.0.0/0'),
        acknowledged: true,
        reason: EC21_REASON,
      }),
    ]);
  });

  it('warns about an acknowledgement that matches no finding', () => {
    expect(findings.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([
      expect.objectContaining({
        level: 'warning',
        stack: 'shop-dev-data',
        resource: 'shop-dev-data/Uploads',
        message: expect.stringContaining('AwsSolutions-DDB3'),
      }),
    ]);
  });

  it('warns when a finding is hidden with Validations.of().acknowledge()', () => {
    expect(findings.filter((f) => f.rule === 'Slipway-ACK2')).toEqual([
      expect.objectContaining({
        level: 'warning',
        stack: 'shop-ci',
        message: expect.stringContaining('AwsSolutions-S1'),
      }),
    ]);
  });

  it('gives a reason exactly to the acknowledged findings', () => {
    for (const finding of findings)
      expect(finding.reason !== undefined, finding.rule).toBe(finding.acknowledged);
  });

  it('reports only the stacks it was given', () => {
    expect(new Set(findings.map((f) => f.stack))).toEqual(new Set(['shop-dev-data', 'shop-ci']));
  });
});

describe('acknowledging IAM5 for a whole stack', () => {
  it('is rejected from the config before synth, naming the entry', () => {
    const model = checksModel({
      acknowledgements: [
        { rule: 'AwsSolutions-IAM5[Action::s3:*]', stack: 'shop-dev-data', reason: 'Workers need S3.' },
      ],
    });
    const app = new App();
    expect(() => prepareChecks(app, model)).toThrow(AcknowledgementError);
    expect(() => prepareChecks(app, model)).toThrow(/acknowledgements\[0\]\.resource: .*never per stack/);
  });

  it('is rejected by collectFindings too, so skipping prepareChecks cannot let it through', () => {
    const model = checksModel({
      acknowledgements: [{ rule: 'AwsSolutions-IAM5[Resource::*]', reason: 'Everything everywhere.' }],
    });
    const app = new App();
    expect(() => collectFindings({ app, stacks: [], model })).toThrow(/acknowledgements\[0\]\.resource/);
  });

  it('is rejected in code, on the stack', () => {
    const stack = new Stack(new App(), 'shop-dev-data');
    expect(() => acknowledge(stack, 'AwsSolutions-IAM5[Action::s3:*]', 'Workers need S3.')).toThrow(
      /never per stack/,
    );
  });
});
