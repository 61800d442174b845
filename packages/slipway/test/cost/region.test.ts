import { describe, expect, it } from 'vitest';
import { CostEstimateError } from '../../src/cost/errors.js';
import { estimateCost } from '../../src/cost/estimate.js';
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

  it('rejects a region without a price table and lists the regions it knows', () => {
    const estimate = () => estimateCost(prod, { region: 'eu-west-9', usage: usage() });
    expect(estimate).toThrow(CostEstimateError);
    expect(estimate).toThrow(
      'No bundled prices for region "eu-west-9". The price table knows: af-south-1, us-east-1.',
    );
  });
});
