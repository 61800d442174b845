import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamGitlabOidcTrust } from '../../src/checks/rules/iam/gitlab-oidc-trust.js';
import { resolveConfig } from '../../src/config/resolve.js';
import type { AppModel } from '../../src/model/types.js';
import { allFindings } from '../../src/plan/findings.js';
import { type PlanOutcome, runPlan } from '../../src/plan/run-plan.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { generateWorkflows } from '../../src/workflows/generate.js';
import { parseGitlabPipeline } from '../../src/workflows/gitlab/generate.js';
import { lintTemplates } from '../support/cfn-lint.js';
import { gitlabPreviewConfig } from '../workflows/gitlab-fixtures.js';
import { admits, presentedSubjects, trustedSubjects } from './gitlab-trust.js';

const AUD = 'gitlab.com:aud';
const SUB = 'gitlab.com:sub';
const subject = (ref: string) => `project_path:acme/orders:ref_type:branch:ref:${ref}`;

interface Statement {
  readonly Condition: Record<string, Record<string, string | string[]>>;
}

describe('CI stack for GitLab CI with previews per merge request', () => {
  let model: AppModel;
  let outdir: string;
  let plan: PlanOutcome;
  let template: CfnTemplate;
  let ciPath: string;
  let roles: Map<string, [string, CfnResource]>;
  beforeAll(() => {
    model = resolveConfig(gitlabPreviewConfig());
    outdir = mkdtempSync(path.join(tmpdir(), 'slipway-gitlab-previews-'));
    plan = runPlan(model, { outdir, cost: false });
    ciPath = path.join(outdir, 'shop-ci.template.json');
    template = JSON.parse(readFileSync(ciPath, 'utf8')) as CfnTemplate;
    roles = new Map(
      Object.entries(template.Resources ?? {})
        .filter(([, r]) => r.Type === 'AWS::IAM::Role')
        .map(([id, r]) => [r.Properties?.RoleName as string, [id, r]]),
    );
  });
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  const role = (name: string) => {
    const found = roles.get(name);
    if (found === undefined) throw new Error(`no role ${name}; roles: ${[...roles.keys()].join(', ')}`);
    return found[1];
  };

  it('adds a preview push and a preview deploy role, both tagged as preview roles', () => {
    expect([...roles.keys()].sort()).toEqual([
      'shop-dev-gitlab-deploy',
      'shop-gitlab-image-push',
      'shop-gitlab-preview-deploy',
      'shop-gitlab-preview-push',
      'shop-prod-gitlab-deploy',
    ]);
    for (const name of ['shop-gitlab-preview-push', 'shop-gitlab-preview-deploy']) {
      expect(role(name).Properties?.Tags).toContainEqual({ Key: 'slipway:ci-role', Value: 'preview' });
    }
    for (const name of ['shop-gitlab-image-push', 'shop-dev-gitlab-deploy', 'shop-prod-gitlab-deploy']) {
      expect(JSON.stringify(role(name).Properties?.Tags ?? [])).not.toContain('slipway:ci-role');
    }
  });

  it('trusts the preview branches by prefix only on the preview roles, with aud exact', () => {
    const [push] = (
      role('shop-gitlab-preview-push').Properties?.AssumeRolePolicyDocument as { Statement: Statement[] }
    ).Statement;
    expect(push!.Condition).toEqual({
      StringEquals: { [AUD]: 'https://gitlab.com' },
      StringLike: { [SUB]: [subject('feat/*'), subject('fix/*')] },
    });
    // The deploy role also trusts the main branch, exactly and in a statement of its own, for the prune.
    const deploy = (
      role('shop-gitlab-preview-deploy').Properties?.AssumeRolePolicyDocument as { Statement: Statement[] }
    ).Statement;
    expect(deploy.map((s) => s.Condition)).toEqual([
      {
        StringEquals: { [AUD]: 'https://gitlab.com' },
        StringLike: { [SUB]: [subject('feat/*'), subject('fix/*')] },
      },
      { StringEquals: { [AUD]: 'https://gitlab.com', [SUB]: subject('main') } },
    ]);
    for (const name of ['shop-gitlab-image-push', 'shop-dev-gitlab-deploy', 'shop-prod-gitlab-deploy']) {
      expect(JSON.stringify(role(name).Properties?.AssumeRolePolicyDocument)).not.toMatch(/StringLike|[*?]/);
    }
  });

  it('lets a preview branch reach the preview roles and nothing else, and main not the push role', () => {
    const trusts = new Map([...roles].map(([name, [, r]]) => [name, trustedSubjects(r)]));
    const reach = (ref: string) =>
      [...trusts]
        .filter(([, trust]) => admits(trust, subject(ref)))
        .map(([name]) => name)
        .sort();
    expect(reach('feat/login')).toEqual(['shop-gitlab-preview-deploy', 'shop-gitlab-preview-push']);
    expect(reach('fix/a/b')).toEqual(['shop-gitlab-preview-deploy', 'shop-gitlab-preview-push']);
    expect(reach('feature/login')).toEqual([]);
    expect(reach('main')).toEqual([
      'shop-dev-gitlab-deploy',
      'shop-gitlab-image-push',
      'shop-gitlab-preview-deploy',
    ]);
    expect(reach('production')).toEqual(['shop-prod-gitlab-deploy']);
    // A tag named like a preview branch is another ref type: no role admits it.
    const tag = 'project_path:acme/orders:ref_type:tag:ref:feat/login';
    expect([...trusts].filter(([, trust]) => admits(trust, tag))).toEqual([]);
  });

  it('trusts each role for exactly the subjects of the generated jobs that assume it', () => {
    const [file] = generateWorkflows(model, { configPath: 'slipway.config.ts' });
    const pipeline = parseGitlabPipeline('.gitlab-ci.yml', file!.content);
    const trusted = new Map([...roles].map(([name, [, r]]) => [name, trustedSubjects(r)]));
    expect(presentedSubjects(pipeline.document, 'acme/orders')).toEqual(trusted);
    // A preview job on a prefix the roles do not trust shows as a difference.
    const moved = structuredClone(pipeline.document) as Record<string, { rules: { if: string }[] }>;
    moved['preview-up']!.rules = [{ if: '$CI_COMMIT_BRANCH =~ /^hotfix\\// && $CI_OPEN_MERGE_REQUESTS' }];
    expect(presentedSubjects(moved, 'acme/orders')).not.toEqual(trusted);
  });

  it("lets the preview deploy role assume only the copied environment's CDK deploy, file and lookup roles", () => {
    const [id] = roles.get('shop-gitlab-preview-deploy')!;
    const statements = Object.values(template.Resources ?? {})
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(id))
      .flatMap(
        (r) =>
          (
            r.Properties?.PolicyDocument as {
              Statement: { Sid?: string; Action: unknown; Resource: unknown }[];
            }
          ).Statement,
      );
    const assume = statements.find((s) => s.Sid === 'AssumeCdkBootstrapRolesForPreviews');
    expect(assume?.Resource).toEqual([
      'arn:aws:iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-us-east-1',
      'arn:aws:iam::111111111111:role/cdk-hnb659fds-file-publishing-role-111111111111-us-east-1',
      'arn:aws:iam::111111111111:role/cdk-hnb659fds-lookup-role-111111111111-us-east-1',
    ]);
    // And dev's database provisioner (the preview's own database and role), nothing of prod.
    expect(statements.map((s) => s.Sid).sort()).toEqual([
      'AssumeCdkBootstrapRolesForPreviews',
      'DescribeProvisionerDefinition',
      'PassProvisionerRoles',
      'ReadProvisionerLog',
      'RunDatabaseProvisioner',
      'WatchDatabaseProvisioner',
    ]);
    expect(JSON.stringify(statements)).not.toMatch(/222222222222|eu-west-1|image-publishing/);
  });

  it('lets the preview push role push to the preview repositories only', () => {
    const [id] = roles.get('shop-gitlab-preview-push')!;
    const text = JSON.stringify(
      Object.values(template.Resources ?? {}).filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(id),
      ),
    );
    const repositories = Object.entries(template.Resources ?? {})
      .filter(([, r]) => r.Type === 'AWS::ECR::Repository')
      .map(([logicalId, r]) => [logicalId, r.Properties?.RepositoryName as string]);
    expect(repositories.map(([, name]) => name).sort()).toEqual(['shop/web', 'shop/web-preview']);
    for (const [logicalId, name] of repositories) {
      expect(text.includes(`"${logicalId}"`), name).toBe(name!.endsWith('-preview'));
    }
  });

  it('is what Slipway-IAM5 checks: compliant with the declared patterns, refused without them', () => {
    for (const [name, [logicalId, resource]] of roles) {
      const context = { logicalId, template, stackName: 'shop-ci', production: true };
      expect(
        iamGitlabOidcTrust.check(resource, { ...context, previewBranches: ['feat/*', 'fix/*'] }),
        name,
      ).toBe('compliant');
      const preview = name.includes('-preview-');
      const undeclared = iamGitlabOidcTrust.check(resource, { ...context, previewBranches: ['feat/*'] });
      expect(undeclared === 'compliant', name).toBe(!preview);
      expect(iamGitlabOidcTrust.check(resource, context) === 'compliant', name).toBe(!preview);
    }
  });

  it('has zero unacknowledged error findings in the CI stack', () => {
    const open = allFindings(plan)
      .filter((f) => f.stack === 'shop-ci' && f.level === 'error' && !f.acknowledged)
      .map((f) => `${f.stack} ${f.rule} ${f.resource} ${f.message}`);
    expect(open).toEqual([]);
    expect(allFindings(plan).some((f) => f.stack === 'shop-ci' && f.rule === 'Slipway-IAM5')).toBe(false);
  });

  it('passes cfn-lint', () => {
    expect(lintTemplates([ciPath]).errors).toEqual([]);
  });
});
