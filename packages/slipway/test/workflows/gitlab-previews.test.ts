import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { generateWorkflows } from '../../src/workflows/generate.js';
import {
  gitlabFindings,
  gitlabRuleContext,
  parseGitlabPipeline,
} from '../../src/workflows/gitlab/generate.js';
import { jobsOfPipeline } from '../../src/workflows/gitlab/pipeline-types.js';
import { checkGitlabPipeline } from '../../src/workflows/gitlab/rules/index.js';
import { jobsRun } from './gitlab-conditions.js';
import { gitlabPreviewConfig } from './gitlab-fixtures.js';
import { gitlabSchemaErrors } from './gitlab-schema.js';

const model = resolveConfig(gitlabPreviewConfig());
const [file] = generateWorkflows(model, { configPath: 'slipway.config.ts' });
const text = file?.content ?? '';
const document = parse(text) as Record<string, Record<string, unknown>>;
const jobs = jobsOfPipeline(document);
const PUSH_ROLE = 'arn:aws:iam::333333333333:role/shop-gitlab-preview-push';
const DEPLOY_ROLE = 'arn:aws:iam::333333333333:role/shop-gitlab-preview-deploy';

function mutated(change: (doc: Record<string, Record<string, unknown>>) => void): string {
  const copy = structuredClone(document);
  change(copy);
  return stringify(copy);
}

function findingsOf(pipeline: string) {
  return checkGitlabPipeline(parseGitlabPipeline('.gitlab-ci.yml', pipeline), gitlabRuleContext(model));
}

const branchPush = (branch: string, openMergeRequests?: string) => ({
  CI_PIPELINE_SOURCE: 'push',
  CI_COMMIT_BRANCH: branch,
  CI_OPEN_MERGE_REQUESTS: openMergeRequests,
});

describe('.gitlab-ci.yml with previews per merge request', () => {
  it("passes GitLab's published CI schema and Slipway's GitLab rules", () => {
    expect(gitlabSchemaErrors(text)).toEqual([]);
    expect(gitlabFindings(model, [file!])).toEqual([]);
  });

  it('runs the preview jobs alone in a preview branch pipeline with an open merge request', () => {
    expect(jobsRun(document, jobs, branchPush('feat/login', 'acme/orders!12'))).toEqual({
      'preview-build': 'on_success',
      'preview-up': 'on_success',
      'preview-down': 'manual',
    });
    expect(jobsRun(document, jobs, branchPush('fix/typo', 'acme/orders!13'))).toMatchObject({
      'preview-up': 'on_success',
    });
  });

  it('makes no pipeline for a pushed branch without a merge request, nor for other branches', () => {
    expect(jobsRun(document, jobs, branchPush('feat/login'))).toEqual({});
    expect(jobsRun(document, jobs, branchPush('feature/login', 'acme/orders!12'))).toEqual({});
    expect(jobsRun(document, jobs, branchPush('xfeat/login', 'acme/orders!12'))).toEqual({});
  });

  it('keeps the preview jobs out of merge request, main and production pipelines', () => {
    const mergeRequest = jobsRun(document, jobs, {
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feat/login',
    });
    expect(Object.keys(mergeRequest).sort()).toEqual(['lint', 'plan', 'test']);
    const main = jobsRun(document, jobs, branchPush('main'));
    expect(Object.keys(main).filter((job) => job.startsWith('preview'))).toEqual([]);
    expect(main).toMatchObject({
      'infrastructure-dev': 'on_success',
      'build-web': 'on_success (if changed)',
    });
    const production = jobsRun(document, jobs, branchPush('production'));
    expect(Object.keys(production).filter((job) => job.startsWith('preview'))).toEqual([]);
  });

  it("prunes in the main branch's scheduled pipeline, and does nothing else there", () => {
    expect(jobsRun(document, jobs, { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main' })).toEqual({
      'preview-prune': 'on_success',
    });
    expect(document['preview-prune']!.script).toContain(
      'npx slipway preview prune --older-than 5d --config slipway.config.ts',
    );
  });

  it('brings a preview up in its own GitLab environment, which GitLab stops with preview-down', () => {
    expect(document['preview-up']).toMatchObject({
      environment: {
        name: 'preview/$CI_COMMIT_REF_SLUG',
        on_stop: 'preview-down',
        auto_stop_in: '5 days',
      },
      needs: ['preview-build'],
      variables: { AWS_ROLE_ARN: DEPLOY_ROLE },
      resource_group: 'preview-$CI_COMMIT_REF_SLUG',
    });
    expect((document['preview-up']!.script as string[]).at(-1)).toBe(
      'npx slipway preview up --branch "$BRANCH" $IMAGE_TAGS --branch-images --config slipway.config.ts',
    );
    // The image tags come from preview-build's dotenv report, which GitLab hands to the jobs needing it.
    expect(document['preview-build']!.artifacts).toEqual({ reports: { dotenv: 'preview-images.env' } });
    expect((document['preview-build']!.script as string[]).at(-1)).toBe(
      'echo "IMAGE_TAGS=$args" > preview-images.env',
    );
    // The branch may be deleted by then: no checkout of it, the config comes from main.
    expect(document['preview-down']).toMatchObject({
      environment: { name: 'preview/$CI_COMMIT_REF_SLUG', action: 'stop' },
      variables: { AWS_ROLE_ARN: DEPLOY_ROLE, GIT_STRATEGY: 'none' },
    });
    const down = (document['preview-down']!.script as string[]).join('\n');
    expect(down).toContain('git clone --depth 1 --branch main "$CI_REPOSITORY_URL"');
    expect(down).toContain('npx slipway preview down --branch "$BRANCH"');
  });

  it('pushes branch images with the preview push role to the preview repositories only', () => {
    expect(document['preview-build']!.variables).toMatchObject({ AWS_ROLE_ARN: PUSH_ROLE });
    const pushes = (document['preview-build']!.script as string[])
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.includes('--push'));
    // Only when the images step finds the service's tag missing (see preview-images.test.ts).
    expect(pushes.map((l) => l.trim())).toEqual([
      'docker buildx build --platform linux/arm64 --push --file apps/web/Dockerfile --tag "$registry/shop/web-preview:$tag" apps/web',
    ]);
    expect(document['preview-build']!.variables).toMatchObject({ GIT_DEPTH: '0' });
  });

  it('never puts the branch name into a script except as a quoted variable', () => {
    for (const [, job] of jobs.filter(([name]) => name.startsWith('preview'))) {
      for (const line of (job.script ?? []) as string[]) {
        expect(line).not.toMatch(/\$CI_COMMIT_(?:BRANCH|REF_NAME)(?!")/);
      }
    }
  });
});

describe('Slipway-GLCI9 holds the preview jobs to the preview branches and roles', () => {
  const rulesBroken = (pipeline: string) => findingsOf(pipeline).map((f) => f.rule);

  it('a preview job on any branch with an open merge request', () => {
    expect(
      rulesBroken(mutated((doc) => (doc['preview-up']!.rules = [{ if: '$CI_OPEN_MERGE_REQUESTS' }]))),
    ).toContain('Slipway-GLCI9');
  });

  it('a preview job on a pattern that is not declared, or without the merge request condition', () => {
    expect(
      rulesBroken(
        mutated(
          (doc) =>
            (doc['preview-up']!.rules = [
              { if: '$CI_COMMIT_BRANCH =~ /^hotfix\\// && $CI_OPEN_MERGE_REQUESTS' },
            ]),
        ),
      ),
    ).toContain('Slipway-GLCI9');
    expect(
      rulesBroken(
        mutated((doc) => (doc['preview-build']!.rules = [{ if: '$CI_COMMIT_BRANCH =~ /^feat\\//' }])),
      ),
    ).toContain('Slipway-GLCI9');
  });

  it('the preview up job in the schedule, where only the prune may run', () => {
    expect(
      rulesBroken(
        mutated(
          (doc) =>
            (doc['preview-up']!.rules = [
              { if: '$CI_PIPELINE_SOURCE == "schedule" && $CI_COMMIT_BRANCH == "main"' },
            ]),
        ),
      ),
    ).toContain('Slipway-GLCI9');
  });

  it("a preview job with the copied environment's deploy role", () => {
    const findings = findingsOf(
      mutated((doc) => {
        (doc['preview-up']!.variables as Record<string, string>).AWS_ROLE_ARN =
          'arn:aws:iam::333333333333:role/shop-dev-gitlab-deploy';
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        rule: 'Slipway-GLCI9',
        job: 'preview-up',
        message: expect.stringContaining('not a preview role'),
      }),
    );
  });

  it('a main-branch job with a preview role', () => {
    const findings = findingsOf(
      mutated((doc) => {
        (doc['infrastructure-dev']!.variables as Record<string, string>).AWS_ROLE_ARN = DEPLOY_ROLE;
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'Slipway-GLCI9', job: 'infrastructure-dev' }),
    );
  });

  it('a preview job without rules', () => {
    expect(rulesBroken(mutated((doc) => delete doc['preview-down']!.rules))).toContain('Slipway-GLCI9');
  });

  it('the same pipeline checked as if previews were off: every preview job is refused', () => {
    const off = checkGitlabPipeline(parseGitlabPipeline('.gitlab-ci.yml', text), {
      productionEnvironments: ['prod'],
    });
    expect(new Set(off.filter((f) => f.rule === 'Slipway-GLCI9').map((f) => f.job))).toEqual(
      new Set(['preview-build', 'preview-up', 'preview-down', 'preview-prune']),
    );
  });
});
