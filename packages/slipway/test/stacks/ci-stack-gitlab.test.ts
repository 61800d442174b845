import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { iamGitlabOidcTrust } from '../../src/checks/rules/iam/gitlab-oidc-trust.js';
import type { AppModel } from '../../src/model/types.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import { generateWorkflows } from '../../src/workflows/generate.js';
import { parseGitlabPipeline } from '../../src/workflows/gitlab/generate.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { gitlabConfig } from '../workflows/gitlab-fixtures.js';
import { presentedSubjects, trustedSubjects } from './gitlab-trust.js';

const AUD = 'gitlab.com:aud';
const SUB = 'gitlab.com:sub';

function trustFor(sub: string) {
  return {
    AssumeRolePolicyDocument: {
      Statement: [
        Match.objectLike({
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [AUD]: 'https://gitlab.com', [SUB]: sub } },
        }),
      ],
    },
  };
}

describe('CI stack for GitLab CI', () => {
  let model: AppModel;
  let outdir: string;
  let plan: PlanOutcome;
  let ci: Template;
  let ciPath: string;
  beforeAll(() => {
    model = resolveConfig(gitlabConfig());
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-gitlab-ci-'));
    plan = runPlan(model, { outdir, cost: false });
    ciPath = path.join(outdir, 'shop-ci.template.json');
    ci = Template.fromJSON(plan.shared.stacks.length > 0 ? readTemplate(ciPath) : {});
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("creates GitLab's native OIDC provider, with the instance URL as its audience", () => {
    ci.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    ci.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://gitlab.com',
      ClientIdList: ['https://gitlab.com'],
    });
  });

  it('trusts exactly the project and branch each role serves, with StringEquals and no wildcard', () => {
    ci.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'shop-gitlab-image-push',
      ...trustFor('project_path:acme/orders:ref_type:branch:ref:main'),
    });
    ci.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'shop-dev-gitlab-deploy',
      ...trustFor('project_path:acme/orders:ref_type:branch:ref:main'),
    });
    ci.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'shop-prod-gitlab-deploy',
      ...trustFor('project_path:acme/orders:ref_type:branch:ref:production'),
    });
    for (const role of Object.values(ci.findResources('AWS::IAM::Role'))) {
      const text = JSON.stringify(role.Properties.AssumeRolePolicyDocument);
      expect(text).not.toMatch(/StringLike|ForAllValues|[*?]/);
    }
  });

  it('trusts each role for exactly the subjects of the generated jobs that assume it', () => {
    const [file] = generateWorkflows(model, { configPath: 'slipway.config.ts' });
    const pipeline = parseGitlabPipeline('.gitlab-ci.yml', file!.content);
    const trusted = new Map(
      Object.values(ci.findResources('AWS::IAM::Role')).map((role) => [
        role.Properties.RoleName as string,
        trustedSubjects(role as CfnResource),
      ]),
    );
    // With previews the same comparison covers the prefix trust (ci-stack-gitlab-previews.test.ts).
    expect(presentedSubjects(pipeline.document, 'acme/orders')).toEqual(trusted);
  });

  it('has zero unacknowledged error findings', () => {
    // The fixture's production has no domain (Slipway-ELB5 there); this is about the CI stack.
    const open = allFindings(plan)
      .filter((f) => f.stack === 'shop-ci' && f.level === 'error' && !f.acknowledged)
      .map((f) => `${f.stack} ${f.rule} ${f.resource} ${f.message}`);
    expect(open).toEqual([]);
    expect(allFindings(plan).some((f) => f.stack === 'shop-ci')).toBe(true);
  });

  it("is what Slipway-IAM5 checks: every role's GitLab trust is compliant", () => {
    const template = readTemplate(ciPath) as unknown as CfnTemplate;
    const roles = Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === 'AWS::IAM::Role');
    expect(roles.length).toBe(3);
    for (const [logicalId, resource] of roles) {
      const result = iamGitlabOidcTrust.check(resource, {
        logicalId,
        template,
        stackName: 'shop-ci',
        production: false,
      });
      expect(result, logicalId).toBe('compliant');
    }
  });

  it('passes cfn-lint', () => {
    expect(lintTemplates([ciPath]).errors).toEqual([]);
  });
});

function readTemplate(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
