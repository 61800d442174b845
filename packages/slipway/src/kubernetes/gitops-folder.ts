import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../checks/finding.js';
import { applyImageTags, type ImageTagOverride } from '../deploy/image-tags.js';
import type { AppModel, EnvironmentModel } from '../model/types.js';
import { planGitops } from '../plan/environment-gitops.js';
import { deployedImageTags } from './deployed-image-tags.js';
import { DEFAULT_GITOPS_PATH, type GitopsFile } from './environment-manifests.js';

/** One environment's folder as the repository should hold it, and how the repository differs. */
export interface GitopsFolderPlan {
  readonly environment: string;
  /** `<gitopsPath>/<env>`, relative to the repository root. */
  readonly folder: string;
  readonly files: readonly GitopsFile[];
  readonly findings: readonly Finding[];
  readonly changes: readonly GitopsFileChange[];
}

export interface GitopsFileChange {
  readonly path: string;
  /** `created`/`updated`: the file would be written; `removed`: generated YAML the model no longer makes. */
  readonly change: 'created' | 'updated' | 'unchanged' | 'removed';
}

/**
 * What `slipway manifests` writes for one EKS environment under the repository root `root`. The
 * image tags come from the folder as committed (delivery moved them there), then from
 * `overrides` (`--image-tag`), and only for a service the folder does not have yet from the config.
 */
export function planGitopsFolder(
  model: AppModel,
  env: EnvironmentModel,
  root: string,
  overrides: readonly ImageTagOverride[],
): GitopsFolderPlan {
  const folder = path.posix.join(env.eks?.gitopsPath ?? DEFAULT_GITOPS_PATH, env.name);
  const committed = deployedImageTags(
    root,
    folder,
    env.services.map((s) => s.name),
  );
  // A bare --image-tag is for every service, so it replaces the committed tags too.
  const bare = overrides.some((o) => o.service === undefined);
  const kept = bare ? [] : [...committed].map(([service, tag]) => ({ service, tag }));
  const tags = [...kept, ...overrides];
  const tagged = applyImageTags(model, env.name, tags);
  const taggedEnv = tagged.environments.find((e) => e.name === env.name) ?? env;
  const { files, findings } = planGitops(tagged, taggedEnv);
  return { environment: env.name, folder, files, findings, changes: compare(root, files) };
}

function compare(root: string, files: readonly GitopsFile[]): GitopsFileChange[] {
  const changes: GitopsFileChange[] = files.map((file) => {
    const target = path.join(root, file.path);
    if (!existsSync(target)) return { path: file.path, change: 'created' };
    return {
      path: file.path,
      change: readFileSync(target, 'utf8') === file.content ? 'unchanged' : 'updated',
    };
  });
  const written = new Set(files.map((file) => file.path));
  const folders = new Set(files.map((file) => path.posix.dirname(file.path)));
  for (const folder of folders) {
    const absolute = path.join(root, folder);
    if (!existsSync(absolute)) continue;
    for (const entry of readdirSync(absolute)) {
      const relative = path.posix.join(folder, entry);
      if (entry.endsWith('.yaml') && !written.has(relative))
        changes.push({ path: relative, change: 'removed' });
    }
  }
  return changes;
}
