import { describe, expect, it } from 'vitest';
import { AF_SOUTH_1, AF_SOUTH_1_MULTIPLIER } from '../../src/cost/prices/af-south-1.js';
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
      expect(price.usd, name).toBeGreaterThan(0);
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

  it('derives the Cape Town figures it has no source for from us-east-1 by the stated multiplier', () => {
    expect(AF_SOUTH_1.prices['alb.hour'].usd).toBeCloseTo(0.0225 * AF_SOUTH_1_MULTIPLIER, 10);
    expect(AF_SOUTH_1.rdsInstanceHour['db.t4g.micro']?.usd).toBeCloseTo(0.016 * AF_SOUTH_1_MULTIPLIER, 10);
    expect(AF_SOUTH_1.prices['nat.hour'].source).toBe('DERIVED');
    expect(AF_SOUTH_1.prices['nat.hour'].verified).toBe(false);
  });

  it('prices the same instance classes in every region', () => {
    expect(Object.keys(AF_SOUTH_1.rdsInstanceHour)).toEqual(Object.keys(US_EAST_1.rdsInstanceHour));
  });
});
