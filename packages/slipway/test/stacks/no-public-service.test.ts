import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import { allFindings } from '../../src/plan/findings.js';
import type { PlanOutcome } from '../../src/plan/run-plan.js';
import { LINT_ALL_TIMEOUT_MS, lintTemplates } from '../support/cfn-lint.js';
import { plansOnce, templateFiles } from '../support/plans-once.js';

/**
 * An app whose services are all internal (workers, private APIs) has nothing for a load balancer
 * to route, so no environment pays for one: no ALB, no listener, no security group for it, no
 * access-log bucket, no alarms on target groups. One public service brings all of them back.
 */

function config(publicWeb: boolean): SlipwayConfig {
  return {
    app: 'jobs',
    github: { repository: 'acme/jobs' },
    databases: { main: {} },
    services: {
      ...(publicWeb ? { web: { port: 8080 } } : {}),
      queue: { port: 9000, public: false, database: 'main' },
      worker: { port: 9001, public: false },
    },
    delivery: { previewBranches: ['feat/'] },
    // Production on the load balancer's own name serves HTTP; the test app accepts that.
    ...(publicWeb
      ? {
          acknowledgements: [
            {
              rule: 'Slipway-ELB5',
              stack: 'jobs-prod-runtime',
              reason: 'A test app with no domain of its own.',
            },
          ],
        }
      : {}),
    environments: {
      dev: {
        account: '111111111111',
        region: 'us-east-1',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        // These tests are about what a public service brings back on the load balancer; nothing
        // here needs one, so outside production dev would default to the HTTP API instead.
        ...(publicWeb ? { ingress: 'load-balancer' as const } : {}),
      },
      prod: {
        production: true,
        account: '222222222222',
        region: 'us-east-1',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        // Production's alarms reach someone (Slipway-OBS1).
        observability: { alerts: { email: ['oncall@example.com'] } },
      },
    },
  };
}

function resourceTypes(plan: PlanOutcome): string[] {
  return templateFiles(plan).flatMap((file) => {
    const template = JSON.parse(readText(file)) as { Resources?: Record<string, { Type: string }> };
    return Object.values(template.Resources ?? {}).map((r) => r.Type);
  });
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}

const planned = plansOnce((publicWeb: boolean) => resolveConfig(config(publicWeb)));

describe.each([
  { name: 'only internal services', publicWeb: false },
  { name: 'one public service', publicWeb: true },
])('an app with $name', ({ publicWeb }) => {
  let plan: PlanOutcome;
  beforeAll(() => {
    plan = planned(publicWeb);
  });

  it(
    publicWeb
      ? 'has a load balancer and its access-log bucket'
      : 'has no load balancer, listener or access-log bucket',
    () => {
      const types = resourceTypes(plan);
      const balancing = types.filter((t) => t.startsWith('AWS::ElasticLoadBalancingV2::'));
      const buckets = types.filter((t) => t === 'AWS::S3::Bucket');
      if (publicWeb) {
        expect(balancing).toContain('AWS::ElasticLoadBalancingV2::LoadBalancer');
        expect(balancing).toContain('AWS::ElasticLoadBalancingV2::Listener');
        expect(buckets).toHaveLength(2);
      } else {
        expect(balancing).toEqual([]);
        expect(buckets).toEqual([]);
      }
    },
  );

  it('publishes the load balancer to the services only when there is one', () => {
    const runtime = plan.environments[0]!.stacks.find((s) => s.name === 'jobs-dev-runtime')!;
    const names = Object.values(
      (
        JSON.parse(readText(runtime.template)) as {
          Resources: Record<string, { Type: string; Properties: { Name?: string } }>;
        }
      ).Resources,
    )
      .filter((r) => r.Type === 'AWS::SSM::Parameter')
      .map((r) => r.Properties.Name);
    expect(names).toContain('/jobs/dev/runtime/cluster-name');
    expect(names).toContain('/jobs/dev/runtime/services-security-group-id');
    for (const key of [
      'alb-arn',
      'alb-dns-name',
      'listener-arn',
      'alb-security-group-id',
      'access-log-bucket',
    ]) {
      if (publicWeb) expect(names).toContain(`/jobs/dev/runtime/${key}`);
      else expect(names).not.toContain(`/jobs/dev/runtime/${key}`);
    }
  });

  it('plans with no open error and no stale acknowledgement', () => {
    const open = allFindings(plan).filter(
      (f) => !f.acknowledged && (f.level === 'error' || f.rule === 'Slipway-ACK1'),
    );
    expect(open.map((f) => `${f.stack} ${f.resource} ${f.rule}: ${f.message}`)).toEqual([]);
  });

  it(publicWeb ? 'prices the load balancer' : 'prices no load balancer', () => {
    for (const env of plan.environments) {
      const balancer = env.costItems.filter((item) => item.type.startsWith('AWS::ElasticLoadBalancingV2::'));
      if (publicWeb) expect(balancer.length).toBeGreaterThan(0);
      else expect(balancer).toEqual([]);
    }
  });
});

describe('both apps above', () => {
  it(
    'pass cfn-lint with zero errors',
    () => {
      const files = [false, true].flatMap((publicWeb) => templateFiles(planned(publicWeb)));
      expect(lintTemplates(files).errors).toEqual([]);
    },
    LINT_ALL_TIMEOUT_MS,
  );
});
