import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { database, stack, usage } from './fixtures.js';

const US = { region: 'us-east-1', usage: usage() };

describe('RDS instances', () => {
  it('prices instance hours and gp3 storage for a single-AZ instance', () => {
    const [instance, storage] = estimateCost(
      [stack('d', { Db: database({ instanceClass: 'db.t4g.small' }) })],
      US,
    );
    expect(instance?.usd).toBeCloseTo(730 * 0.032, 6);
    expect(storage?.usd).toBeCloseTo(20 * 0.115, 6);
  });

  it('doubles both the instance and its storage for Multi-AZ', () => {
    const [instance, storage] = estimateCost(
      [stack('d', { Db: database({ instanceClass: 'db.t4g.small', multiAz: true, storageGb: 50 }) })],
      US,
    );
    // 730 × 0.032 × 2 = 46.72; 50 × 0.115 × 2 = 11.50
    expect(instance?.usd).toBeCloseTo(46.72, 6);
    expect(storage?.usd).toBeCloseTo(11.5, 6);
    expect(instance?.basis).toContain('× 2 Multi-AZ');
  });

  it('counts the Performance Insights free tier as nothing, and says longer retention is not counted', () => {
    const [free] = estimateCost([stack('d', { Db: database() })], US);
    const [paid] = estimateCost([stack('d', { Db: database({ insightsRetentionDays: 31 }) })], US);
    expect(free?.usd).toBeCloseTo(730 * 0.016, 6);
    expect(free?.basis).toContain('Performance Insights 7-day retention is free');
    expect(paid?.basis).toContain('31-day retention is billed and not counted here');
  });

  it('prices enhanced monitoring as CloudWatch Logs ingestion into RDSOSMetrics, by interval', () => {
    const monitoring = (seconds?: number) =>
      estimateCost([stack('d', { Db: database({ monitoringIntervalSeconds: seconds }) })], US).filter((l) =>
        l.basis.includes('enhanced monitoring'),
      );
    expect(monitoring()).toEqual([]);
    expect(monitoring(0)).toEqual([]);
    const [minute] = monitoring(60);
    // 730 h × 60 samples an hour × 10 KiB = 427.73 MiB = 0.41771 GiB, × $0.50 per GB ingested.
    expect(minute?.usd).toBeCloseTo(((730 * 60 * 10) / 1024 / 1024) * 0.5, 6);
    expect(minute?.driver).toBe('CloudWatch Logs');
    expect(minute?.basis).toContain('RDSOSMetrics');
    const [second] = monitoring(1);
    expect(second?.usd).toBeCloseTo((minute?.usd ?? 0) * 60, 6);
  });

  it('adds the secret behind an RDS-managed master password', () => {
    const lines = estimateCost([stack('d', { Db: database({ managedPassword: true }) })], US);
    const secret = lines.find((l) => l.driver === 'Secrets Manager');
    expect(secret?.usd).toBe(0.4);
  });

  it('prices the memory-heavy x2 classes from db.r6g and db.r6i, marked derived', () => {
    const lines = estimateCost([stack('d', { Db: database({ instanceClass: 'db.x2g.large' }) })], US);
    const instance = lines.find((l) => l.driver === 'RDS' && l.basis.includes('db.x2g.large'));
    expect(instance?.unpriced ?? false).toBe(false);
    // db.r6g.large × EC2 x2gd.large / r6g.large, over 730 hours: dearer than db.r6g.large, as memory is.
    const r6g = estimateCost([stack('d', { Db: database({ instanceClass: 'db.r6g.large' }) })], US).find(
      (l) => l.driver === 'RDS' && l.basis.includes('db.r6g.large'),
    );
    expect(instance!.usd / r6g!.usd).toBeCloseTo(0.167 / 0.1008, 3);
  });

  it('names the priced families when an instance class has no price', () => {
    // A class from a family RDS may add later: the table has no figure and no sibling for it.
    const lines = estimateCost([stack('d', { Db: database({ instanceClass: 'db.z9g.large' }) })], US);
    expect(lines[0]?.unpriced).toBe(true);
    expect(lines[0]?.usd).toBe(0);
    expect(lines[0]?.basis).toContain('no bundled price for instance class db.z9g.large in us-east-1');
    expect(lines[0]?.basis).toMatch(
      /\(priced families: db\.m5, db\.m5d, .*db\.t4g, db\.x2g, db\.x2idn, db\.x2iedn\)/,
    );
  });
});
