import { describe, expect, it } from 'vitest';
import { iamGitlabOidcTrust } from '../../../src/checks/rules/iam/gitlab-oidc-trust.js';
import type { RuleResult } from '../../../src/checks/rules/types.js';
import type { CfnResource } from '../../../src/template/types.js';

const provider: CfnResource = {
  Type: 'AWS::IAM::OIDCProvider',
  Properties: { Url: 'https://gitlab.com', ClientIdList: ['https://gitlab.com'] },
};
const AUD = { 'gitlab.com:aud': 'https://gitlab.com' };
const PREVIEW_TAG = { Key: 'slipway:ci-role', Value: 'preview' };
const sub = (ref: string, project = 'acme/orders', type = 'branch') =>
  `project_path:${project}:ref_type:${type}:ref:${ref}`;

function role(conditions: Record<string, unknown>[], tags: unknown[] = [PREVIEW_TAG]): CfnResource {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Tags: tags,
      AssumeRolePolicyDocument: {
        Statement: conditions.map((Condition) => ({
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: { Ref: 'Gitlab' } },
          Condition,
        })),
      },
    },
  };
}

function check(resource: CfnResource, previewBranches?: readonly string[]): RuleResult {
  return iamGitlabOidcTrust.check(resource, {
    logicalId: 'Subject',
    template: { Resources: { Gitlab: provider, Subject: resource } },
    stackName: 'shop-ci',
    production: true,
    ...(previewBranches === undefined ? {} : { previewBranches }),
  });
}

const prefixTrust = (subjects: unknown) => ({
  StringEquals: AUD,
  StringLike: { 'gitlab.com:sub': subjects },
});
const problem = (pattern: RegExp) => ({ detail: expect.stringMatching(pattern) as unknown as string });

describe('Slipway-IAM5: the preview-role exception (decision 023)', () => {
  it('admits StringLike on a declared preview prefix, on a tagged preview role, with aud exact', () => {
    expect(check(role([prefixTrust([sub('feat/*'), sub('fix/*')])]), ['feat/*', 'fix/*'])).toBe('compliant');
    // Beside an exact main-branch statement, as the preview deploy role has for the prune.
    expect(
      check(role([prefixTrust(sub('feat/*')), { StringEquals: { ...AUD, 'gitlab.com:sub': sub('main') } }]), [
        'feat/*',
      ]),
    ).toBe('compliant');
  });

  it('refuses the same trust on a role without the preview tag', () => {
    expect(check(role([prefixTrust(sub('feat/*'))], []), ['feat/*'])).toEqual(
      problem(/StringLike; only a preview role may trust a declared preview branch prefix/),
    );
    expect(
      check(role([prefixTrust(sub('feat/*'))], [{ Key: 'slipway:ci-role', Value: 'deploy' }]), ['feat/*']),
    ).toEqual(problem(/only a preview role/));
  });

  it('refuses it when the stack declares no preview patterns, or not this one', () => {
    expect(check(role([prefixTrust(sub('feat/*'))]))).toEqual(problem(/only a preview role/));
    expect(check(role([prefixTrust(sub('feat/*'))]), ['fix/*'])).toEqual(
      problem(/trusts 'feat\/\*', which is not a declared delivery.previewBranches pattern \(fix\/\*\)/),
    );
  });

  it('refuses any other wildcard, even on a preview role', () => {
    const declared = ['feat/*'];
    for (const wildcard of [
      sub('*'),
      sub('feat/*', 'acme/*'),
      sub('feat/*', 'acme/orders', '*'),
      sub('feat/*', 'acme/orders', 'tag'),
      sub('feat/?'),
      sub('fe*t/'),
      sub('feat/**'),
      'project_path:acme/orders:*',
      `${sub('feat/*')}:extra`,
    ]) {
      expect(check(role([prefixTrust(wildcard)]), declared), wildcard).toEqual(
        problem(/StringLike sub .* (?:is not project_path|is not a declared)/),
      );
    }
    // An exact subject through StringLike is still not the admitted form: exact trust is StringEquals.
    expect(check(role([prefixTrust(sub('main'))]), declared)).toEqual(problem(/single '\*' at the end/));
  });

  it('keeps aud exact and StringLike on sub alone', () => {
    expect(
      check(role([{ StringLike: { 'gitlab.com:aud': 'https://*', 'gitlab.com:sub': sub('feat/*') } }]), [
        'feat/*',
      ]),
    ).toEqual(problem(/aud is not pinned.*StringLike names gitlab.com:aud/));
    expect(
      check(
        role([
          {
            StringEquals: { ...AUD, 'gitlab.com:sub': sub('main') },
            StringLike: { 'gitlab.com:sub': sub('feat/*') },
          },
        ]),
        ['feat/*'],
      ),
    ).toEqual(problem(/both StringEquals and StringLike/));
    expect(
      check(role([{ StringEquals: AUD, ForAnyValue: { 'gitlab.com:sub': sub('feat/*') } }]), ['feat/*']),
    ).toEqual(problem(/condition uses ForAnyValue/));
  });

  it('still refuses a wildcard in StringEquals on a preview role', () => {
    expect(check(role([{ StringEquals: { ...AUD, 'gitlab.com:sub': sub('feat/*') } }]), ['feat/*'])).toEqual(
      problem(/has a wildcard/),
    );
  });
});
