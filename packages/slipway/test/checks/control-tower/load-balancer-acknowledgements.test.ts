import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/checks/finding.js';
import type { AppModel, EnvironmentModel } from '../../../src/model/types.js';
import { allFindings } from '../../../src/plan/findings.js';
import { runPlan } from '../../../src/plan/run-plan.js';
import { megadollsLikeModel } from '../../fixtures/models.js';

const HTTP_REDIRECT = 'CT.ELASTICLOADBALANCING.PR.1';
const LOG_BUCKET_CONTROLS = ['CT.S3.PR.10', 'CT.S3.PR.2', 'CT.S3.PR.4', 'CT.S3.PR.9'];

function plan(model: AppModel, controlTower = true): Finding[] {
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-control-tower-alb-'));
  return allFindings(runPlan({ ...model, checks: { controlTower } }, { outdir, cost: false }));
}

/** Megadolls-like: dev has no domain, prod serves HTTPS on its domain. */
const withDomain = megadollsLikeModel;

/** The same app with prod's domain taken away, so prod serves plain HTTP too. */
function withoutProdDomain(): AppModel {
  const model = megadollsLikeModel();
  const environments = model.environments.map((env): EnvironmentModel =>
    env.production ? { ...env, domain: undefined } : env,
  );
  return { ...model, environments };
}

const inStack = (findings: readonly Finding[], stack: string, rule: string) =>
  findings.filter((f) => f.stack === stack && f.rule === rule);

describe('built-in Control Tower acknowledgements on the shared load balancer', () => {
  let domain: Finding[];
  let noDomain: Finding[];
  beforeAll(() => {
    domain = plan(withDomain());
    noDomain = plan(withoutProdDomain());
  });

  it('acknowledges plain HTTP on the listener of an environment without a domain', () => {
    const [finding] = inStack(domain, 'megadolls-dev-runtime', HTTP_REDIRECT);
    expect(finding).toMatchObject({
      acknowledged: true,
      resource: expect.stringMatching(/^LoadBalancerHttpListener/),
    });
    expect(finding?.reason).toContain('environments.dev.domain');
    // Outside production no ELB5 applies, so the reason does not send the reader to it.
    expect(finding?.reason).not.toContain('Slipway-ELB5');
  });

  it('has nothing to acknowledge where a domain makes HTTP redirect to HTTPS', () => {
    expect(inStack(domain, 'megadolls-prod-runtime', HTTP_REDIRECT)).toEqual([]);
    expect(domain.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
  });

  it('in production without a domain, acknowledges the control and says Slipway-ELB5 still asks for one', () => {
    const [finding] = inStack(noDomain, 'megadolls-prod-runtime', HTTP_REDIRECT);
    expect(finding).toMatchObject({ acknowledged: true });
    expect(finding?.reason).toContain('Slipway-ELB5');
    const elb5 = inStack(noDomain, 'megadolls-prod-runtime', 'Slipway-ELB5');
    expect(elb5).toEqual([expect.objectContaining({ acknowledged: false })]);
  });

  it.each(LOG_BUCKET_CONTROLS)('acknowledges %s on the access-log bucket in every environment', (rule) => {
    for (const stack of ['megadolls-dev-runtime', 'megadolls-prod-runtime']) {
      const findings = inStack(domain, stack, rule);
      expect(findings, stack).toEqual([
        expect.objectContaining({ resource: 'AccessLogBucket', acknowledged: true }),
      ]);
      expect(findings[0]?.reason?.length, stack).toBeGreaterThan(100);
    }
  });

  it('acknowledges the access-log controls on that bucket only', () => {
    const elsewhere = domain.filter(
      (f) => LOG_BUCKET_CONTROLS.includes(f.rule) && f.acknowledged && f.resource !== 'AccessLogBucket',
    );
    expect(elsewhere).toEqual([]);
  });

  it('keeps the reasons specific: SSE-S3 for the key, the expiry for object lock', () => {
    const reasonOf = (rule: string) => inStack(domain, 'megadolls-prod-runtime', rule)[0]?.reason;
    expect(reasonOf('CT.S3.PR.10')).toContain('SSE-S3');
    expect(reasonOf('CT.S3.PR.9')).toContain('kept 365 days');
    expect(inStack(domain, 'megadolls-dev-runtime', 'CT.S3.PR.9')[0]?.reason).toContain('kept 30 days');
  });

  it('with the pack off, reports none of them and leaves no acknowledgement stale', () => {
    const off = plan(withoutProdDomain(), false);
    expect(off.filter((f) => f.rule.startsWith('CT.'))).toEqual([]);
    expect(off.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
  });
});
