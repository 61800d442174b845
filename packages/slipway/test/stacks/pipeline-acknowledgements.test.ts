import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT_METADATA, type AcknowledgementMetadata } from '../../src/checks/acknowledge.js';
import { acknowledgeDeployActionRole } from '../../src/stacks/ci/pipeline-acknowledgements.js';

function acknowledgedRules(scope: IConstruct): string[] {
  return scope.node.metadata
    .filter((entry) => entry.type === ACKNOWLEDGEMENT_METADATA)
    .map((entry) => (entry.data as AcknowledgementMetadata).rule)
    .sort();
}

describe('pipeline role acknowledgements', () => {
  const env = { account: '111111111111', region: 'us-east-1' };

  it("acknowledges the artifact grants the role's policy holds, and nothing it does not hold", () => {
    const app = new App();
    const stack = new Stack(app, 'Target', { env });
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const other = new s3.Bucket(stack, 'Other');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    bucket.grantRead(role);
    acknowledgeDeployActionRole(role, [bucket, other]);
    expect(acknowledgedRules(role)).toEqual([
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*]`,
    ]);
  });

  it('names a bucket of another account the way the finding does, by its physical name', () => {
    const app = new App();
    const ci = new Stack(app, 'Ci', { env });
    const bucket = new s3.Bucket(ci, 'Artifacts', { bucketName: 'shop-artifacts' });
    const target = new Stack(app, 'Target', { env: { ...env, account: '222222222222' } });
    const role = new iam.Role(target, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }),
    );
    acknowledgeDeployActionRole(role, [bucket]);
    expect(acknowledgedRules(role)).toEqual([
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::shop-artifacts/*]',
    ]);
  });

  it('leaves a wildcard of any other kind open', () => {
    const app = new App();
    const stack = new Stack(app, 'Target', { env });
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:Put*', 'ecs:UpdateService'],
        resources: [`${bucket.bucketArn}/logs/*`, 'arn:aws:ecs:us-east-1:111111111111:service/*'],
      }),
    );
    acknowledgeDeployActionRole(role, [bucket]);
    expect(acknowledgedRules(role)).toEqual([]);
  });
});
