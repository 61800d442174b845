import type { CiModel, DeployRoleModel, EnvironmentModel, RepositoryModel } from '../../model/types.js';
import { ciStackName } from '../../naming/names.js';
import type { CiConfig } from '../schema.js';
import { MAX_IMAGE_AGE_DAYS } from './defaults.js';
import { isPinnedTag } from './image-tags.js';

/**
 * The account-level CI stack: where it lives (the first environment's account and region unless
 * `ci` says otherwise), one ECR repository per image repository any environment runs, and one
 * deploy role per environment.
 */
export function resolveCi(
  app: string,
  ci: CiConfig | undefined,
  environments: readonly EnvironmentModel[],
  githubEnvironments: Readonly<Record<string, string>>,
): CiModel {
  const first = environments[0];
  const account = ci?.account ?? first?.account ?? '';
  const region = ci?.region ?? first?.region ?? '';
  return {
    stackName: ciStackName(app),
    account,
    region,
    repositories: resolveRepositories(environments, account, ci?.maxImageAgeDays ?? MAX_IMAGE_AGE_DAYS),
    deployRoles: environments.map((env): DeployRoleModel => ({
      environment: env.name,
      account: env.account,
      region: env.region,
      githubEnvironment: githubEnvironments[env.name] ?? env.name,
    })),
  };
}

function resolveRepositories(
  environments: readonly EnvironmentModel[],
  ciAccount: string,
  maxImageAgeDays: number,
): RepositoryModel[] {
  const byName = new Map<string, { tags: Set<string>; accounts: Set<string> }>();
  for (const env of environments) {
    for (const service of env.services) {
      const entry = byName.get(service.image.repository) ?? { tags: new Set(), accounts: new Set() };
      byName.set(service.image.repository, entry);
      if (!isPinnedTag(service.image.tag)) entry.tags.add(service.image.tag);
      if (env.account !== ciAccount) entry.accounts.add(env.account);
    }
  }
  return [...byName].map(([name, entry]) => ({
    name,
    movingTags: [...entry.tags],
    maxImageAgeDays,
    pullAccounts: [...entry.accounts],
  }));
}
