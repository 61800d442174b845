import { paginateDescribeStacks, type Stack } from '@aws-sdk/client-cloudformation';
import { withReadClients } from '../deploy/connection.js';
import { openSession, type Session, type SessionOptions } from '../deploy/session.js';
import type { AppModel } from '../model/types.js';
import { previewStackPrefix } from '../naming/preview-names.js';
import { PREVIEW_TAGS } from '../stacks/preview/preview-stack.js';
import { STACK_TAGS } from '../stacks/shared/slipway-stack.js';
import { previewSource } from './preview-plan.js';

/** A deployed preview, as its stack's tags and outputs describe it. */
export interface DeployedPreview {
  readonly slug: string;
  readonly branch: string;
  readonly stackName: string;
  /** CloudFormation's status, e.g. `CREATE_COMPLETE`. */
  readonly status: string;
  readonly port: number;
  /** ISO time of the first `preview up`. */
  readonly createdAt: string;
  /** ISO time of the last deploy that changed it (its creation when never updated). */
  readonly updatedAt: string;
  readonly url?: string;
}

/** Every preview stack of the app in the session's account and region, oldest first. */
export async function listDeployedPreviews(session: Session): Promise<DeployedPreview[]> {
  if (!session.reachable) return [];
  const prefix = previewStackPrefix(session.model.app);
  const env = session.environment;
  const stacks = await withReadClients(
    session.connection,
    env.account,
    env.region,
    async ({ cloudFormation }) => {
      const found: Stack[] = [];
      for await (const page of paginateDescribeStacks({ client: cloudFormation }, {})) {
        found.push(...(page.Stacks ?? []).filter((s) => s.StackName?.startsWith(prefix)));
      }
      return found;
    },
  );
  return (
    stacks
      // The prefix alone would also match another app named `<app>-pr-…`; the app tag settles it.
      .filter(
        (s) =>
          s.StackStatus !== 'DELETE_COMPLETE' &&
          tag(s, PREVIEW_TAGS.slug) !== undefined &&
          tag(s, STACK_TAGS.app) === session.model.app,
      )
      .map(toPreview)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  );
}

function toPreview(stack: Stack): DeployedPreview {
  const created = stack.CreationTime?.toISOString() ?? '';
  const url = stack.Outputs?.find((o) => o.OutputKey === 'Url')?.OutputValue;
  return {
    slug: tag(stack, PREVIEW_TAGS.slug) ?? '',
    branch: tag(stack, PREVIEW_TAGS.branch) ?? '',
    stackName: stack.StackName ?? '',
    status: stack.StackStatus ?? 'UNKNOWN',
    port: Number(tag(stack, PREVIEW_TAGS.port) ?? 0),
    createdAt: tag(stack, PREVIEW_TAGS.createdAt) ?? created,
    updatedAt: stack.LastUpdatedTime?.toISOString() ?? created,
    ...(url ? { url } : {}),
  };
}

function tag(stack: Stack, key: string): string | undefined {
  return stack.Tags?.find((t) => t.Key === key)?.Value;
}

/** The app's previews where the copied environment lives (nothing when the emulator is not running). */
export async function listPreviews(model: AppModel, options: SessionOptions): Promise<DeployedPreview[]> {
  const session = await openSession(model, previewSource(model).name, options, false);
  return listDeployedPreviews(session);
}
