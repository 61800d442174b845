import { afterAll, describe, expect, it } from 'vitest';
import { githubOf } from '../../src/model/ci-host.js';
import type { AppModel } from '../../src/model/types.js';
import type { CfnTemplate } from '../../src/template/types.js';
import { roleAssumptions } from '../../src/workflows/oidc-subjects.js';
import { type FixtureApp, fixtureApp } from '../stacks/fixture-app.js';
import { exampleModel, generated } from './fixtures.js';

const SUB = 'token.actions.githubusercontent.com:sub';

/** Role name → every `sub` its trust policy allows, read from the synthesized CI template. */
function trustedSubjects(template: CfnTemplate): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const resource of Object.values(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::IAM::Role') continue;
    const props = resource.Properties as {
      RoleName: string;
      AssumeRolePolicyDocument: {
        Statement: { Action: string; Condition?: Record<string, Record<string, unknown>> }[];
      };
    };
    for (const statement of props.AssumeRolePolicyDocument.Statement) {
      if (statement.Action !== 'sts:AssumeRoleWithWebIdentity') continue;
      // Anything but exact StringEquals would allow subjects no job presents.
      expect(Object.keys(statement.Condition ?? {})).toEqual(['StringEquals']);
      const sub = statement.Condition?.StringEquals?.[SUB];
      out[props.RoleName] = [...(out[props.RoleName] ?? []), ...(Array.isArray(sub) ? sub : [sub])].sort();
    }
  }
  return out;
}

/** Role name → every subject the generated jobs that assume it present. */
function presentedSubjects(model: AppModel): Record<string, string[]> {
  const { workflows } = generated(model);
  const out: Record<string, Set<string>> = {};
  for (const assumption of workflows.flatMap((w) => roleAssumptions(w, githubOf(model).repository))) {
    const match = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(assumption.roleArn);
    expect(match?.[1], `${assumption.file} ${assumption.job} assumes a role in the CI account`).toBe(
      model.ci.account,
    );
    const name = match?.[2] ?? '';
    out[name] = (out[name] ?? new Set()).add(assumption.subject);
  }
  return Object.fromEntries(Object.entries(out).map(([name, set]) => [name, [...set].sort()]));
}

async function variants(): Promise<[string, AppModel][]> {
  const megadolls = await exampleModel('megadolls');
  const medications = await exampleModel('medications');
  return [
    ['megadolls', megadolls],
    ['medications', medications],
    [
      'megadolls with CodePipeline',
      { ...megadolls, delivery: { ...megadolls.delivery!, pipeline: 'codepipeline' } },
    ],
    [
      'medications without previews',
      { ...medications, delivery: { ...medications.delivery!, preview: undefined } },
    ],
  ];
}

describe('OIDC subjects of the generated jobs and the CI roles’ trust policies', async () => {
  const apps: FixtureApp[] = [];
  afterAll(() => {
    for (const app of apps) app.dispose();
  });

  it.each(await variants())('agree exactly for %s', (_name, model) => {
    const app = fixtureApp(model);
    apps.push(app);
    const ci = app.synthesized.find((s) => s.name === model.ci.stackName);
    expect(ci).toBeDefined();
    const trusted = trustedSubjects(ci!.template);
    const presented = presentedSubjects(model);
    // Every role is used by a job, every job's subject is trusted, and nothing else is.
    expect(trusted).toEqual(presented);
    // The image push role, a deploy role per environment and, with previews, the preview push role.
    const previewPush = model.delivery?.preview ? 1 : 0;
    expect(Object.keys(trusted).length).toBe(1 + model.environments.length + previewPush);
  });

  it('tells a role that trusts less than the jobs present', async () => {
    const model = await exampleModel('medications');
    const app = fixtureApp({ ...model, delivery: { ...model.delivery!, preview: undefined } });
    apps.push(app);
    const ci = app.synthesized.find((s) => s.name === model.ci.stackName);
    const trusted = trustedSubjects(ci!.template);
    const presented = presentedSubjects(model);
    expect(trusted).not.toEqual(presented);
    expect(presented['medications-dev-github-deploy']).toContain('repo:acme/medications:environment:preview');
    expect(trusted['medications-dev-github-deploy']).toEqual(['repo:acme/medications:environment:dev']);
  });

  it('names the repository with the branch or environment, never a wildcard', async () => {
    const model = await exampleModel('megadolls');
    const presented = presentedSubjects(model);
    expect(presented).toEqual({
      'megadolls-github-image-push': ['repo:acme/megadolls:ref:refs/heads/main'],
      'megadolls-dev-github-deploy': [
        'repo:acme/megadolls:environment:dev',
        'repo:acme/megadolls:environment:preview',
      ],
      'megadolls-prod-github-deploy': ['repo:acme/megadolls:environment:production'],
      'megadolls-github-preview-push': ['repo:acme/megadolls:environment:preview'],
    });
  });
});
