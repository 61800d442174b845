import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load.js';
import type { Finding } from '../../../src/checks/finding.js';
import type { AppModel } from '../../../src/model/types.js';
import { allFindings, runPlan } from '../../../src/plan/run-plan.js';

const root = path.resolve(import.meta.dirname, '../../../../..');
const isControl = (rule: string) => rule.startsWith('CT.');

/**
 * What is left open on purpose: customer-managed keys for log groups and the database. That is
 * real work, not a choice, so no built-in acknowledgement may hide it.
 */
const REAL_WORK = ['CT.CLOUDWATCH.PR.3', 'CT.RDS.PR.30'];

/**
 * Choices that hold in every environment of both examples: the access-log bucket's purpose, and
 * plain HTTP on the listener while the environment has no domain (neither example has one).
 */
const EVERYWHERE = [
  'CT.ELASTICLOADBALANCING.PR.1',
  'CT.RDS.PR.20',
  'CT.S3.PR.10',
  'CT.S3.PR.2',
  'CT.S3.PR.4',
  'CT.S3.PR.9',
];

/** Choices that only hold outside production. */
const DEV_ONLY = [
  'CT.CLOUDWATCH.PR.2',
  'CT.ECS.PR.9',
  'CT.ELASTICLOADBALANCING.PR.5',
  'CT.RDS.PR.1',
  'CT.RDS.PR.13',
  'CT.RDS.PR.2',
];

const EXAMPLES = [
  {
    name: 'medications',
    acknowledged: {
      ci: ['CT.ECR.PR.3'],
      dev: [...DEV_ONLY, ...EVERYWHERE].sort(),
      prod: EVERYWHERE,
    },
  },
  {
    // Megadolls' dev has a NAT gateway, so its tasks get no public IP and CT.ECS.PR.9 never fails.
    name: 'megadolls',
    acknowledged: {
      ci: ['CT.ECR.PR.3'],
      dev: [...DEV_ONLY.filter((rule) => rule !== 'CT.ECS.PR.9'), ...EVERYWHERE].sort(),
      prod: EVERYWHERE,
    },
  },
] as const;

function plan(model: AppModel, controlTower: boolean): Finding[] {
  const outdir = mkdtempSync(path.join(tmpdir(), 'slipway-control-tower-acks-'));
  return allFindings(runPlan({ ...model, checks: { controlTower } }, { outdir, cost: false }));
}

const rulesOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();

describe.each(EXAMPLES)('built-in Control Tower acknowledgements on examples/$name', (example) => {
  let on: Finding[];
  let off: Finding[];
  const envOf = (finding: Finding) =>
    finding.stack === `${example.name}-ci` ? 'ci' : finding.stack.split('-')[1];

  beforeAll(async () => {
    const model = await loadConfig(path.join(root, `examples/${example.name}/slipway.config.ts`));
    on = plan(model, true);
    off = plan(model, false);
  });

  it('leaves exactly the real work open in each environment, and nothing in the shared stack', () => {
    const open = on.filter((f) => isControl(f.rule) && !f.acknowledged);
    expect(rulesOf(open.filter((f) => envOf(f) === 'dev'))).toEqual(REAL_WORK);
    expect(rulesOf(open.filter((f) => envOf(f) === 'prod'))).toEqual(REAL_WORK);
    expect(open.filter((f) => envOf(f) === 'ci')).toEqual([]);
  });

  it('acknowledges only the choices that hold in each environment, each with a reason', () => {
    const acknowledged = on.filter((f) => isControl(f.rule) && f.acknowledged);
    for (const env of ['ci', 'dev', 'prod'] as const)
      expect(rulesOf(acknowledged.filter((f) => envOf(f) === env)), env).toEqual(example.acknowledged[env]);
    for (const finding of acknowledged)
      expect(finding.reason?.trim().length, finding.rule).toBeGreaterThan(40);
    expect(acknowledged.filter((f) => envOf(f) === 'prod' && DEV_ONLY.includes(f.rule))).toEqual([]);
  });

  it('reports no stale acknowledgement with the pack on or off', () => {
    expect(on.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
    expect(off.filter((f) => f.rule === 'Slipway-ACK1')).toEqual([]);
    expect(off.filter((f) => isControl(f.rule))).toEqual([]);
  });
});
