import { DeployUsageError } from '../deploy/errors.js';
import { openSession, type SessionOptions } from '../deploy/session.js';
import type { AppModel } from '../model/types.js';
import type { DeployedPreview } from './list-previews.js';
import { listDeployedPreviews } from './list-previews.js';
import { type PreviewDownResult, removePreview } from './preview-down.js';
import { previewSource } from './preview-plan.js';

export interface PreviewPruneOptions extends SessionOptions {
  /** Previews whose last deploy is older than this many milliseconds go. */
  readonly olderThanMs: number;
  /** List what would go, remove nothing. @default false */
  readonly dryRun?: boolean;
  /** @default now */
  readonly now?: Date;
}

export interface PreviewPruneResult {
  /** Previews past the age, removed unless `dryRun`. */
  readonly stale: readonly DeployedPreview[];
  readonly removed: readonly PreviewDownResult[];
  readonly kept: readonly DeployedPreview[];
}

/**
 * Removes previews nobody has pushed to for a while. Age counts from a preview's last deploy, not
 * its creation: a branch still being worked on keeps its preview, and its database, however old.
 */
export async function prunePreviews(
  model: AppModel,
  options: PreviewPruneOptions,
): Promise<PreviewPruneResult> {
  const session = await openSession(model, previewSource(model).name, options, false);
  const all = await listDeployedPreviews(session);
  const cutoff = (options.now ?? new Date()).getTime() - options.olderThanMs;
  const stale = all.filter((p) => Date.parse(p.updatedAt) < cutoff);
  const kept = all.filter((p) => !stale.includes(p));
  const removed: PreviewDownResult[] = [];
  if (!options.dryRun) {
    for (const preview of stale) removed.push(await removePreview(session, preview.branch, preview));
  }
  return { stale, removed, kept };
}

/** `7d`, `36h`, `90m` → milliseconds; anything else is refused with the accepted forms. */
export function parseDuration(text: string): number {
  const match = /^(\d+)\s*([dhm])$/.exec(text.trim());
  if (!match) {
    throw new DeployUsageError(
      `--older-than "${text}" is not a duration. Fix: write a whole number with d, h or m, e.g. 7d, 36h, 90m.`,
    );
  }
  const units = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;
  return Number(match[1]) * units[match[2] as keyof typeof units];
}
