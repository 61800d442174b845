import { describe, expect, it } from 'vitest';
import type { AppModel } from '../../src/model/types.js';
import { ACTIONS } from '../../src/workflows/actions.js';
import { checkWorkflows } from '../../src/workflows/rules/index.js';
import type { Job } from '../../src/workflows/workflow-types.js';
import { exampleModel, generated, productionEnvironments, workflowNamed } from './fixtures.js';

const model = await exampleModel('megadolls');
const { files, workflows } = generated(model);
const runs = (job: Job | undefined) => (job?.steps ?? []).map((s) => s.run ?? '').join('\n');

describe('workflows generated for megadolls', () => {
  it('writes pull request, one build per service, deploy, preview and the PR template', () => {
    expect(files.map((f) => f.path)).toEqual([
      'workflows/pr.yml',
      'workflows/build-web.yml',
      'workflows/build-pgadmin.yml',
      'workflows/deploy.yml',
      'workflows/preview.yml',
      'pull_request_template.md',
    ]);
  });

  it("hold every one of Slipway's workflow rules", () => {
    expect(checkWorkflows(workflows, { productionEnvironments: productionEnvironments(model) })).toEqual([]);
  });

  it('is byte-identical on a second run', () => {
    expect(generated(model).files).toEqual(files);
  });

  it('pins every action to the SHA of the one table, with its version as a comment', () => {
    const text = files.map((f) => f.content).join('\n');
    for (const line of text.split('\n').filter((l) => l.includes('uses:'))) {
      const action = Object.values(ACTIONS).find((a) => line.includes(`${a.name}@${a.sha} # ${a.version}`));
      expect(action, line).toBeDefined();
    }
    expect(text).toContain(`aws-actions/configure-aws-credentials@${ACTIONS.configureAwsCredentials.sha}`);
  });

  describe('pull request', () => {
    const pr = workflowNamed(workflows, 'pr.yml').workflow;
    it('lints, tests and plans with no AWS credentials at all', () => {
      expect(pr.on).toEqual({ pull_request: {} });
      expect(pr.permissions).toEqual({ contents: 'read' });
      expect(files[0]?.content).not.toMatch(/id-token|configure-aws-credentials/);
      expect(runs(pr.jobs.checks)).toMatch(/npm run lint --if-present\nnpm test --if-present/);
    });
    it('posts the plan as the job summary even when the plan fails', () => {
      const steps = pr.jobs.plan?.steps ?? [];
      const plan = steps.findIndex((s) =>
        /slipway plan --json --out "\$RUNNER_TEMP\/slipway-out"/.test(s.run ?? ''),
      );
      const summary = steps.findIndex((s) => /GITHUB_STEP_SUMMARY/.test(s.run ?? ''));
      expect(plan).toBeGreaterThan(-1);
      expect(summary).toBe(plan + 1);
      expect(steps[summary]?.if).toBe(`\${{ !cancelled() }}`);
      expect(steps[summary]?.run).toContain(
        'npx slipway workflows summary "$RUNNER_TEMP/plan.json" --base "$RUNNER_TEMP/base-plan.json" > "$RUNNER_TEMP/summary.md"',
      );
      expect(steps[summary]?.run).toContain('cat "$RUNNER_TEMP/summary.md" >> "$GITHUB_STEP_SUMMARY"');
      expect(pr.jobs.plan?.outputs).toEqual({ summary: `\${{ steps.summary.outputs.markdown }}` });
    });
    it('plans the base commit first, in a worktree inside the workspace, never failing the job', () => {
      const steps = pr.jobs.plan?.steps ?? [];
      expect(steps[0]?.with?.['fetch-depth']).toBe(0);
      const base = steps.find((s) => /git worktree add/.test(s.run ?? ''));
      expect(base?.env).toEqual({ BASE_SHA: `\${{ github.event.pull_request.base.sha }}` });
      expect(base?.run).toContain(
        'if git worktree add --detach .slipway/base "$BASE_SHA" && [ -f .slipway/base/slipway.config.ts ]; then',
      );
      expect(base?.run).toContain(
        'npx slipway plan --json --out "$RUNNER_TEMP/base-out" --config .slipway/base/slipway.config.ts > "$RUNNER_TEMP/base-plan.json" ||',
      );
      expect(base?.run).not.toContain('${{');
      expect(steps.indexOf(base!)).toBeLessThan(steps.findIndex((s) => /--html/.test(s.run ?? '')));
    });
    it('writes the HTML report and uploads it with the pinned upload action', () => {
      const steps = pr.jobs.plan?.steps ?? [];
      expect(runs(pr.jobs.plan)).toContain('--html "$RUNNER_TEMP/report.html"');
      const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.uses).toBe(`actions/upload-artifact@${ACTIONS.uploadArtifact.sha}`);
      expect(upload?.if).toBe(`\${{ !cancelled() }}`);
      expect(upload?.with).toMatchObject({ name: 'slipway-report', path: `\${{ runner.temp }}/report.html` });
    });
    it('comments from a job of its own that alone may write to pull requests, and not on forks', () => {
      expect(pr.jobs.plan?.permissions).toBeUndefined();
      const comment = pr.jobs.comment;
      expect(comment?.needs).toBe('plan');
      expect(comment?.permissions).toEqual({ 'pull-requests': 'write' });
      expect(comment?.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
      expect(comment?.if).toContain('!cancelled()');
      const steps = comment?.steps ?? [];
      expect(steps.every((s) => s.uses === undefined)).toBe(true);
      expect(steps[0]?.env).toMatchObject({
        GH_TOKEN: `\${{ github.token }}`,
        SUMMARY: `\${{ needs.plan.outputs.summary }}`,
      });
      expect(steps[0]?.run).toContain('gh api --method PATCH');
      expect(steps[0]?.run).toContain('<!-- slipway-plan -->');
      expect(steps[0]?.run).not.toContain('${{');
    });
  });

  describe('build', () => {
    const web = workflowNamed(workflows, 'build-web.yml').workflow;
    const job = web.jobs.image;
    it('runs only for pushes to main that touch the service (seed 003)', () => {
      expect(web.on).toEqual({
        push: { branches: ['main'], paths: ['apps/web', 'apps/web/**'] },
        workflow_dispatch: {},
      });
      expect(job?.if).toBe("github.ref == 'refs/heads/main'");
      expect(workflowNamed(workflows, 'build-pgadmin.yml').workflow.on).toMatchObject({
        push: { paths: ['apps/pgadmin', 'apps/pgadmin/**'] },
      });
    });
    it('assumes the image push role and gets id-token only in that job', () => {
      expect(web.permissions).toEqual({});
      expect(job?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
      const assume = job?.steps?.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
      expect(assume?.with).toMatchObject({
        'role-to-assume': 'arn:aws:iam::111111111111:role/megadolls-github-image-push',
        'aws-region': 'us-east-1',
      });
    });
    it('builds amd64 and arm64 with a cache, pushes sha-<commit> and moves dev-latest (seed 004)', () => {
      const build = job?.steps?.find((s) => s.uses?.startsWith('docker/build-push-action'));
      expect(build?.with).toMatchObject({
        context: 'apps/web',
        file: 'apps/web/Dockerfile',
        platforms: 'linux/amd64,linux/arm64',
        push: true,
        'cache-from': 'type=gha,scope=web',
        'cache-to': 'type=gha,mode=max,scope=web',
      });
      expect(String(build?.with?.tags).split('\n')).toEqual([
        `\${{ steps.ecr.outputs.registry }}/\${{ env.REPOSITORY }}:\${{ steps.tag.outputs.tag }}`,
        `\${{ steps.ecr.outputs.registry }}/\${{ env.REPOSITORY }}:\${{ env.MOVING_TAG }}`,
      ]);
      expect(job?.env).toEqual({ REPOSITORY: 'megadolls/web', WATCH: 'apps/web', MOVING_TAG: 'dev-latest' });
      expect(runs(job)).toContain('echo "tag=sha-$commit"');
    });
  });

  describe('deploy', () => {
    const deploy = workflowNamed(workflows, 'deploy.yml').workflow;
    it('runs on release tags, infrastructure then services, dev then prod (seed 001)', () => {
      expect(deploy.on).toEqual({ push: { tags: ['v*'] } });
      expect(Object.keys(deploy.jobs)).toEqual([
        'infrastructure-dev',
        'services-dev',
        'infrastructure-prod',
        'services-prod',
      ]);
      expect(deploy.jobs['services-dev']?.needs).toBe('infrastructure-dev');
      expect(deploy.jobs['infrastructure-prod']?.needs).toBe('services-dev');
      expect(deploy.jobs['services-prod']?.needs).toBe('infrastructure-prod');
    });
    it('puts each job in its GitHub environment and assumes that environment’s role', () => {
      for (const [id, env, role] of [
        ['infrastructure-dev', 'dev', 'megadolls-dev-github-deploy'],
        ['services-prod', 'production', 'megadolls-prod-github-deploy'],
      ] as const) {
        const job = deploy.jobs[id];
        expect(job?.environment).toBe(env);
        const assume = job?.steps?.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
        expect(assume?.with?.['role-to-assume']).toBe(`arn:aws:iam::111111111111:role/${role}`);
      }
    });
    it('shows the diff before every production deploy and never cancels one', () => {
      for (const id of ['infrastructure-prod', 'services-prod']) {
        const job = deploy.jobs[id];
        expect(job?.concurrency).toMatchObject({ 'cancel-in-progress': false });
        const text = runs(job);
        expect(text.indexOf('slipway diff')).toBeGreaterThan(-1);
        expect(text.indexOf('slipway diff')).toBeLessThan(text.indexOf('slipway deploy'));
      }
    });
    it('deploys every service at the image its last change built, in one services job', () => {
      const job = deploy.jobs['services-prod'];
      const tags = job?.steps?.find((s) => s.id === 'tags')?.run ?? '';
      expect(tags).toContain('git log -1 --format=%H -- apps/web)"');
      expect(tags).toContain('args="$args --image-tag web=sha-$commit"');
      expect(tags).toContain('args="$args --image-tag pgadmin=sha-$commit"');
      expect(runs(job)).toContain(
        'npx slipway deploy --env prod --target aws --yes --only services $IMAGE_TAGS --config slipway.config.ts',
      );
      expect(runs(deploy.jobs['infrastructure-prod'])).toContain(
        'npx slipway deploy --env prod --target aws --yes --only infrastructure --config slipway.config.ts',
      );
    });
  });

  describe('preview', () => {
    const preview = workflowNamed(workflows, 'preview.yml').workflow;
    it('brings previews up on feat/* pushes, down on branch deletion and prunes nightly', () => {
      expect(preview.on).toEqual({
        push: { branches: ['feat/*'] },
        delete: {},
        schedule: [{ cron: '17 3 * * *' }],
      });
      expect(runs(preview.jobs.up)).toContain('slipway preview up --branch "$BRANCH"');
      expect(runs(preview.jobs.down)).toContain('slipway preview down --branch "$BRANCH"');
      expect(runs(preview.jobs.prune)).toContain('slipway preview prune --older-than 7d');
      expect(preview.jobs.down?.if).toContain("startsWith(github.event.ref, 'feat/')");
    });
    it('passes branch names through env: and runs in the preview environment with the dev role', () => {
      expect(preview.jobs.up?.env).toEqual({ BRANCH: `\${{ github.ref_name }}` });
      expect(preview.jobs.down?.env).toEqual({ BRANCH: `\${{ github.event.ref }}` });
      for (const job of Object.values(preview.jobs)) {
        expect(job.environment).toBe('preview');
        const assumed = (job.steps ?? [])
          .filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'))
          .map((s) => s.with?.['role-to-assume']);
        // The deploy role always comes last, right before the slipway command.
        expect(assumed.at(-1)).toBe('arn:aws:iam::111111111111:role/megadolls-dev-github-deploy');
      }
    });

    it("builds the branch's images into the preview repositories with the preview push role, then runs them", () => {
      const steps = preview.jobs.up?.steps ?? [];
      const assumed = steps
        .filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'))
        .map((s) => s.with?.['role-to-assume']);
      expect(assumed).toEqual([
        'arn:aws:iam::111111111111:role/megadolls-github-preview-push',
        'arn:aws:iam::111111111111:role/megadolls-dev-github-deploy',
      ]);
      const images = steps.findIndex((s) => s.id === 'images');
      const builds = steps.filter((s) => s.uses?.startsWith('docker/build-push-action'));
      // Each build runs only when the images step found its tag missing, and pushes that tag.
      expect(builds.map((b) => [b.if, b.with?.tags])).toEqual([
        [
          "steps.images.outputs.build-web == 'true'",
          `\${{ steps.ecr.outputs.registry }}/megadolls/web-preview:\${{ steps.images.outputs.tag-web }}`,
        ],
        [
          "steps.images.outputs.build-pgadmin == 'true'",
          `\${{ steps.ecr.outputs.registry }}/megadolls/pgadmin-preview:\${{ steps.images.outputs.tag-pgadmin }}`,
        ],
      ]);
      expect(images).toBeGreaterThan(steps.findIndex((s) => s.id === 'ecr'));
      expect(images).toBeLessThan(steps.indexOf(builds[0]!));
      // History for the last commit that changed each service.
      expect(steps[0]?.with?.['fetch-depth']).toBe(0);
      expect(steps.at(-1)?.env).toEqual({ IMAGE_TAGS: `\${{ steps.images.outputs.args }}` });
      expect(steps.at(-1)?.run).toBe(
        'npx slipway preview up --branch "$BRANCH" $IMAGE_TAGS --branch-images --config slipway.config.ts',
      );
    });
  });

  it('asks the reviewer about the plan, the cost and stateful resources in the PR template', () => {
    const template = files.find((f) => f.path === 'pull_request_template.md')?.content ?? '';
    expect(template).toMatch(/Plan\*\* job summary/);
    expect(template).toMatch(/stateful resource/);
    expect(template).toMatch(/reach `prod` only after approval/);
  });
});

describe('workflows for other settings', () => {
  const withDelivery = (delivery: Partial<NonNullable<AppModel['delivery']>>): AppModel => ({
    ...model,
    delivery: { ...model.delivery!, ...delivery },
  });

  it('leaves the preview workflow out when previews are off', () => {
    const paths = generated(withDelivery({ preview: undefined })).files.map((f) => f.path);
    expect(paths).not.toContain('workflows/preview.yml');
  });

  it('promotes later environments by moving their tag when CodePipeline deploys', () => {
    const deploy = workflowNamed(
      generated(withDelivery({ pipeline: 'codepipeline' })).workflows,
      'deploy.yml',
    );
    expect(Object.keys(deploy.workflow.jobs)).toEqual([
      'infrastructure-dev',
      'infrastructure-prod',
      'promote-prod',
    ]);
    const promote = deploy.workflow.jobs['promote-prod'];
    expect(promote?.environment).toBe('production');
    expect(promote?.strategy?.matrix).toEqual({
      include: [
        { service: 'web', watch: 'apps/web', repository: 'megadolls/web', tag: 'latest' },
        { service: 'pgadmin', watch: 'apps/pgadmin', repository: 'megadolls/pgadmin', tag: 'latest' },
      ],
    });
    expect(runs(promote)).toContain('aws ecr put-image');
  });

  it('builds from the configured source and watches the extra paths', () => {
    const builds = model.delivery!.builds.map((b) =>
      b.service === 'web'
        ? {
            ...b,
            context: 'services/web',
            dockerfile: 'services/web/Dockerfile.prod',
            watch: ['services/web', 'libs/shared'],
          }
        : b,
    );
    const web = workflowNamed(generated(withDelivery({ builds })).workflows, 'build-web.yml').workflow;
    expect(web.on).toMatchObject({
      push: { paths: ['services/web', 'services/web/**', 'libs/shared', 'libs/shared/**'] },
    });
    expect(web.jobs.image?.env?.WATCH).toBe('services/web libs/shared');
  });
});
