import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { PRICE_TABLES } from '../../src/cost/prices/index.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { authConfig } from '../stacks/auth-fixture.js';

describe('Cognito cost', () => {
  let outdir: string;
  let plan: PlanOutcome;
  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-cognito-cost-'));
    const config = authConfig();
    // prod: 25,000 users and a busy caller; dev keeps the defaults.
    config.environments.prod!.usage = { authMonthlyActiveUsers: 25_000, authTokenRequestsPerMonth: 20_000 };
    plan = runPlan(resolveConfig(config), { outdir, checks: false });
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const cognitoLines = (env: string) =>
    plan.environments
      .find((e) => e.name === env)!
      .costItems.filter((item) => item.type.startsWith('AWS::Cognito::'));

  it('prices the pool by monthly active users above the free 10,000, and the app client not at all', () => {
    const [pool] = cognitoLines('dev').filter((i) => i.type === 'AWS::Cognito::UserPool');
    expect(pool?.usd).toBe(0);
    expect(pool?.basis).toMatch(/^1000 monthly active users, 10000 free per account, 0 × \$0\.015/);
    const [prodPool] = cognitoLines('prod').filter((i) => i.type === 'AWS::Cognito::UserPool');
    expect(prodPool?.usd).toBeCloseTo(15_000 * 0.015, 6);
    // The SPA's client is free; only the machine client has a line.
    expect(cognitoLines('dev').filter((i) => i.type === 'AWS::Cognito::UserPoolClient')).toHaveLength(1);
  });

  it('prices a machine client at $6 a month plus $2.25 per 1,000 token requests', () => {
    const client = (env: string) => cognitoLines(env).find((i) => i.type === 'AWS::Cognito::UserPoolClient');
    expect(client('dev')?.usd).toBeCloseTo(6 + 2.25, 6);
    expect(client('prod')?.usd).toBeCloseTo(6 + 20 * 2.25, 6);
    expect(client('prod')?.basis).toMatch(/20000 token requests × \$2\.25 per 1,000 \(Cognito M2M/);
    expect(client('prod')?.basis).toMatch(/unverified/);
  });

  it('leaves nothing of the pool unpriced', () => {
    const unpriced = plan.environments
      .flatMap((e) => e.unpriced)
      .filter((u) => u.type?.startsWith('AWS::Cognito::'));
    expect(unpriced).toEqual([]);
  });

  it('holds the same Cognito figures in every region', () => {
    const essentials = new Set(
      Object.values(PRICE_TABLES).map((t) => t.prices['cognito.essentials.mau-month'].usd),
    );
    expect([...essentials]).toEqual([0.015]);
  });
});
