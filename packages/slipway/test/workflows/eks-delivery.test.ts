import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { SlipwayConfig } from '../../src/config/schema.js';
import type { AppModel } from '../../src/model/types.js';
import { checkWorkflows } from '../../src/workflows/rules/index.js';
import type { Job } from '../../src/workflows/workflow-types.js';
import { validConfig } from '../config/fixtures.js';
import { exampleModel, generated, lint, productionEnvironments, workflowNamed } from './fixtures.js';

/** `shop` with dev and prod on EKS; dev adds an x86_64 pool beside the arm64 defaults. */
function eksConfig(): SlipwayConfig {
  const config: SlipwayConfig = { ...validConfig(), runtime: 'eks' };
  config.environments.dev!.eks = {
    nodePools: { intel: { architecture: 'x86_64', instanceTypes: ['m7i.large'] } },
  };
  return config;
}

const model = resolveConfig(eksConfig());
const { files, workflows } = generated(model);
const deploy = workflowNamed(workflows, 'deploy.yml').workflow;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');
const roleOf = (job: Job | undefined) =>
  job?.steps?.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'))?.with?.[
    'role-to-assume'
  ];

describe('workflows for EKS environments', () => {
  it('hold actionlint and every one of Slipway’s workflow rules', async () => {
    expect((await Promise.all(workflows.map(lint))).flat()).toEqual([]);
    expect(checkWorkflows(workflows, { productionEnvironments: productionEnvironments(model) })).toEqual([]);
  });

  it('are byte-identical on a second run', () => {
    expect(generated(model).files).toEqual(files);
  });

  it('deploy the infrastructure, then roll the apps out by commit, dev then prod (seed 001)', () => {
    expect(Object.keys(deploy.jobs)).toEqual([
      'infrastructure-dev',
      'manifests-dev',
      'infrastructure-prod',
      'manifests-prod',
    ]);
    expect(deploy.jobs['manifests-dev']?.needs).toBe('infrastructure-dev');
    expect(deploy.jobs['infrastructure-prod']?.needs).toBe('manifests-dev');
    expect(deploy.jobs['manifests-prod']?.needs).toBe('infrastructure-prod');
  });

  it('deploys the layer stacks with the environment’s role, in its GitHub environment, diff first', () => {
    for (const [env, githubEnvironment] of [
      ['dev', 'dev'],
      ['prod', 'production'],
    ] as const) {
      const job = deploy.jobs[`infrastructure-${env}`];
      expect(job?.environment).toBe(githubEnvironment);
      expect(job?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      // The deploy roles live in the CI account (the first environment's).
      expect(roleOf(job)).toBe(`arn:aws:iam::111111111111:role/shop-${env}-github-deploy`);
      const text = runs(job);
      expect(text).toContain(
        `npx slipway deploy --env ${env} --target aws --yes --only infrastructure --config slipway.config.ts`,
      );
      expect(text.indexOf('slipway diff')).toBeLessThan(text.indexOf('slipway deploy'));
      expect(job?.steps?.some((s) => s.id === 'tags')).toBe(false);
    }
  });

  it('writes each environment’s folder at the release’s image tags on the main branch, with no AWS role', () => {
    for (const env of ['dev', 'prod']) {
      const job = deploy.jobs[`manifests-${env}`];
      expect(job?.environment).toBeUndefined();
      expect(job?.permissions?.['id-token']).toBeUndefined();
      expect(roleOf(job)).toBeUndefined();
      expect(job?.concurrency).toEqual({ group: `manifests-shop-${env}`, 'cancel-in-progress': false });
      expect(job?.env).toMatchObject({ FOLDER: `gitops/${env}`, MAIN_BRANCH: 'main' });
      const steps = job?.steps ?? [];
      expect(steps[0]?.with).toEqual({ 'persist-credentials': false, 'fetch-depth': 0, ref: 'main' });
      const tags = steps.find((s) => s.id === 'tags');
      expect(tags?.env).toEqual({ RELEASE: `\${{ github.sha }}` });
      expect(tags?.run).toContain('commit="$(git log -1 --format=%H "$RELEASE" -- apps/web)"');
      expect(runs(job)).toContain(
        `npx slipway manifests --env ${env} $IMAGE_TAGS --config slipway.config.ts`,
      );
      // Only the step that pushes is handed the token.
      const withToken = steps.filter((s) => s.env?.GITHUB_TOKEN !== undefined);
      expect(withToken).toEqual([steps.at(-1)]);
      expect(steps.at(-1)?.run).toContain('core.hooksPath=/dev/null');
    }
  });

  it('pushes dev’s change to the main branch with the workflow token, which starts no new run', () => {
    const job = deploy.jobs['manifests-dev'];
    expect(job?.permissions).toEqual({ contents: 'write' });
    const push = job?.steps?.at(-1)?.run ?? '';
    expect(push).toContain('git add --all -- "$FOLDER"');
    expect(push).toContain('authed push origin "HEAD:refs/heads/$MAIN_BRANCH"');
    expect(push).toMatch(/starts no workflow run/);
    expect(push).not.toContain('gh pr');
  });

  it('opens a pull request for prod’s change, which a person merges', () => {
    const job = deploy.jobs['manifests-prod'];
    expect(job?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const step = job?.steps?.at(-1);
    expect(step?.env).toEqual({ GITHUB_TOKEN: `\${{ github.token }}`, GH_TOKEN: `\${{ github.token }}` });
    expect(step?.run).toContain('authed push --force origin "HEAD:refs/heads/$branch"');
    expect(step?.run).toContain('gh pr create --repo "$GITHUB_REPOSITORY" --base "$MAIN_BRANCH"');
    expect(step?.run).not.toContain('refs/heads/$MAIN_BRANCH');
  });

  it('checks the GitOps folder against the config on every pull request, without credentials', () => {
    const pr = workflowNamed(workflows, 'pr.yml');
    expect(Object.keys(pr.workflow.jobs)).toEqual(['checks', 'plan', 'comment', 'manifests']);
    expect(runs(pr.workflow.jobs.manifests)).toContain(
      'npx slipway manifests --check --config slipway.config.ts',
    );
    expect(pr.text).not.toMatch(/id-token|configure-aws-credentials/);
  });

  it('builds arm64 and amd64 images, since dev’s node pools mix them (seed 000)', () => {
    const build = workflowNamed(workflows, 'build-web.yml').workflow.jobs.image;
    const actions = (build?.steps ?? []).map((s) => s.uses?.split('@')[0]).filter(Boolean);
    expect(actions).toEqual(
      expect.arrayContaining(['docker/setup-qemu-action', 'docker/setup-buildx-action']),
    );
    const push = build?.steps?.find((s) => s.uses?.startsWith('docker/build-push-action'));
    expect(push?.with?.platforms).toBe('linux/amd64,linux/arm64');
  });

  it('asks the reviewer about the GitOps folders, which Argo CD applies on merge', () => {
    const template = files.find((f) => f.path === 'pull_request_template.md')?.content ?? '';
    expect(template).toContain('`gitops/dev/`, `gitops/prod/` are expected: Argo CD applies them');
  });

  it('deploys only the layers of an EKS environment and commits its folder under CodePipeline too', () => {
    const pipelined: AppModel = { ...model, delivery: { ...model.delivery!, pipeline: 'codepipeline' } };
    const jobs = workflowNamed(generated(pipelined).workflows, 'deploy.yml').workflow.jobs;
    expect(Object.keys(jobs)).toEqual([
      'infrastructure-dev',
      'manifests-dev',
      'infrastructure-prod',
      'manifests-prod',
    ]);
    expect(runs(jobs['infrastructure-prod'])).toContain('--only infrastructure');
  });

  it('rolls out by commit only where the runtime is EKS', () => {
    const config = eksConfig();
    config.environments.prod!.runtime = 'ecs';
    const jobs = workflowNamed(generated(resolveConfig(config)).workflows, 'deploy.yml').workflow.jobs;
    expect(Object.keys(jobs)).toEqual([
      'infrastructure-dev',
      'manifests-dev',
      'infrastructure-prod',
      'services-prod',
    ]);
  });
});

describe.each(['megadolls', 'medications'])('workflows of the ECS-only %s', (name) => {
  it('carry no GitOps step and no repository write', async () => {
    const text = generated(await exampleModel(name))
      .files.map((f) => f.content)
      .join('\n');
    expect(text).not.toMatch(/manifests|gitops|contents: write/);
    // The one writer is the pull request's comment job, which checks nothing out.
    expect(text.match(/pull-requests: write/g)).toHaveLength(1);
  });
});
