import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import { readViolations } from '../../../src/checks/control-tower/read-violations.js';
import { controlTowerRulesDir, runGuard } from '../../../src/checks/control-tower/run-guard.js';
import type { Finding } from '../../../src/checks/finding.js';
import type { AppModel } from '../../../src/model/types.js';
import { allFindings } from '../../../src/plan/findings.js';
import { runPlan } from '../../../src/plan/run-plan.js';

const root = path.resolve(import.meta.dirname, '../../../../..');
const isControl = (rule: string) => rule.startsWith('CT.');

/**
 * The controls that ask for customer-managed keys, acknowledged where an environment chooses AWS's
 * own (`encryption: 'aws-managed'`, the default).
 */
const AWS_KEYS = ['CT.CLOUDWATCH.PR.3', 'CT.RDS.PR.30'];

/**
 * With its own keys, only the log groups outside the network stack are acknowledged: they are
 * encrypted with the logs key, read from an SSM parameter the control cannot follow.
 */
const OWN_KEYS = ['CT.CLOUDWATCH.PR.3'];

/**
 * Choices that hold in every environment of both examples: the alarms that feed a service's "down"
 * composite instead of notifying themselves, and PostgreSQL's default port.
 */
const EVERYWHERE = ['CT.CLOUDWATCH.PR.1', 'CT.RDS.PR.20'];

/**
 * Choices of an environment behind the load balancer: plain HTTP on the listener while the
 * environment has no domain (neither example has one), and the access-log bucket's purpose.
 */
const LOAD_BALANCER = [
  'CT.ELASTICLOADBALANCING.PR.1',
  'CT.S3.PR.10',
  'CT.S3.PR.2',
  'CT.S3.PR.4',
  'CT.S3.PR.9',
];

/**
 * Choices of an environment on the HTTP API: its routes carry no authorizer, as a public service
 * checks who may do what itself. Its access logs are a log group, acknowledged as the others are.
 */
const HTTP_API = ['CT.APIGATEWAY.PR.5'];

/** Choices that only hold outside production. */
const DEV_ONLY = ['CT.CLOUDWATCH.PR.2', 'CT.ECS.PR.9', 'CT.RDS.PR.1', 'CT.RDS.PR.13', 'CT.RDS.PR.2'];

/** The load balancer's missing deletion protection, which only production has. */
const DEV_LOAD_BALANCER = ['CT.ELASTICLOADBALANCING.PR.5'];

/** Production's enhanced Container Insights, which the control only knows as 'enabled'. */
const PRODUCTION_ONLY = ['CT.ECS.PR.2'];

/** Container Insights turned off in the config (medications' dev): the same control, for another reason. */
const CONTAINER_INSIGHTS_OFF = ['CT.ECS.PR.2'];

const EXAMPLES = [
  {
    // Medications' dev is on the HTTP API, the default outside production, without Container Insights.
    name: 'medications',
    acknowledged: {
      ci: ['CT.ECR.PR.3'],
      dev: [...DEV_ONLY, ...HTTP_API, ...CONTAINER_INSIGHTS_OFF, ...EVERYWHERE, ...AWS_KEYS].sort(),
      prod: [...PRODUCTION_ONLY, ...LOAD_BALANCER, ...EVERYWHERE, ...AWS_KEYS].sort(),
    },
  },
  {
    // Megadolls' dev keeps the load balancer (pgadmin's sticky sessions and allow-list need it) and
    // has a NAT gateway, so its tasks get no public IP and CT.ECS.PR.9 never fails; its prod has the
    // environment's own keys.
    name: 'megadolls',
    acknowledged: {
      ci: ['CT.ECR.PR.3'],
      dev: [
        ...DEV_ONLY.filter((rule) => rule !== 'CT.ECS.PR.9'),
        ...DEV_LOAD_BALANCER,
        ...LOAD_BALANCER,
        ...EVERYWHERE,
        ...AWS_KEYS,
      ].sort(),
      prod: [...PRODUCTION_ONLY, ...LOAD_BALANCER, ...EVERYWHERE, ...OWN_KEYS].sort(),
    },
  },
] as const;

function plan(model: AppModel, controlTower: boolean, outdir = tempDir()): Finding[] {
  return allFindings(runPlan({ ...model, checks: { controlTower } }, { outdir, cost: false }));
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'slipway-control-tower-acks-'));
}

/** `stack control resource` for every failure of cfn-guard run directly, whole pack, every template. */
function directFailures(outdir: string): string[] {
  const templates = readdirSync(outdir)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => path.join(outdir, file));
  const failures = readViolations(runGuard(templates, { rules: [controlTowerRulesDir()] })).flatMap((v) =>
    v.logicalIds.map((id) => `${path.basename(v.file, '.template.json')} ${v.control} ${id}`),
  );
  return [...new Set(failures)].sort();
}

const rulesOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();

describe.each(EXAMPLES)('built-in Control Tower acknowledgements on examples/$name', (example) => {
  let on: Finding[];
  let off: Finding[];
  let direct: string[];
  let ingressOf: Map<string, string>;
  const envOf = (finding: Finding) =>
    finding.stack === `${example.name}-ci` ? 'ci' : finding.stack.split('-')[1];

  beforeAll(async () => {
    const model = await loadConfig(path.join(root, `examples/${example.name}/slipway.config.ts`));
    ingressOf = new Map(model.environments.map((env) => [env.name, env.ingress]));
    const outdir = tempDir();
    on = plan(model, true, outdir);
    direct = directFailures(outdir);
    off = plan(model, false);
  });

  it('fails, run directly with the whole pack, exactly the controls the plan acknowledges', () => {
    const acknowledged = on
      .filter((f) => isControl(f.rule) && f.acknowledged)
      .map((f) => `${f.stack} ${f.rule} ${f.resource}`);
    expect(direct.length).toBeGreaterThan(0);
    expect(direct).toEqual([...new Set(acknowledged)].sort());
  });

  it('leaves no control open in any environment or the shared stack', () => {
    const open = on.filter((f) => isControl(f.rule) && !f.acknowledged);
    expect(open.map((f) => `${f.stack} ${f.rule} ${f.resource}`)).toEqual([]);
  });

  it('acknowledges only the choices that hold in each environment, each with a reason', () => {
    const acknowledged = on.filter((f) => isControl(f.rule) && f.acknowledged);
    for (const env of ['ci', 'dev', 'prod'] as const)
      expect(rulesOf(acknowledged.filter((f) => envOf(f) === env)), env).toEqual(example.acknowledged[env]);
    for (const finding of acknowledged)
      expect(finding.reason?.trim().length, finding.rule).toBeGreaterThan(40);
    // Tasks with public IPs: the reason names what their security group does admit, by the ingress.
    for (const finding of acknowledged.filter((f) => f.rule === 'CT.ECS.PR.9'))
      expect(finding.reason).toContain(
        ingressOf.get(envOf(finding)!) === 'http-api'
          ? "only the HTTP API's VPC link and"
          : 'only the load balancer and',
      );
    expect(
      acknowledged.filter((f) => envOf(f) === 'prod' && [...DEV_ONLY, ...DEV_LOAD_BALANCER].includes(f.rule)),
    ).toEqual([]);
  });

  it('reports no stale acknowledgement with the pack on or off', () => {
    expect(on.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
    expect(off.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
    expect(off.filter((f) => isControl(f.rule))).toEqual([]);
  });
});
