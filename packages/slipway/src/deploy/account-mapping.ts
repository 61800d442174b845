import { LOCAL_ACCOUNT } from '../local-cloud/emulator-limits.js';
import type { AppModel } from '../model/types.js';

/** One account of the model and what uses it, as replaced on the local target. */
export interface AccountMapping {
  readonly from: string;
  readonly to: string;
  /** `ci` and environment names that were in `from`. */
  readonly usedBy: readonly string[];
}

/** The model with every account replaced by the emulator's one account, and what was replaced. */
export interface LocallyMappedModel {
  readonly model: AppModel;
  readonly mappings: readonly AccountMapping[];
}

/**
 * The emulator serves a single account, so the model is planned with it: environment, CI and
 * deploy-role accounts, cross-account pulls (which become same-account and drop out) and the
 * account inside an existing OIDC provider ARN. Templates are then what they would be if every
 * environment lived in that one account; nothing else changes.
 */
export function mapAccountsForLocal(model: AppModel, local: string = LOCAL_ACCOUNT): LocallyMappedModel {
  const usedBy = new Map<string, string[]>();
  const note = (account: string, user: string) => {
    if (account === local) return;
    const users = usedBy.get(account) ?? [];
    if (!users.includes(user)) users.push(user);
    usedBy.set(account, users);
  };
  note(model.ci.account, 'ci');
  for (const env of model.environments) note(env.account, env.name);

  const toLocal = (arn: string) => arn.replace(/:iam::\d{12}:/, `:iam::${local}:`);
  const { github, gitlab } = model;
  const mapped: AppModel = {
    ...model,
    ...(github?.existingOidcProviderArn === undefined
      ? {}
      : { github: { ...github, existingOidcProviderArn: toLocal(github.existingOidcProviderArn) } }),
    ...(gitlab?.existingOidcProviderArn === undefined
      ? {}
      : { gitlab: { ...gitlab, existingOidcProviderArn: toLocal(gitlab.existingOidcProviderArn) } }),
    ci: {
      ...model.ci,
      account: local,
      repositories: model.ci.repositories.map((r) => ({ ...r, pullAccounts: [] })),
      deployRoles: model.ci.deployRoles.map((r) => ({ ...r, account: local })),
    },
    environments: model.environments.map((env) => ({ ...env, account: local })),
  };
  const mappings = [...usedBy].map(([from, users]) => ({ from, to: local, usedBy: users }));
  return { model: mapped, mappings };
}
