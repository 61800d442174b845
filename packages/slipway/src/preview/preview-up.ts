import { NOT_DEPLOYED } from '../deploy/deployed-state.js';
import { bootstrapLocal, deployStack } from '../deploy/deploy-environment.js';
import { openSession, type SessionOptions } from '../deploy/session.js';
import { stackFailure } from '../deploy/stack-failure.js';
import type { DeployTarget } from '../deploy/target.js';
import { emulatorLimitsFor } from '../local-cloud/emulator-limits.js';
import type { AppModel } from '../model/types.js';
import { previewSlug } from '../naming/preview-names.js';
import type { ProvisionOutcome } from '../provision/run-provisioner.js';
import { listDeployedPreviews } from './list-previews.js';
import { previewHourlyCost } from './preview-cost.js';
import { provisionPreview, withPreviewStack } from './preview-parts.js';
import { planPreview, type PreviewPlan, previewSource } from './preview-plan.js';

export interface PreviewUpOptions extends SessionOptions {
  readonly branch: string;
  /** @default now */
  readonly now?: Date;
  /** Run the branch's images from the preview repositories (with `imageTags` naming the build). @default false */
  readonly branchImages?: boolean;
}

export interface PreviewUpResult {
  readonly plan: PreviewPlan;
  readonly target: DeployTarget;
  /** `created` the first time, `updated` after. */
  readonly action: 'created' | 'updated';
  readonly url?: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly provisioned: readonly ProvisionOutcome[];
  /** List-price estimate of the running preview; null when its region has no price table. */
  readonly usdPerHour: number | null;
  readonly seconds: number;
  readonly emulatorLimits: readonly string[];
}

/**
 * Brings a branch's preview up or updates it: its databases and roles first (the copied
 * environment's provisioner task), then its one stack. The copied environment must be deployed.
 * Running it again for the same branch updates the same preview, on the same port.
 */
export async function previewUp(model: AppModel, options: PreviewUpOptions): Promise<PreviewUpResult> {
  const started = performance.now();
  const source = previewSource(model);
  const session = await openSession(model, source.name, options, true);
  const slug = previewSlug(options.branch);
  const deployed = await listDeployedPreviews(session);
  const mine = deployed.find((p) => p.slug === slug);
  const plan = planPreview(session.model, {
    branch: options.branch,
    takenPorts: new Set(deployed.filter((p) => p !== mine).map((p) => p.port)),
    existing: mine && { port: mine.port, createdAt: mine.createdAt },
    now: options.now,
    branchImages: options.branchImages,
  });

  const retryCommand = `slipway preview up --branch ${JSON.stringify(options.branch)}`;
  // The stack is synthesized and checked before the database is made, so a config problem or an
  // unacknowledged finding stops the run first.
  return withPreviewStack(
    session,
    plan,
    async (assembly, stack) => {
      const provisioned = await provisionPreview(session, plan, 'ensure');
      if (session.connection.target === 'local') await bootstrapLocal(session, [stack]);
      session.emit({ kind: 'stack-start', action: 'deploy', stack: stack.name, index: 1, total: 1 });
      const stackStarted = performance.now();
      const outputs = await deployStack(session, assembly, stack).catch(async (error: unknown) => {
        throw await stackFailure(session, stack, error, {
          completed: [],
          notAttempted: [],
          retryCommand,
          action: 'deploy',
        });
      });
      session.emit({
        kind: 'stack-done',
        action: 'deploy',
        stack: stack.name,
        seconds: (performance.now() - stackStarted) / 1000,
        unchanged: false,
      });
      return {
        plan,
        target: session.connection.target,
        action: mine && !NOT_DEPLOYED.has(mine.status) ? 'updated' : 'created',
        ...(outputs.Url ? { url: outputs.Url } : {}),
        outputs,
        provisioned,
        usdPerHour: previewHourlyCost(plan, stack.template),
        seconds: (performance.now() - started) / 1000,
        emulatorLimits: session.connection.target === 'local' ? emulatorLimitsFor(plan.environment) : [],
      } satisfies PreviewUpResult;
    },
    retryCommand,
  );
}
