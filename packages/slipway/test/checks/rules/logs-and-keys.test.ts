import { describe, expect, it } from 'vitest';
import { kmsKeyRotation } from '../../../src/checks/rules/kms/key-rotation.js';
import { logsRetention } from '../../../src/checks/rules/logs/retention.js';
import { checkRule } from './check-rule.js';

describe('Slipway-LOG1 log retention', () => {
  it('accepts a log group with a retention', () => {
    expect(
      checkRule(logsRetention, { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30 } }),
    ).toBe('compliant');
  });

  it('rejects one that keeps logs forever', () => {
    expect(checkRule(logsRetention, { Type: 'AWS::Logs::LogGroup', Properties: {} })).toBe('non-compliant');
  });
});

describe('Slipway-KMS1 key rotation', () => {
  it('accepts a symmetric key that rotates', () => {
    expect(
      checkRule(kmsKeyRotation, { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } }),
    ).toBe('compliant');
  });

  it('rejects a symmetric key that does not', () => {
    expect(
      checkRule(kmsKeyRotation, { Type: 'AWS::KMS::Key', Properties: { KeySpec: 'SYMMETRIC_DEFAULT' } }),
    ).toBe('non-compliant');
  });

  it('leaves asymmetric keys alone, which cannot rotate', () => {
    expect(checkRule(kmsKeyRotation, { Type: 'AWS::KMS::Key', Properties: { KeySpec: 'RSA_2048' } })).toBe(
      'not-applicable',
    );
  });
});
