import { describe, expect, it } from 'vitest';
import { mapAccountsForLocal } from '../../src/deploy/account-mapping.js';
import { githubOf } from '../../src/model/ci-host.js';
import { LOCAL_ACCOUNT } from '../../src/local-cloud/emulator-limits.js';
import { megadollsLikeModel } from '../fixtures/models.js';

describe('mapAccountsForLocal', () => {
  const model = megadollsLikeModel();

  it('puts the CI stack, every environment and every deploy role in the emulator account', () => {
    const { model: mapped } = mapAccountsForLocal(model);
    expect(mapped.ci.account).toBe(LOCAL_ACCOUNT);
    expect(mapped.environments.map((e) => e.account)).toEqual(model.environments.map(() => LOCAL_ACCOUNT));
    expect(mapped.ci.deployRoles.map((r) => r.account)).toEqual(
      model.ci.deployRoles.map(() => LOCAL_ACCOUNT),
    );
    // Pulls across accounts become same-account pulls, which need no repository grant.
    expect(mapped.ci.repositories.flatMap((r) => r.pullAccounts)).toEqual([]);
  });

  it('reports each replaced account with what used it, and changes nothing else', () => {
    const { model: mapped, mappings } = mapAccountsForLocal(model);
    const byAccount = new Map<string, string[]>();
    byAccount.set(model.ci.account, ['ci']);
    for (const env of model.environments)
      byAccount.set(env.account, [...(byAccount.get(env.account) ?? []), env.name]);
    expect(mappings).toEqual([...byAccount].map(([from, usedBy]) => ({ from, to: LOCAL_ACCOUNT, usedBy })));
    expect(mapped.environments.map((e) => [e.name, e.region, e.stackNames])).toEqual(
      model.environments.map((e) => [e.name, e.region, e.stackNames]),
    );
  });

  it('maps nothing when the model already uses the emulator account', () => {
    const local = mapAccountsForLocal(model).model;
    expect(mapAccountsForLocal(local).mappings).toEqual([]);
  });

  it('moves an existing OIDC provider ARN into the emulator account', () => {
    const withProvider = {
      ...model,
      github: {
        ...githubOf(model),
        existingOidcProviderArn:
          'arn:aws:iam::999999999999:oidc-provider/token.actions.githubusercontent.com',
      },
    };
    expect(mapAccountsForLocal(withProvider).model.github?.existingOidcProviderArn).toBe(
      `arn:aws:iam::${LOCAL_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`,
    );
  });
});
