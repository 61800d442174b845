import { describe, expect, it } from 'vitest';
import { estimateCost, estimateEnvironmentCost } from '../../src/cost/estimate.js';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import { database, fargateService, natGateway, stack, taskDefinition, usage } from './fixtures.js';

const prod = [
  stack('app-prod-network', { Nat: natGateway() }, 'prod'),
  stack('app-prod-data', { Db: database({ instanceClass: 'db.t4g.small', multiAz: true }) }, 'prod'),
  stack(
    'app-prod-web',
    {
      TaskDef: taskDefinition(1024, 2048, 'X86_64'),
      Service: fargateService({ desiredCount: 2, strategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] }),
    },
    'prod',
  ),
];

describe('regions', () => {
  it('prices af-south-1 from its own table and marks derived figures unverified', () => {
    const lines = estimateCost(prod, { region: 'af-south-1', usage: usage() });
    const fargate = lines.find((l) => l.resource === 'Service');
    const nat = lines.find((l) => l.resource === 'Nat');
    const db = lines.find((l) => l.resource === 'Db');
    // Fargate x86 in Cape Town: 2 × 730 × (0.0546 + 2 × 0.006) = 1460 × 0.0666 = 97.236
    expect(fargate?.usd).toBeCloseTo(97.236, 6);
    expect(fargate?.basis).toContain('(Fargate x86, 3P 2021, unverified)');
    // NAT: 730 × 0.045 × 1.35 = 730 × 0.06075 = 44.3475
    expect(nat?.usd).toBeCloseTo(44.3475, 6);
    expect(nat?.basis).toContain('DERIVED');
    // db.t4g.small Multi-AZ: 730 × 0.032 × 1.35 × 2 = 730 × 0.0432 × 2 = 63.072
    expect(db?.usd).toBeCloseTo(63.072, 6);
  });

  it('costs more in af-south-1 than in us-east-1 for the same templates', () => {
    const total = (region: string) =>
      estimateCost(prod, { region, usage: usage() }).reduce((sum, line) => sum + line.usd, 0);
    expect(total('af-south-1')).toBeGreaterThan(total('us-east-1') * 1.3);
  });

  it('counts the unverified figures an estimate used', () => {
    const capeTown = estimateEnvironmentCost(prod, { region: 'af-south-1', usage: usage() });
    // Fargate x86 (a 2021 snapshot), NAT hour and GB, the instance class and gp3 storage: derived.
    expect(capeTown.unverified).toEqual([
      'fargate.x86.gb-hour',
      'fargate.x86.vcpu-hour',
      'nat.gb',
      'nat.hour',
      'rds.db.t4g.small',
      'rds.gp3.gb-month',
    ]);
    const virginia = estimateEnvironmentCost(prod, { region: 'us-east-1', usage: usage() });
    expect(virginia.unverified).toEqual([]);
  });

  it('prices a region without a table as "not priced" with the reason, instead of failing', () => {
    // A table set with us-east-1 removed, through the seam rather than by editing the data.
    const { 'us-east-1': _removed, ...others } = PRICE_TABLES;
    const estimate = estimateEnvironmentCost(prod, {
      region: 'us-east-1',
      usage: usage(),
      priceTables: others,
    });
    expect(estimate.monthlyUsd).toBeNull();
    expect(estimate.lines).toEqual([]);
    expect(estimate.unpriced).toEqual([
      { reason: expect.stringContaining('no bundled prices for region "us-east-1"') },
    ]);
  });
});
