import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/checks/finding.js';
import type { PlannedStack } from '../../src/deploy/assembly.js';
import { OpenFindingsError } from '../../src/deploy/errors.js';
import { refuseOpenFindings } from '../../src/deploy/findings-gate.js';

const stack = (name: string) => ({ name }) as PlannedStack;
const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'Slipway-RDS4',
  level: 'error',
  stack: 'shop-prod-data',
  resource: 'DatabaseMainInstance',
  message: 'MultiAZ is false',
  acknowledged: false,
  ...overrides,
});

describe('refuseOpenFindings', () => {
  it('refuses an unacknowledged error on a stack being deployed, naming it and the command to rerun', () => {
    expect(() =>
      refuseOpenFindings([finding({})], [stack('shop-prod-data')], 'slipway deploy --env prod'),
    ).toThrow(OpenFindingsError);
    expect(() =>
      refuseOpenFindings([finding({})], [stack('shop-prod-data')], 'slipway deploy --env prod'),
    ).toThrow(
      /Slipway-RDS4 {2}shop-prod-data\/DatabaseMainInstance[\s\S]*run `slipway deploy --env prod` again/,
    );
  });

  it('lets acknowledged errors, warnings and other stacks\u2019 findings through', () => {
    const findings = [
      finding({ acknowledged: true, reason: 'accepted' }),
      finding({ level: 'warning', rule: 'Slipway-ECS7' }),
      finding({ stack: 'shop-dev-data' }),
    ];
    expect(() => refuseOpenFindings(findings, [stack('shop-prod-data')], 'slipway deploy')).not.toThrow();
  });
});
