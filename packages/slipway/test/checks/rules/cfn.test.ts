import { describe, expect, it } from 'vitest';
import { cfnResourceTypeInRegion } from '../../../src/checks/rules/cfn/resource-type-in-region.js';
import { cfnStatefulRetention } from '../../../src/checks/rules/cfn/stateful-retention.js';
import { checkRule } from './check-rule.js';

describe('Slipway-CFN1 stateful retention', () => {
  it('accepts a database that snapshots on delete and replace', () => {
    const database = {
      Type: 'AWS::RDS::DBInstance',
      DeletionPolicy: 'Snapshot',
      UpdateReplacePolicy: 'Snapshot',
    };
    expect(checkRule(cfnStatefulRetention, database)).toBe('compliant');
  });

  it('accepts a retained log group', () => {
    const logs = { Type: 'AWS::Logs::LogGroup', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
    expect(checkRule(cfnStatefulRetention, logs)).toBe('compliant');
  });

  it('rejects a secret that is deleted with its stack', () => {
    const secret = {
      Type: 'AWS::SecretsManager::Secret',
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Retain',
    };
    expect(checkRule(cfnStatefulRetention, secret)).toEqual({ detail: 'DeletionPolicy is Delete' });
  });

  it('rejects Snapshot where CloudFormation can only retain', () => {
    const repository = {
      Type: 'AWS::ECR::Repository',
      DeletionPolicy: 'Snapshot',
      UpdateReplacePolicy: 'Retain',
    };
    expect(checkRule(cfnStatefulRetention, repository)).toEqual({ detail: 'DeletionPolicy is Snapshot' });
  });

  it('rejects unset policies on a bucket', () => {
    expect(checkRule(cfnStatefulRetention, { Type: 'AWS::S3::Bucket' })).toEqual({
      detail: 'DeletionPolicy is unset, UpdateReplacePolicy is unset',
    });
  });

  it('ignores stateless resources', () => {
    expect(checkRule(cfnStatefulRetention, { Type: 'AWS::ECS::Service' })).toBe('not-applicable');
  });
});

describe('Slipway-CFN2 resource type in region', () => {
  const project = { Type: 'AWS::CodeBuild::Project', Properties: {} };

  it('accepts a CodeBuild project in a region that has CodeBuild', () => {
    expect(checkRule(cfnResourceTypeInRegion, project, { region: 'ap-east-1' })).toBe('compliant');
  });

  it('rejects a CodeBuild project in ap-east-2, which cfn-lint says has none', () => {
    expect(checkRule(cfnResourceTypeInRegion, project, { region: 'ap-east-2' })).toEqual({
      detail: 'AWS::CodeBuild::Project is not offered in ap-east-2',
    });
  });

  it('says nothing when the region is not known', () => {
    expect(checkRule(cfnResourceTypeInRegion, project)).toBe('not-applicable');
  });
});
