import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { EnvironmentConfig, SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import { plansOnce, templateFiles } from '../support/plans-once.js';

/**
 * Every delivery mode in every account layout a team may pick: Slipway's own stacks (pipeline
 * roles included) must plan clean in each, since a user cannot fix what Slipway generates.
 */

const env = (account: string, region: string, production = false): EnvironmentConfig => ({
  production,
  account,
  region,
  availabilityZones: [`${region}a`, `${region}b`],
  // Production serves HTTPS (Slipway-ELB5), with a certificate in its own account and region,
  // and its alarms reach a person (Slipway-OBS1).
  ...(production
    ? {
        observability: { alerts: { email: ['oncall@shop.example.com'] } },
        domain: {
          name: 'shop.example.com',
          certificateArn: `arn:aws:acm:${region}:${account}:certificate/0a1b2c3d-0000-4000-8000-000000000001`,
        },
      }
    : {}),
});

const LAYOUTS: Readonly<Record<string, Pick<SlipwayConfig, 'ci' | 'environments'>>> = {
  'CI, dev and prod in one account': {
    environments: { dev: env('111111111111', 'us-east-1'), prod: env('111111111111', 'us-east-1', true) },
  },
  'prod in another account than CI and dev': {
    environments: { dev: env('111111111111', 'us-east-1'), prod: env('222222222222', 'us-east-1', true) },
  },
  'CI, dev and prod each in its own account': {
    ci: { account: '333333333333', region: 'us-east-1' },
    environments: { dev: env('111111111111', 'us-east-1'), prod: env('222222222222', 'us-east-1', true) },
  },
  'prod in another region': {
    environments: { dev: env('111111111111', 'us-east-1'), prod: env('111111111111', 'eu-west-1', true) },
  },
};

const PIPELINES = ['github-actions', 'codepipeline'] as const;

function config(layout: Pick<SlipwayConfig, 'ci' | 'environments'>, pipeline: string): SlipwayConfig {
  return {
    app: 'shop',
    github: { repository: 'acme/shop' },
    delivery: { pipeline: pipeline as (typeof PIPELINES)[number] },
    ...(layout.ci === undefined ? {} : { ci: layout.ci }),
    services: {
      web: { port: 8080 },
      admin: { port: 8081, paths: ['/admin/*'] },
      worker: { port: 9000, public: false },
    },
    environments: layout.environments,
  };
}

type Pipeline = (typeof PIPELINES)[number];
const LAYOUT_NAMES = Object.keys(LAYOUTS);

/** Each layout planned once per delivery mode, on first use. */
const planned = Object.fromEntries(
  PIPELINES.map((pipeline) => [
    pipeline,
    plansOnce((layout: string) => resolveConfig(config(LAYOUTS[layout]!, pipeline)), { cost: false }),
  ]),
) as Record<Pipeline, (layout: string) => PlanOutcome>;

describe.each(PIPELINES)('%s delivery in every account layout', (pipeline) => {
  beforeAll(() => {
    for (const name of LAYOUT_NAMES) planned[pipeline](name);
  });

  it.each(LAYOUT_NAMES)('%s: plans with no open error and no stale acknowledgement', (name) => {
    const findings = allFindings(planned[pipeline](name));
    const open = findings.filter(
      (f) => !f.acknowledged && (f.level === 'error' || f.rule === 'Slipway-ACK1'),
    );
    expect(open.map((f) => `${f.stack} ${f.resource} ${f.rule}`)).toEqual([]);
    for (const finding of findings.filter((f) => f.acknowledged)) {
      expect(finding.reason?.length, `${finding.stack} ${finding.rule}`).toBeGreaterThan(30);
    }
  });
});

describe('both delivery modes in every account layout', () => {
  it(
    'pass cfn-lint with zero errors',
    () => {
      const files = PIPELINES.flatMap((pipeline) =>
        LAYOUT_NAMES.flatMap((name) => templateFiles(planned[pipeline](name))),
      );
      const distinct = distinctUpToAccounts(files);
      // The layouts share most environment stacks; what differs (CI, roles, regions) is linted.
      expect(distinct.length).toBeGreaterThan(PIPELINES.length * LAYOUT_NAMES.length);
      expect(lintTemplates(distinct).errors).toEqual([]);
    },
    LINT_ALL_TIMEOUT_MS,
  );
});

/**
 * One template of each kind that differs in more than the account ids it names: a stack that a
 * layout only moves to another account is the same to cfn-lint, which checks no account.
 */
function distinctUpToAccounts(files: readonly string[]): string[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    const shape = readFileSync(file, 'utf8').replace(/\b\d{12}\b/g, 'ACCOUNT');
    if (seen.has(shape)) return false;
    seen.add(shape);
    return true;
  });
}
