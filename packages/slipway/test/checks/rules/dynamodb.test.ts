import { describe, expect, it } from 'vitest';
import { dynamodbProductionDeletionProtection } from '../../../src/checks/rules/dynamodb/production-deletion-protection.js';
import { dynamodbProductionPointInTimeRecovery } from '../../../src/checks/rules/dynamodb/production-point-in-time-recovery.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

function table(properties: Record<string, unknown> = {}): CfnResource {
  return {
    Type: 'AWS::DynamoDB::Table',
    Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], ...properties },
  };
}

describe('Slipway-DDB1 point-in-time recovery in production', () => {
  it('accepts a production table with continuous backups, as a boolean or a string', () => {
    for (const enabled of [true, 'true']) {
      const recovered = table({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: enabled } });
      expect(checkRule(dynamodbProductionPointInTimeRecovery, recovered, { production: true })).toBe(
        'compliant',
      );
    }
  });

  it('rejects a production table without them, and leaves other environments and types alone', () => {
    expect(checkRule(dynamodbProductionPointInTimeRecovery, table(), { production: true })).toEqual({
      detail: 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not true',
    });
    const off = table({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } });
    expect(checkRule(dynamodbProductionPointInTimeRecovery, off, { production: true })).not.toBe('compliant');
    expect(checkRule(dynamodbProductionPointInTimeRecovery, table())).toBe('not-applicable');
    const bucket: CfnResource = { Type: 'AWS::S3::Bucket', Properties: {} };
    expect(checkRule(dynamodbProductionPointInTimeRecovery, bucket, { production: true })).toBe(
      'not-applicable',
    );
  });
});

describe('Slipway-DDB2 deletion protection in production', () => {
  it('accepts a protected production table and rejects an unprotected one', () => {
    const protectedTable = table({ DeletionProtectionEnabled: true });
    expect(checkRule(dynamodbProductionDeletionProtection, protectedTable, { production: true })).toBe(
      'compliant',
    );
    expect(checkRule(dynamodbProductionDeletionProtection, table(), { production: true })).toBe(
      'non-compliant',
    );
    expect(checkRule(dynamodbProductionDeletionProtection, table())).toBe('not-applicable');
  });
});
