import { describe, expect, it } from 'vitest';
import { type AcknowledgementScope, applyAcknowledgements } from '../../src/checks/apply-acknowledgements.js';
import type { CodeAcknowledgement } from '../../src/checks/construct-index.js';
import type { LocatedFinding } from '../../src/checks/located-finding.js';

const bucketFinding: LocatedFinding = {
  rule: 'AwsSolutions-S1',
  level: 'error',
  stack: 'shop-dev-runtime',
  logicalId: 'LogsBucket',
  path: 'shop-dev-runtime/Logs/Bucket/Resource',
  message: 'The S3 Bucket has server access logs disabled.',
};

const scope: AcknowledgementScope = {
  stacks: new Set(['shop-ci', 'shop-dev-runtime']),
  complete: true,
  sharedStack: 'shop-ci',
};

function codeAck(path: string, rule: string, reason: string): CodeAcknowledgement {
  return { path, rule, reason, stack: path.split('/')[0], resource: path };
}

describe('applyAcknowledgements', () => {
  it('keeps an acknowledged finding, with the reason of the acknowledge() call above it', () => {
    const findings = applyAcknowledgements(
      [bucketFinding],
      [codeAck('shop-dev-runtime/Logs', 'AwsSolutions-S1', 'log bucket')],
      [],
      scope,
    );
    expect(findings).toEqual([
      {
        rule: 'AwsSolutions-S1',
        level: 'error',
        stack: 'shop-dev-runtime',
        resource: 'LogsBucket',
        message: bucketFinding.message,
        acknowledged: true,
        reason: 'log bucket',
      },
    ]);
  });

  it('prefers the acknowledgement nearest the resource', () => {
    const code = [
      codeAck('shop-dev-runtime', 'AwsSolutions-S1', 'whole stack'),
      codeAck('shop-dev-runtime/Logs/Bucket', 'AwsSolutions-S1', 'this bucket'),
    ];
    expect(applyAcknowledgements([bucketFinding], code, [], scope)[0]?.reason).toBe('this bucket');
  });

  it('does not treat a sibling path with the same prefix as a parent', () => {
    const findings = applyAcknowledgements(
      [bucketFinding],
      [codeAck('shop-dev-runtime/Log', 'AwsSolutions-S1', 'other')],
      [],
      scope,
    );
    expect(findings.find((finding) => finding.rule === 'AwsSolutions-S1')?.acknowledged).toBe(false);
  });

  it('matches config acknowledgements by rule, stack and logical id or construct path', () => {
    const byLogicalId = {
      rule: 'AwsSolutions-S1',
      stack: 'shop-dev-runtime',
      resource: 'LogsBucket',
      reason: 'by id',
    };
    const byPath = { rule: 'AwsSolutions-S1', resource: '/shop-dev-runtime/Logs', reason: 'by path' };
    expect(applyAcknowledgements([bucketFinding], [], [byLogicalId], scope)[0]?.reason).toBe('by id');
    expect(applyAcknowledgements([bucketFinding], [], [byPath], scope)[0]?.reason).toBe('by path');
  });

  it('does not match a config acknowledgement for another stack or rule', () => {
    const config = [
      { rule: 'AwsSolutions-S1', stack: 'shop-prod-runtime', reason: 'prod only' },
      { rule: 'AwsSolutions-S10', stack: 'shop-dev-runtime', reason: 'other rule' },
    ];
    const [finding] = applyAcknowledgements([bucketFinding], [], config, {
      ...scope,
      stacks: new Set(['shop-dev-runtime']),
    });
    expect(finding).toMatchObject({ rule: 'AwsSolutions-S1', acknowledged: false });
    expect(finding).not.toHaveProperty('reason');
  });

  it('reports an acknowledgement that matches nothing as a stale warning', () => {
    const findings = applyAcknowledgements(
      [],
      [codeAck('shop-dev-runtime/Logs', 'AwsSolutions-S1', 'gone')],
      [{ rule: 'Slipway-RDS4', stack: 'shop-dev-runtime', reason: 'gone too' }],
      scope,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'Slipway-ACK1',
        level: 'warning',
        stack: 'shop-dev-runtime',
        resource: 'shop-dev-runtime/Logs',
      }),
      expect.objectContaining({
        rule: 'Slipway-ACK1',
        level: 'warning',
        stack: 'shop-dev-runtime',
        resource: 'acknowledgements[0]',
      }),
    ]);
  });

  it('reports an app-wide config acknowledgement as stale only when every environment was checked', () => {
    const config = [{ rule: 'Slipway-RDS4', reason: 'prod is single-AZ for now' }];
    expect(applyAcknowledgements([], [], config, { ...scope, complete: false })).toEqual([]);
    expect(applyAcknowledgements([], [], config, scope)).toEqual([
      expect.objectContaining({ rule: 'Slipway-ACK1', stack: 'shop-ci', resource: 'acknowledgements[0]' }),
    ]);
  });

  it('does not call an acknowledgement stale because another one already covered its finding', () => {
    const findings = applyAcknowledgements(
      [bucketFinding],
      [codeAck('shop-dev-runtime/Logs', 'AwsSolutions-S1', 'in code')],
      [{ rule: 'AwsSolutions-S1', stack: 'shop-dev-runtime', reason: 'in config' }],
      scope,
    );
    expect(findings.map((finding) => finding.rule)).toEqual(['AwsSolutions-S1']);
  });
});
