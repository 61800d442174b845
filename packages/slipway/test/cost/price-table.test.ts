import { describe, expect, it } from 'vitest';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import type { Price } from '../../src/cost/prices/types.js';
import { US_EAST_1 } from '../../src/cost/prices/us-east-1.js';

function entries(): [string, Price][] {
  return Object.values(PRICE_TABLES).flatMap((table) => [
    ...Object.entries(table.prices).map(([key, p]): [string, Price] => [`${table.region} ${key}`, p]),
    ...Object.entries(table.rdsInstanceHour).map(([key, p]): [string, Price] => [
      `${table.region} ${key}`,
      p,
    ]),
  ]);
}

describe('the bundled price table', () => {
  it('gives every figure a positive price, a unit, a source and a date', () => {
    for (const [name, price] of entries()) {
      // A charge looked for and not found (an HTTP API's VPC link) is $0, never verified, and says so.
      if (price.usd === 0 && price.reference.includes('no charge found'))
        expect(price.verified, name).toBe(false);
      else expect(price.usd, name).toBeGreaterThan(0);
      expect(price.unit, name).not.toBe('');
      expect(price.reference, name).not.toBe('');
      expect(price.date, name).toMatch(/^\d{4}(-\d{2})?$/);
    }
  });

  it('never calls a best-known, derived or assumed figure verified', () => {
    for (const [name, price] of entries()) {
      if (['UNV', 'DERIVED', 'ASSUMED'].includes(price.source)) expect(price.verified, name).toBe(false);
      if (!price.verified) expect(price.note, name).toBeTruthy();
    }
  });

  it('treats the Spot discount as an assumption', () => {
    expect(US_EAST_1.prices['fargate.spot-factor'].verified).toBe(false);
    expect(US_EAST_1.prices['fargate.spot-factor'].usd).toBe(0.3);
  });

  it('derives the Cape Town figures it has no source for from us-east-1 by the Fargate ratio', () => {
    const capeTown = PRICE_TABLES['af-south-1']!;
    // 0.0546 / 0.04048 and 0.006 / 0.004445, both ≈ 1.35
    expect(capeTown.ratio?.factor).toBe(1.35);
    expect(capeTown.prices['alb.hour'].usd).toBeCloseTo(0.0225 * 1.35, 10);
    expect(capeTown.rdsInstanceHour['db.t4g.micro']?.usd).toBeCloseTo(0.016 * 1.35, 10);
    expect(capeTown.prices['nat.hour'].source).toBe('DERIVED');
    expect(capeTown.prices['nat.hour'].verified).toBe(false);
    // Fargate ARM from the region's own x86 figure, as us-east-1 prices ARM at 0.80 × x86.
    expect(capeTown.prices['fargate.arm.vcpu-hour'].usd).toBeCloseTo(0.0546 * 0.8, 10);
  });

  it('keeps a figure found for a region and fills in the rest from its ratio', () => {
    const ireland = PRICE_TABLES['eu-west-1']!;
    expect(ireland.prices['alb.hour']).toMatchObject({ usd: 0.0252, verified: true });
    expect(ireland.rdsInstanceHour['db.t4g.micro']).toMatchObject({ usd: 0.017, verified: true });
    const factor = ireland.ratio!.factor;
    expect(factor).toBeGreaterThan(1);
    expect(ireland.prices['nat.hour'].usd).toBeCloseTo(0.045 * factor, 10);
    expect(ireland.rdsInstanceHour['db.t4g.small']?.usd).toBeCloseTo(0.032 * factor, 10);
  });

  it('takes the public IPv4 rate over with its source, and prices AWS sets alike everywhere as assumed', () => {
    for (const table of Object.values(PRICE_TABLES)) {
      expect(table.prices['ipv4.address-hour'], table.region).toEqual(US_EAST_1.prices['ipv4.address-hour']);
      if (table.region === 'us-east-1') continue;
      expect(table.prices['secretsmanager.secret-month'], table.region).toMatchObject({
        usd: 0.4,
        source: 'ASSUMED',
        verified: false,
      });
    }
  });

  it('lends a region without any figure the ratio of the neighbour it names', () => {
    const zurich = PRICE_TABLES['eu-central-2']!;
    expect(zurich.ratio?.factor).toBe(PRICE_TABLES['eu-central-1']!.ratio?.factor);
    expect(zurich.ratio?.basis).toContain("eu-central-1's ratio");
    expect(zurich.prices['fargate.x86.vcpu-hour'].source).toBe('DERIVED');
  });

  it('prices the same instance classes in every region', () => {
    for (const table of Object.values(PRICE_TABLES)) {
      expect(Object.keys(table.rdsInstanceHour), table.region).toEqual(
        Object.keys(US_EAST_1.rdsInstanceHour),
      );
    }
  });

  it('derives a size without a figure from its family by normalized units', () => {
    // db.m6i.2xlarge is $0.712; 4xlarge has twice its units.
    expect(US_EAST_1.rdsInstanceHour['db.m6i.4xlarge']).toMatchObject({
      usd: 1.424,
      source: 'DERIVED',
      verified: false,
    });
    expect(US_EAST_1.rdsInstanceHour['db.t4g.micro']).toMatchObject({ usd: 0.016, verified: true });
  });
});
