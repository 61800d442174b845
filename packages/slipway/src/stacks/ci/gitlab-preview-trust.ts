import { Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { PREVIEW_ROLE_TAG } from '../../checks/rules/iam/preview-role.js';
import type { GitlabModel } from '../../model/types.js';
import type { CiIdentity } from './ci-identity.js';
import { gitlabBranchSubject, gitlabPreviewPrincipal, gitlabPrincipal } from './gitlab-oidc.js';

/**
 * GitLab's preview roles trust branch pipelines of the preview branches (`StringLike` on a branch
 * prefix, the one wildcard Slipway writes, decision 023) and carry the tag that lets Slipway-IAM5
 * admit it. The deploy role also trusts the main branch exactly, in a statement of its own, for
 * the scheduled prune.
 */
export function gitlabPreviewTrust(
  provider: iam.IOidcProvider,
  gitlab: GitlabModel,
  app: string,
  branches: readonly string[],
): Pick<CiIdentity, 'previewPush' | 'previewDeploy'> {
  const mark = (role: iam.Role) => Tags.of(role).add(PREVIEW_ROLE_TAG.key, PREVIEW_ROLE_TAG.value);
  const patterns = branches.join(', ');
  return {
    previewPush: {
      principal: gitlabPreviewPrincipal(provider, gitlab, branches),
      description: `GitLab CI on ${gitlab.project} branches ${patterns} push preview images of ${app}`,
      extend: mark,
    },
    previewDeploy: {
      principal: gitlabPreviewPrincipal(provider, gitlab, branches),
      description: `GitLab CI on ${gitlab.project} branches ${patterns} (and ${gitlab.mainBranch}, to prune) run previews of ${app}`,
      extend(role) {
        mark(role);
        role.assumeRolePolicy?.addStatements(
          new iam.PolicyStatement({
            actions: ['sts:AssumeRoleWithWebIdentity'],
            principals: [
              gitlabPrincipal(provider, gitlab, [gitlabBranchSubject(gitlab.project, gitlab.mainBranch)]),
            ],
          }),
        );
      },
    },
  };
}
