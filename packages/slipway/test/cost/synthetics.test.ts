import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { minutesBetweenRuns } from '../../src/cost/pricers/synthetics-canary.js';
import { priceTableFor } from '../../src/cost/prices/index.js';
import { stack, usage } from './fixtures.js';

function canary(expression: string) {
  return {
    Type: 'AWS::Synthetics::Canary',
    Properties: {
      Name: 'shop-prod-web',
      Schedule: { Expression: expression },
      RuntimeVersion: 'syn-nodejs-4.1',
    },
  };
}

describe('uptime canaries in the estimate', () => {
  it('prices a 5-minute canary as its runs over the month at the price per run', () => {
    const lines = estimateCost([stack('m', { Web: canary('rate(5 minutes)') })], {
      region: 'us-east-1',
      usage: usage(),
    });
    expect(lines).toHaveLength(1);
    // 730 h × 60 / 5 = 8,760 runs × $0.0012 = $10.512
    expect(lines[0]!.usd).toBeCloseTo(10.512, 6);
    expect(lines[0]!.driver).toBe('Synthetics');
    expect(lines[0]!.basis).toMatch(/^8760 runs \(every 5 min over 730 h\) × \$0\.0012/);
    expect(lines[0]!.basis).toContain('S3 artifacts negligible');
  });

  it('follows the usage model: half the hours, half the runs', () => {
    const [line] = estimateCost([stack('m', { Web: canary('rate(5 minutes)') })], {
      region: 'us-east-1',
      usage: usage({ hoursPerMonth: 365 }),
    });
    expect(line!.usd).toBeCloseTo(5.256, 6);
  });

  it('reads minutes and hours from a rate, and nothing from a cron or a one-off run', () => {
    expect(minutesBetweenRuns('rate(1 minute)')).toBe(1);
    expect(minutesBetweenRuns('rate(15 minutes)')).toBe(15);
    expect(minutesBetweenRuns('rate(2 hours)')).toBe(120);
    expect(minutesBetweenRuns('rate(0 minutes)')).toBeUndefined();
    expect(minutesBetweenRuns('cron(0 * * * ? *)')).toBeUndefined();
  });

  it('says a cron-scheduled canary is not priced rather than pricing it at nothing', () => {
    const [line] = estimateCost([stack('m', { Nightly: canary('cron(0 3 * * ? *)') })], {
      region: 'us-east-1',
      usage: usage(),
    });
    expect(line!.unpriced).toBe(true);
    expect(line!.basis).toContain("schedule 'cron(0 3 * * ? *)'");
  });

  it('has a dated, unverified figure in every region, us-east-1 the source', () => {
    const figure = priceTableFor('us-east-1').prices['synthetics.canary-run'];
    expect(figure).toMatchObject({ usd: 0.0012, date: '2026-12', verified: false });
    expect(priceTableFor('eu-west-1').prices['synthetics.canary-run'].verified).toBe(false);
  });
});
