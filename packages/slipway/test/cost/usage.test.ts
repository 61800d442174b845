import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { database, elasticIp, fargateService, secret, stack, taskDefinition, usage } from './fixtures.js';

const templates = [
  stack('s', {
    TaskDef: taskDefinition(1024, 2048),
    Service: fargateService({ desiredCount: 1, launchType: 'FARGATE' }),
    Db: database(),
    Eip: elasticIp,
    Secret: secret,
  }),
];

describe('usage', () => {
  it('scales everything billed by the hour with hoursPerMonth, and nothing billed by the month', () => {
    const lines = estimateCost(templates, { region: 'us-east-1', usage: usage({ hoursPerMonth: 200 }) });
    const usd = (resource: string, driver: string) =>
      lines.find((l) => l.resource === resource && l.driver === driver)?.usd;
    // 200 × 0.04937 = 9.874; RDS 200 × 0.016 = 3.20; address 200 × 0.005 = 1.00
    expect(usd('Service', 'Fargate')).toBeCloseTo(9.874, 6);
    expect(lines.find((l) => l.resource === 'Db')?.usd).toBeCloseTo(3.2, 6);
    expect(usd('Eip', 'Public IPv4')).toBeCloseTo(1, 6);
    // Storage and secrets are held all month whether or not the environment runs.
    expect(lines.filter((l) => l.resource === 'Db')[1]?.usd).toBeCloseTo(2.3, 6);
    expect(usd('Secret', 'Secrets Manager')).toBe(0.4);
    expect(lines.find((l) => l.resource === 'Service')?.basis).toContain('1 task × 200 h');
  });

  it('prices ECR storage per repository from ecrGbPerRepository', () => {
    const ci = stack('app-ci', {
      Web: { Type: 'AWS::ECR::Repository', Properties: {} },
      Worker: { Type: 'AWS::ECR::Repository', Properties: {} },
    });
    const lines = estimateCost([ci], { region: 'us-east-1', usage: usage({ ecrGbPerRepository: 3 }) });
    // 3 GB × $0.10 each
    expect(lines.map((l) => l.resource)).toEqual(['Web', 'Worker']);
    expect(lines.map((l) => l.usd)).toEqual([expect.closeTo(0.3, 6), expect.closeTo(0.3, 6)]);
  });

  it('names the usage field that is out of range', () => {
    expect(() =>
      estimateCost(templates, { region: 'us-east-1', usage: usage({ hoursPerMonth: 800 }) }),
    ).toThrow('usage.hoursPerMonth is 800; a month has at most 744 hours.');
    expect(() =>
      estimateCost(templates, { region: 'us-east-1', usage: usage({ natGbPerMonth: -1 }) }),
    ).toThrow('usage.natGbPerMonth is -1; it must be a number of 0 or more.');
  });
});
