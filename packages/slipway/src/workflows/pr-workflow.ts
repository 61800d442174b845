import type { WorkflowContext } from './context.js';
import { expr } from './expression.js';
import { checkManifests, planJson, planSummary } from './slipway-commands.js';
import { checkout, setupNodeAndInstall } from './steps.js';
import type { Job, Workflow } from './workflow-types.js';

/**
 * On every pull request: lint, test, and the offline plan (findings and cost as the job
 * summary). No job gets AWS credentials: the plan synthesizes and checks without an account, so a
 * pull request from anyone can run it without any role trusting pull requests (SECURITY.md 14).
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
        steps: [
          checkout(),
          ...setupNodeAndInstall(ctx),
          {
            name: 'Plan (offline, no AWS credentials)',
            run: planJson(ctx.configPath, '"$RUNNER_TEMP/slipway-out"', '"$RUNNER_TEMP/plan.json"'),
          },
          {
            name: 'Post findings and cost as the job summary',
            // Also when the plan failed: the findings are what the author needs to see.
            if: expr('!cancelled()'),
            run: planSummary('"$RUNNER_TEMP/plan.json"'),
          },
        ],
      },
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
