import { destroyStack } from '../deploy/destroy-environment.js';
import { openSession, type Session, type SessionOptions } from '../deploy/session.js';
import { stackFailure } from '../deploy/stack-failure.js';
import type { DeployTarget } from '../deploy/target.js';
import type { AppModel } from '../model/types.js';
import { previewSlug } from '../naming/preview-names.js';
import type { ProvisionOutcome } from '../provision/run-provisioner.js';
import { type DeployedPreview, listDeployedPreviews } from './list-previews.js';
import { provisionPreview, withPreviewStack } from './preview-parts.js';
import { planPreview, previewSource } from './preview-plan.js';

export interface PreviewDownOptions extends SessionOptions {
  readonly branch: string;
}

export interface PreviewDownResult {
  readonly slug: string;
  readonly stackName: string;
  readonly target: DeployTarget;
  /** Whether a stack was there to delete. */
  readonly stackDeleted: boolean;
  /** The preview's databases and roles dropped (or, on the emulator, the drop recorded). */
  readonly dropped: readonly ProvisionOutcome[];
}

/** Takes a branch's preview down: its stack, then its databases and roles. Safe to repeat. */
export async function previewDown(model: AppModel, options: PreviewDownOptions): Promise<PreviewDownResult> {
  const session = await openSession(model, previewSource(model).name, options, false);
  const slug = previewSlug(options.branch);
  if (!session.reachable) {
    session.emit({
      kind: 'note',
      message: 'the local emulator is not running, so no preview is deployed there',
    });
    return { slug, stackName: '', target: 'local', stackDeleted: false, dropped: [] };
  }
  const deployed = (await listDeployedPreviews(session)).find((p) => p.slug === slug);
  return removePreview(session, options.branch, deployed);
}

/**
 * Deletes a preview's stack (when there is one) and then drops its databases and roles: the
 * services are gone by then, and the drop ends any session left. Each step is idempotent, so a
 * removal that failed half way is finished by running it again.
 */
export async function removePreview(
  session: Session,
  branch: string,
  deployed: DeployedPreview | undefined,
): Promise<PreviewDownResult> {
  const plan = planPreview(session.model, {
    branch,
    existing: deployed && { port: deployed.port, createdAt: deployed.createdAt, slug: deployed.slug },
  });
  const retry = `slipway preview down --branch ${JSON.stringify(branch)}`;
  if (deployed) {
    await withPreviewStack(session, plan, async (assembly, stack) => {
      session.emit({ kind: 'stack-start', action: 'destroy', stack: stack.name, index: 1, total: 1 });
      const started = performance.now();
      await destroyStack(session, assembly, stack).catch(async (error: unknown) => {
        throw await stackFailure(session, stack, error, {
          completed: [],
          notAttempted: [`the preview's databases (${plan.databases.map((d) => d.databaseName).join(', ')})`],
          retryCommand: retry,
          action: 'destroy',
        });
      });
      session.emit({
        kind: 'stack-done',
        action: 'destroy',
        stack: stack.name,
        seconds: (performance.now() - started) / 1000,
        unchanged: false,
      });
    });
  } else {
    session.emit({
      kind: 'note',
      message: `no stack ${plan.stackName} is deployed; dropping its databases if any are left`,
    });
  }
  const dropped = await provisionPreview(session, plan, 'drop');
  return {
    slug: plan.slug,
    stackName: plan.stackName,
    target: session.connection.target,
    stackDeleted: deployed !== undefined,
    dropped,
  };
}
