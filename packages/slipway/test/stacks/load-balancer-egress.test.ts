import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { runPlan } from '../../src/plan/run-plan.js';
import type { CfnTemplate } from '../../src/template/types.js';

/**
 * Two public services listening on one port: each service stack opens the load balancer's way to
 * its own tasks and nothing else. A rule to the environment's shared services group would be the
 * same rule in both stacks, which EC2 refuses as a duplicate when the second stack deploys.
 */
describe('load balancer egress of public services', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-egress-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const model = resolveConfig({
    app: 'shop',
    github: { repository: 'acme/shop' },
    services: { web: { port: 80 }, api: { port: 80, paths: ['/api/*'] } },
    environments: {
      dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
    },
  });
  runPlan(model, { outdir, checks: false, cost: false });

  it.each(['web', 'api'])('%s opens the load balancer to its own task group only', (service) => {
    const template = JSON.parse(
      readFileSync(path.join(outdir, `shop-dev-${service}.template.json`), 'utf8'),
    ) as CfnTemplate;
    const egress = Object.values(template.Resources ?? {}).filter(
      (r) => r.Type === 'AWS::EC2::SecurityGroupEgress',
    );
    expect(egress).toHaveLength(1);
    const taskGroup = Object.entries(template.Resources ?? {}).find(
      ([, r]) => r.Type === 'AWS::EC2::SecurityGroup',
    )?.[0];
    expect(egress[0]?.Properties).toMatchObject({
      DestinationSecurityGroupId: { 'Fn::GetAtt': [taskGroup, 'GroupId'] },
      FromPort: 80,
      ToPort: 80,
    });
  });
});
