import type { WorkflowContext } from './context.js';
import { expr } from './expression.js';
import { uses } from './actions.js';
import { planCommentJob } from './pr-comment-job.js';
import { checkManifests, planBase, planJson, planSummary } from './slipway-commands.js';
import { checkout, setupNodeAndInstall } from './steps.js';
import type { Job, Workflow } from './workflow-types.js';

/**
 * On every pull request: lint, test, and the offline plan of the pull request and of its base
 * commit: the summary (cost change, new findings, resource diff, diagrams) goes to the job summary
 * and to one comment on the pull request, the HTML report to an artifact. No job gets AWS
 * credentials: the plan synthesizes and checks without an account, so a pull request from anyone
 * can run it without any role trusting pull requests (SECURITY.md 14). The plan job runs the pull
 * request's code, so it can only read; the comment job runs none and may only comment.
 * When an environment runs on EKS, a third job fails the pull request whose config changes the
 * Kubernetes objects without the regenerated GitOps folder, since Argo CD applies what is merged.
 */
export function prWorkflow(ctx: WorkflowContext): Workflow {
  const eks = ctx.model.environments.some((env) => env.runtime === 'eks');
  return {
    name: 'Pull request',
    on: { pull_request: {} },
    permissions: { contents: 'read' },
    concurrency: {
      group: `pr-${expr('github.event.pull_request.number')}`,
      // A new push makes the running checks moot.
      'cancel-in-progress': true,
    },
    jobs: {
      checks: {
        name: 'Lint and test',
        'runs-on': ctx.runner,
        'timeout-minutes': 30,
        steps: [
          checkout(),
          ...setupNodeAndInstall(ctx),
          { name: 'Lint', run: ctx.delivery.commands.lint },
          { name: 'Test', run: ctx.delivery.commands.test },
        ],
      },
      plan: {
        name: 'Plan',
        'runs-on': ctx.runner,
        'timeout-minutes': 30,
        outputs: { summary: expr('steps.summary.outputs.markdown') },
        steps: [
          // The whole history: the base commit is checked out beside the pull request's.
          checkout({ fullHistory: true }),
          ...setupNodeAndInstall(ctx),
          {
            name: 'Plan the base commit (to compare with)',
            env: { BASE_SHA: expr('github.event.pull_request.base.sha') },
            run: planBase(ctx.configPath, '"$RUNNER_TEMP/base-out"', '"$RUNNER_TEMP/base-plan.json"'),
          },
          {
            name: 'Plan (offline, no AWS credentials)',
            run: planJson(
              ctx.configPath,
              '"$RUNNER_TEMP/slipway-out"',
              '"$RUNNER_TEMP/plan.json"',
              '"$RUNNER_TEMP/report.html"',
            ),
          },
          {
            name: 'Post findings, cost and changes as the job summary',
            id: 'summary',
            // Also when the plan failed: the findings are what the author needs to see.
            if: expr('!cancelled()'),
            run: [
              planSummary(
                '"$RUNNER_TEMP/plan.json"',
                '"$RUNNER_TEMP/base-plan.json"',
                '"$RUNNER_TEMP/summary.md"',
              ),
              'cat "$RUNNER_TEMP/summary.md" >> "$GITHUB_STEP_SUMMARY"',
              // A random delimiter: the pull request's text could hold a fixed one and end the output early.
              'delimiter="slipway-$(od -An -N8 -tx1 /dev/urandom | tr -d \' \\n\')"',
              '{ echo "markdown<<$delimiter"; cat "$RUNNER_TEMP/summary.md"; echo "$delimiter"; } >> "$GITHUB_OUTPUT"',
            ].join('\n'),
          },
          {
            name: 'Upload the HTML report',
            if: expr('!cancelled()'),
            uses: uses('uploadArtifact'),
            with: {
              name: 'slipway-report',
              path: `${expr('runner.temp')}/report.html`,
              'if-no-files-found': 'ignore',
              'retention-days': 30,
            },
          },
        ],
      },
      comment: planCommentJob(ctx),
      ...(eks ? { manifests: manifestsCheckJob(ctx) } : {}),
    },
  };
}

function manifestsCheckJob(ctx: WorkflowContext): Job {
  return {
    name: 'GitOps folder',
    'runs-on': ctx.runner,
    'timeout-minutes': 15,
    steps: [
      checkout(),
      ...setupNodeAndInstall(ctx),
      { name: 'The GitOps folder matches the config', run: checkManifests(ctx.configPath) },
    ],
  };
}
