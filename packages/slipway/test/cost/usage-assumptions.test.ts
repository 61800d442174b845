import { describe, expect, it } from 'vitest';
import { USAGE_DEFAULTS } from '../../src/config/resolve/defaults.js';
import type { CostItem } from '../../src/cost/cost-item.js';
import { listUsageAssumptions } from '../../src/cost/usage-assumptions.js';

const item = (driver: CostItem['driver'], usd = 1): CostItem => ({
  stack: 'app-dev-network',
  resource: 'Thing',
  type: 'AWS::EC2::NatGateway',
  usd,
  basis: 'test',
  driver,
});

describe('listUsageAssumptions', () => {
  it('lists every figure, with the pricers’ defaults for those the model leaves out', () => {
    const rows = listUsageAssumptions(USAGE_DEFAULTS);
    expect(rows.map((row) => row.name)).toContain('queueRequestMillionsPerMonth');
    expect(rows.find((row) => row.name === 'natGbPerMonth')).toMatchObject({
      value: USAGE_DEFAULTS.natGbPerMonth,
      unit: 'GB / month per NAT gateway',
    });
    expect(rows.find((row) => row.name === 'functionAverageMs')?.value).toBe(200);
    expect(rows.every((row) => row.why !== undefined && row.unit.length > 0)).toBe(true);
  });

  it('keeps the model’s own value over the default', () => {
    const rows = listUsageAssumptions({ ...USAGE_DEFAULTS, hoursPerMonth: 200, functionAverageMs: 50 });
    expect(rows.find((row) => row.name === 'hoursPerMonth')?.value).toBe(200);
    expect(rows.find((row) => row.name === 'functionAverageMs')?.value).toBe(50);
  });

  it('given cost items, lists only the figures their drivers read, and the hours always', () => {
    const names = listUsageAssumptions(USAGE_DEFAULTS, [item('NAT gateway'), item('SQS', 0)]).map(
      (r) => r.name,
    );
    expect(names).toEqual(['hoursPerMonth', 'natGbPerMonth']);
  });
});
