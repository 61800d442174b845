import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledgementProblems } from '../../../src/checks/acknowledgement-rules.js';
import { applyAcknowledgements } from '../../../src/checks/apply-acknowledgements.js';
import { runControlTower } from '../../../src/checks/control-tower/run-control-tower.js';
import type { CfnTemplate, SynthesizedStack } from '../../../src/template/types.js';

/** One log group kept for a year but without a KMS key: fails CT.CLOUDWATCH.PR.3, passes CT.CLOUDWATCH.PR.2. */
const LOGS: CfnTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    ServiceLogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } },
  },
};

/** A log group that is encrypted: nothing for the log group controls to report. */
const ENCRYPTED: CfnTemplate = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    FlowLogGroup: {
      Type: 'AWS::Logs::LogGroup',
      Properties: {
        RetentionInDays: 400,
        KmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000',
      },
    },
  },
};

function written(name: string, template: CfnTemplate): SynthesizedStack {
  const dir = mkdtempSync(path.join(tmpdir(), 'slipway-control-tower-'));
  const templatePath = path.join(dir, `${name}.template.json`);
  writeFileSync(templatePath, JSON.stringify(template, null, 1));
  return { name, environment: 'dev', templatePath, template };
}

const paths: Record<string, string> = {
  'app-dev-api/ServiceLogGroup': 'app-dev-api/Service/LogGroup/Resource',
};
const pathOf = (stack: string, logicalId: string) => paths[`${stack}/${logicalId}`];

describe('runControlTower', () => {
  const findings = runControlTower(
    [written('app-dev-api', LOGS), written('app-dev-network', ENCRYPTED)],
    pathOf,
  );

  it('reports the failing control on its stack and resource, by control id, as an error', () => {
    expect(findings).toEqual([
      {
        rule: 'CT.CLOUDWATCH.PR.3',
        level: 'error',
        stack: 'app-dev-api',
        logicalId: 'ServiceLogGroup',
        path: 'app-dev-api/Service/LogGroup/Resource',
        message: expect.stringContaining('encrypted at rest with an AWS KMS key'),
      },
    ]);
  });

  it("gives the control's name and its fix in the message", () => {
    expect(findings[0]?.message).toContain('(cloudwatch_log_group_encrypted_check)');
    expect(findings[0]?.message).toContain("Fix: Set 'KmsKeyId'");
  });

  it('reports nothing for a control the template passes (retention of a year or more)', () => {
    expect(findings.map((f) => f.rule)).not.toContain('CT.CLOUDWATCH.PR.2');
  });

  it('reports every resource a control fails on, each as its own finding', () => {
    const twoGroups: CfnTemplate = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Second: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } },
        First: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } },
      },
    };
    const retention = runControlTower([written('app-dev-data', twoGroups)], () => undefined).filter(
      (f) => f.rule === 'CT.CLOUDWATCH.PR.2',
    );
    expect(retention.map((f) => [f.stack, f.logicalId])).toEqual([
      ['app-dev-data', 'First'],
      ['app-dev-data', 'Second'],
    ]);
  });

  it('resolves a reference to a resource of a type the control does not name (CT.LAMBDA.PR.2)', () => {
    // A service principal needs SourceAccount or a SourceArn that is a string or a local reference.
    const permission = (sourceArn: unknown): CfnTemplate => ({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Uploads: { Type: 'AWS::S3::Bucket' },
        Invoke: {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            Action: 'lambda:InvokeFunction',
            FunctionName: 'resize',
            Principal: 's3.amazonaws.com',
            SourceArn: sourceArn,
          },
        },
      },
    });
    const lambdaControl = (template: CfnTemplate) =>
      runControlTower([written('app-dev-functions', template)], () => undefined)
        .filter((f) => f.rule === 'CT.LAMBDA.PR.2')
        .map((f) => f.logicalId);
    expect(lambdaControl(permission({ 'Fn::GetAtt': ['Uploads', 'Arn'] }))).toEqual([]);
    expect(lambdaControl(permission({ 'Fn::GetAtt': ['Missing', 'Arn'] }))).toEqual(['Invoke']);
  });

  it('is acknowledged like any other finding, by control id on a logical id or construct path', () => {
    const scope = {
      stacks: new Set(['app-dev-api', 'app-dev-network']),
      complete: true,
      sharedStack: 'app-ci',
    };
    const reason = 'Service logs carry no personal data; the AWS-owned key is enough here.';
    const byLogicalId = [
      { rule: 'CT.CLOUDWATCH.PR.3', stack: 'app-dev-api', resource: 'ServiceLogGroup', reason },
    ];
    expect(applyAcknowledgements(findings, [], byLogicalId, scope)).toEqual([
      expect.objectContaining({
        rule: 'CT.CLOUDWATCH.PR.3',
        resource: 'ServiceLogGroup',
        acknowledged: true,
        reason,
      }),
    ]);
    const byCode = [
      {
        rule: 'CT.CLOUDWATCH.PR.3',
        path: 'app-dev-api/Service',
        stack: 'app-dev-api',
        resource: 'Service',
        reason,
      },
    ];
    expect(applyAcknowledgements(findings, byCode, [], scope)).toEqual([
      expect.objectContaining({ acknowledged: true, reason }),
    ]);
  });

  it('accepts a control id as an acknowledgement rule, and rejects a control name', () => {
    const reason = 'A reason a reviewer can read.';
    expect(acknowledgementProblems([{ rule: 'CT.CLOUDWATCH.PR.3', reason }])).toEqual([]);
    expect(acknowledgementProblems([{ rule: 'CT.NETWORK-FIREWALL.PR.1', reason }])).toEqual([]);
    expect(acknowledgementProblems([{ rule: 'cloudwatch_log_group_encrypted_check', reason }])).toHaveLength(
      1,
    );
  });
});
