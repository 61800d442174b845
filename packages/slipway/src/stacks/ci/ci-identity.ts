import type * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { githubOf, gitlabOf } from '../../model/ci-host.js';
import type { AppModel, DeployRoleModel } from '../../model/types.js';
import { branchSubject, environmentSubject, githubOidcProvider, githubPrincipal } from './github-oidc.js';
import {
  gitlabBranchSubject,
  gitlabDeployBranch,
  gitlabOidcProvider,
  gitlabPrincipal,
} from './gitlab-oidc.js';
import { gitlabPreviewTrust } from './gitlab-preview-trust.js';
import { githubPrincipalForSubjects, trustedEnvironments } from './pipeline-deploy-roles.js';

/** A trusted principal and the role description that says who it is. */
export interface TrustedJobs {
  readonly principal: iam.IPrincipal;
  readonly description: string;
  /** Whatever else the role's trust needs once made: another statement, a tag the checks read. */
  readonly extend?: (role: iam.Role) => void;
}

/** Whose pipelines the CI stack's roles trust: the OIDC provider and each role's exact subjects. */
export interface CiIdentity {
  readonly provider: iam.IOidcProvider;
  /** The jobs that push images: main-branch pipelines. */
  readonly imagePush: TrustedJobs;
  /** The jobs that deploy one environment. */
  deploy(target: DeployRoleModel): TrustedJobs;
  /** With previews: the jobs that push branch images to the preview repositories. */
  readonly previewPush?: TrustedJobs;
  /**
   * With previews on GitLab: the jobs that bring previews up and down and prune them. On GitHub
   * they assume the copied environment's deploy role in their own GitHub environment instead.
   */
  readonly previewDeploy?: TrustedJobs;
}

/** GitHub Actions or GitLab CI, as `delivery.ci` says. */
export function ciIdentity(scope: Construct, model: AppModel): CiIdentity {
  return model.delivery?.ci === 'gitlab' ? gitlabIdentity(scope, model) : githubIdentity(scope, model);
}

function githubIdentity(scope: Construct, model: AppModel): CiIdentity {
  const github = githubOf(model);
  const provider = githubOidcProvider(scope, github);
  const preview = model.delivery?.preview;
  return {
    provider,
    ...(preview === undefined
      ? {}
      : {
          previewPush: {
            principal: githubPrincipal(
              provider,
              environmentSubject(github.repository, preview.githubEnvironment),
            ),
            description: `GitHub environment ${preview.githubEnvironment} pushes branch images of ${model.app}`,
          },
        }),
    imagePush: {
      principal: githubPrincipal(provider, branchSubject(github.repository, github.mainBranch)),
      description: `GitHub Actions on ${github.repository}@${github.mainBranch} push images`,
    },
    deploy(target) {
      // Previews copy one environment, so its role also trusts the preview jobs' GitHub environment.
      const environments = trustedEnvironments(model, target);
      return {
        principal: githubPrincipalForSubjects(
          provider,
          environments.map((name) => environmentSubject(github.repository, name)),
        ),
        description:
          environments.length === 1
            ? `GitHub environment ${target.githubEnvironment} deploys ${model.app} ${target.environment}`
            : `GitHub environments ${environments.join(' and ')} deploy ${model.app} ${target.environment}`,
      };
    },
  };
}

function gitlabIdentity(scope: Construct, model: AppModel): CiIdentity {
  const gitlab = gitlabOf(model);
  const provider = gitlabOidcProvider(scope, gitlab);
  const preview = model.delivery?.preview;
  return {
    provider,
    ...(preview === undefined ? {} : gitlabPreviewTrust(provider, gitlab, model.app, preview.branches)),
    imagePush: {
      principal: gitlabPrincipal(provider, gitlab, [gitlabBranchSubject(gitlab.project, gitlab.mainBranch)]),
      description: `GitLab CI on ${gitlab.project}@${gitlab.mainBranch} pushes images`,
    },
    deploy(target) {
      const env = model.environments.find((e) => e.name === target.environment);
      const branch = gitlabDeployBranch(gitlab, { production: env?.production ?? true });
      return {
        principal: gitlabPrincipal(provider, gitlab, [gitlabBranchSubject(gitlab.project, branch)]),
        description: `GitLab CI on ${gitlab.project}@${branch} deploys ${model.app} ${target.environment}`,
      };
    },
  };
}
