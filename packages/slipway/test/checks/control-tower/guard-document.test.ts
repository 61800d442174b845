import { describe, expect, it } from 'vitest';
import { guardDocument } from '../../../src/checks/control-tower/guard-document.js';
import type { CfnTemplate } from '../../../src/template/types.js';

const TEMPLATE: CfnTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>' } },
  Resources: {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [] } } },
    Logs: {
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } },
      Metadata: { 'aws:cdk:path': 'app-dev-api/Logs/Resource' },
      DeletionPolicy: 'Retain',
    },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [] } } },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { Ref: 'Key' } } },
  },
};

describe('guardDocument', () => {
  it('keeps the resources of the named types whole, less their CDK metadata', () => {
    const document = guardDocument(TEMPLATE, new Set(['AWS::Logs::LogGroup']));
    expect(document?.Resources?.['Logs']).toEqual({
      Type: 'AWS::Logs::LogGroup',
      Properties: { RetentionInDays: 30, KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } },
      DeletionPolicy: 'Retain',
    });
  });

  it('keeps a resource they refer to as its type alone, so a reference check still resolves it', () => {
    expect(guardDocument(TEMPLATE, new Set(['AWS::Logs::LogGroup']))).toEqual({
      Resources: {
        Logs: expect.objectContaining({ Type: 'AWS::Logs::LogGroup' }),
        Key: { Type: 'AWS::KMS::Key' },
      },
    });
    expect(Object.keys(guardDocument(TEMPLATE, new Set(['AWS::SQS::Queue']))?.Resources ?? {})).toEqual([
      'Queue',
      'Key',
    ]);
  });

  it('leaves out the resources of other types nothing refers to, and the rest of the template', () => {
    const document = guardDocument(TEMPLATE, new Set(['AWS::Logs::LogGroup']));
    expect(Object.keys(document ?? {})).toEqual(['Resources']);
    expect(document?.Resources?.['Role']).toBeUndefined();
  });

  it('is undefined for a template creating none of the types, which the controls would skip', () => {
    expect(guardDocument(TEMPLATE, new Set(['AWS::RDS::DBInstance']))).toBeUndefined();
  });

  it('reads Fn::GetAtt written as one string too', () => {
    const template: CfnTemplate = {
      Resources: {
        Key: { Type: 'AWS::KMS::Key' },
        Logs: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: { 'Fn::GetAtt': 'Key.Arn' } } },
      },
    };
    expect(guardDocument(template, new Set(['AWS::Logs::LogGroup']))?.Resources?.['Key']).toEqual({
      Type: 'AWS::KMS::Key',
    });
  });
});
