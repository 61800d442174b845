import type { Finding } from '../checks/finding.js';
import { checkGitopsFiles } from '../kubernetes/checks/manifest-checks.js';
import { environmentManifests, type GitopsFile } from '../kubernetes/environment-manifests.js';
import { renderFinding } from '../kubernetes/manifest-finding.js';
import { validateManifests } from '../kubernetes/validate-manifests.js';
import { githubOf } from '../model/ci-host.js';
import type { AppModel, EnvironmentModel } from '../model/types.js';
import { vpcLookupTag } from '../stacks/runtime/eks/eks-names.js';

/** An EKS environment's GitOps folder as planned: its files and what the checks found in them. */
export interface PlannedGitops {
  readonly files: readonly GitopsFile[];
  readonly findings: readonly Finding[];
}

/** The rule id of a generated object that fails its kind's schema or names a field it lacks. */
export const MANIFEST_VALIDATION_RULE = 'Slipway-K8S0';

/**
 * The Kubernetes objects an EKS environment's services and platform become, validated in both
 * passes (each kind's schema, then a strict type check for fields the kind does not have) and
 * checked by Slipway's manifest rules. Argo CD reads them from the repository the CI identity
 * trusts, at its main branch. Nothing for an environment on ECS.
 */
export function planGitops(model: AppModel, env: EnvironmentModel): PlannedGitops {
  if (env.runtime !== 'eks') return { files: [], findings: [] };
  const tag = vpcLookupTag(model.app, env.name);
  const files = environmentManifests(model, env, {
    vpcTags: { [tag.key]: tag.value },
    repoUrl: `https://github.com/${githubOf(model).repository}.git`,
    revision: githubOf(model).mainBranch,
  });
  const invalid = files.flatMap((file) =>
    validateManifests(file.manifests).map((problem): Finding => ({
      rule: MANIFEST_VALIDATION_RULE,
      level: 'error',
      stack: file.path,
      resource: problem.object,
      message: `${renderFinding(problem)}; Kubernetes would refuse the object`,
      acknowledged: false,
    })),
  );
  return { files, findings: [...invalid, ...checkGitopsFiles(files)] };
}
