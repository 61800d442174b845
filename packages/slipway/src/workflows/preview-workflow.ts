import type { PreviewModel } from '../model/types.js';
import { deployRoleArn, type WorkflowContext } from './context.js';
import { expr } from './expression.js';
import * as commands from './slipway-commands.js';
import { assumeRole, checkout, setupNodeAndInstall } from './steps.js';
import type { Job, Step, Workflow } from './workflow-types.js';

/** A quiet minute of the night (UTC) for the cleanup, off the hour most schedules pile onto. */
const NIGHTLY = '17 3 * * *';

/**
 * Per-branch previews (seed 002): a push to a matching branch brings its preview up, deleting the
 * branch takes it down, and a nightly run removes previews older than `previewMaxAgeDays`. Every
 * job runs in the `preview` GitHub environment, which the copied environment's deploy role also
 * trusts, so previews reach nothing else. Branch names are attacker-chosen text: they reach the
 * scripts only through `env:`.
 */
export function previewWorkflow(ctx: WorkflowContext, preview: PreviewModel): Workflow {
  const env = ctx.model.environments.find((e) => e.name === preview.environment);
  if (env === undefined)
    throw new Error(`Previews copy '${preview.environment}', which is not an environment.`);
  const job = (name: string, condition: string, branch: string | undefined, run: string): Job => ({
    name,
    if: condition,
    'runs-on': ctx.runner,
    'timeout-minutes': 60,
    environment: preview.githubEnvironment,
    // Up and down of one branch queue behind each other; different branches run side by side.
    concurrency: {
      group: branch === undefined ? 'preview-prune' : `preview-${branch}`,
      'cancel-in-progress': false,
    },
    permissions: { contents: 'read', 'id-token': 'write' },
    ...(branch === undefined ? {} : { env: { BRANCH: branch } }),
    steps: [
      checkout(),
      ...setupNodeAndInstall(ctx),
      assumeRole(deployRoleArn(ctx.model, env.name), env.region, `${ctx.model.app}-preview`),
      { name, run } satisfies Step,
    ],
  });
  return {
    name: 'Preview',
    on: {
      push: { branches: [...preview.branches] },
      delete: {},
      schedule: [{ cron: NIGHTLY }],
    },
    permissions: {},
    jobs: {
      up: job(
        'Bring the preview up',
        "github.event_name == 'push'",
        expr('github.ref_name'),
        commands.previewUp(ctx.configPath),
      ),
      down: job(
        'Take the preview down',
        `github.event_name == 'delete' && github.event.ref_type == 'branch' && (${deletedBranchMatches(preview.branches)})`,
        expr('github.event.ref'),
        commands.previewDown(ctx.configPath),
      ),
      prune: job(
        `Remove previews older than ${preview.maxAgeDays} days`,
        "github.event_name == 'schedule'",
        undefined,
        commands.previewPrune(ctx.configPath, preview.maxAgeDays),
      ),
    },
  };
}

/**
 * `delete` events take no branch filter, so the job condition matches the deleted branch against
 * the patterns' literal prefixes (`feat/*` → starts with `feat/`; no wildcard → equals).
 */
function deletedBranchMatches(patterns: readonly string[]): string {
  return patterns
    .map((pattern) => {
      const prefix = pattern.replace(/\*+$/, '');
      return prefix === pattern
        ? `github.event.ref == '${pattern}'`
        : `startsWith(github.event.ref, '${prefix}')`;
    })
    .join(' || ');
}
