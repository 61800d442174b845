import { describe, expect, it } from 'vitest';
import { runRules } from '../../../src/checks/rules/run-rules.js';
import type { SlipwayRule } from '../../../src/checks/rules/types.js';
import type { CfnTemplate, SynthesizedStack } from '../../../src/template/types.js';

function stack(
  name: string,
  environment: string | undefined,
  template: CfnTemplate,
  region?: string,
): SynthesizedStack {
  return { name, environment, region, templatePath: `${name}.template.json`, template };
}

const database: CfnTemplate = {
  Resources: {
    Database: { Type: 'AWS::RDS::DBInstance', Properties: { Engine: 'postgres', MultiAZ: false } },
  },
};

describe('runRules', () => {
  it('reports each non-compliant resource with its rule, level, stack and logical id', () => {
    const findings = runRules([stack('shop-prod-data', 'prod', database)], () => true);
    expect(findings).toContainEqual({
      rule: 'Slipway-RDS4',
      level: 'error',
      stack: 'shop-prod-data',
      resource: 'Database',
      message: expect.stringContaining('Multi-AZ'),
      acknowledged: false,
    });
  });

  it('applies production-only rules only where the predicate says production', () => {
    const findings = runRules(
      [stack('shop-dev-data', 'dev', database), stack('shop-prod-data', 'prod', database)],
      (s) => s.environment === 'prod',
    );
    const multiAz = findings
      .filter((finding) => finding.rule === 'Slipway-RDS4')
      .map((finding) => finding.stack);
    expect(multiAz).toEqual(['shop-prod-data']);
  });

  it("puts a violation's detail into the message", () => {
    const findings = runRules([stack('shop-dev-data', 'dev', database)], () => false);
    expect(findings.find((finding) => finding.rule === 'Slipway-RDS1')?.message).toMatch(
      /rds\.force_ssl=1.*Found: it uses the engine default parameter group\.$/,
    );
  });

  it("checks each resource against its own stack's region", () => {
    const pipeline: CfnTemplate = { Resources: { Project: { Type: 'AWS::CodeBuild::Project' } } };
    const findings = runRules(
      [
        stack('shop-pipeline', undefined, pipeline, 'ap-east-2'),
        stack('other-pipeline', undefined, pipeline, 'ap-east-1'),
      ],
      () => true,
    ).filter((finding) => finding.rule === 'Slipway-CFN2');
    expect(findings).toEqual([
      expect.objectContaining({
        level: 'error',
        stack: 'shop-pipeline',
        resource: 'Project',
        message: expect.stringContaining('AWS::CodeBuild::Project is not offered in ap-east-2'),
      }),
    ]);
  });

  it('turns a rule that throws into a finding instead of failing the plan', () => {
    const broken: SlipwayRule = {
      id: 'Slipway-TEST1',
      level: 'error',
      description: 'Throws.',
      check: () => {
        throw new Error('unexpected shape');
      },
    };
    const findings = runRules([stack('shop-dev-data', 'dev', database)], () => false, [broken]);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'Slipway-TEST1',
        message: expect.stringContaining('unexpected shape'),
      }),
    ]);
  });
});
