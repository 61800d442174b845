import { describe, expect, it } from 'vitest';
import { iamGithubOidcProvider } from '../../../src/checks/rules/iam/github-oidc-provider.js';
import { iamGithubOidcTrust } from '../../../src/checks/rules/iam/github-oidc-trust.js';
import { iamGitlabOidcTrust } from '../../../src/checks/rules/iam/gitlab-oidc-trust.js';
import { iamNoAdministratorAccess } from '../../../src/checks/rules/iam/no-administrator-access.js';
import { iamNoWildcardAdminStatement } from '../../../src/checks/rules/iam/no-wildcard-admin-statement.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

function policy(statements: Record<string, unknown>[]): CfnResource {
  return {
    Type: 'AWS::IAM::Policy',
    Properties: { PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: statements } },
  };
}

const provider: CfnResource = {
  Type: 'AWS::IAM::OIDCProvider',
  Properties: { Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] },
};

function githubRole(condition: Record<string, unknown>): CfnResource {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: { Ref: 'Github' } },
            Condition: condition,
          },
        ],
      },
    },
  };
}

const aud = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' };
const trust = (sub: unknown, operator = 'StringEquals') =>
  operator === 'StringEquals'
    ? { StringEquals: { ...aud, 'token.actions.githubusercontent.com:sub': sub } }
    : { StringEquals: aud, [operator]: { 'token.actions.githubusercontent.com:sub': sub } };

describe('Slipway-IAM1 no wildcard admin statement', () => {
  it('accepts scoped actions on "*" and wildcards on named resources', () => {
    const result = checkRule(
      iamNoWildcardAdminStatement,
      policy([
        { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
        { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::shop-logs/*' },
      ]),
    );
    expect(result).toBe('compliant');
  });

  it('rejects a whole service on every resource', () => {
    const result = checkRule(
      iamNoWildcardAdminStatement,
      policy([{ Effect: 'Allow', Action: ['s3:*', 'sqs:SendMessage'], Resource: '*' }]),
    );
    expect(result).toEqual({ detail: 'allows s3:* on *' });
  });

  it("rejects '*' in a role's inline policy", () => {
    const role: CfnResource = {
      Type: 'AWS::IAM::Role',
      Properties: {
        Policies: [
          {
            PolicyName: 'admin',
            PolicyDocument: { Statement: { Effect: 'Allow', Action: '*', Resource: ['*'] } },
          },
        ],
      },
    };
    expect(checkRule(iamNoWildcardAdminStatement, role)).toEqual({ detail: 'allows * on *' });
  });
});

describe('Slipway-IAM2 no AdministratorAccess', () => {
  it('accepts a role with narrower managed policies', () => {
    const role = {
      Type: 'AWS::IAM::Role',
      Properties: { ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
    };
    expect(checkRule(iamNoAdministratorAccess, role)).toBe('compliant');
  });

  it('rejects AdministratorAccess, also built with Fn::Join', () => {
    const arn = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']],
    };
    const role = { Type: 'AWS::IAM::Role', Properties: { ManagedPolicyArns: [arn] } };
    expect(checkRule(iamNoAdministratorAccess, role)).toBe('non-compliant');
  });
});

describe('Slipway-IAM3 GitHub OIDC trust', () => {
  const others = { Github: provider };

  it('accepts aud pinned and sub naming the repository and a GitHub environment', () => {
    expect(
      checkRule(iamGithubOidcTrust, githubRole(trust('repo:acme/shop:environment:production')), { others }),
    ).toBe('compliant');
  });

  it('accepts a branch pattern on an exact repository', () => {
    const result = checkRule(
      iamGithubOidcTrust,
      githubRole(trust('repo:acme/shop:ref:refs/heads/feat*', 'StringLike')),
      { others },
    );
    expect(result).toBe('compliant');
  });

  it('rejects a missing sub', () => {
    expect(checkRule(iamGithubOidcTrust, githubRole({ StringEquals: aud }), { others })).toEqual({
      detail: expect.stringContaining('no sub condition'),
    });
  });

  it('rejects every repository of an organisation', () => {
    expect(checkRule(iamGithubOidcTrust, githubRole(trust('repo:acme/*', 'StringLike')), { others })).toEqual(
      {
        detail: expect.stringContaining('does not name one repository'),
      },
    );
  });

  it('rejects a wildcard in the repository name', () => {
    expect(
      checkRule(
        iamGithubOidcTrust,
        githubRole(trust('repo:acme/shop-*:environment:production', 'StringLike')),
        { others },
      ),
    ).toEqual({
      detail: expect.stringContaining('wildcard in the owner or repository'),
    });
  });

  it('rejects any ref of the repository', () => {
    expect(
      checkRule(iamGithubOidcTrust, githubRole(trust('repo:acme/shop:*', 'StringLike')), { others }),
    ).toEqual({
      detail: expect.stringContaining('does not pin a branch, tag or environment'),
    });
  });

  it('rejects ForAllValues: in an Allow', () => {
    const condition = {
      ...trust('repo:acme/shop:environment:production'),
      'ForAllValues:StringEquals': { 'token.actions.githubusercontent.com:job_workflow_ref': 'x' },
    };
    expect(checkRule(iamGithubOidcTrust, githubRole(condition), { others })).toEqual({
      detail: 'condition uses ForAllValues:StringEquals',
    });
  });

  it('rejects an audience that is not pinned with StringEquals', () => {
    const condition = {
      StringLike: {
        'token.actions.githubusercontent.com:aud': '*',
        'token.actions.githubusercontent.com:sub': 'repo:acme/shop:environment:dev',
      },
    };
    expect(checkRule(iamGithubOidcTrust, githubRole(condition), { others })).toEqual({
      detail: 'aud is not pinned to sts.amazonaws.com with StringEquals',
    });
  });

  it('ignores roles trusted by services', () => {
    const role = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ecs-tasks.amazonaws.com' } },
          ],
        },
      },
    };
    expect(checkRule(iamGithubOidcTrust, role)).toBe('not-applicable');
  });
});

describe('Slipway-IAM4 GitHub OIDC provider', () => {
  it('accepts the GitHub issuer with the STS audience', () => {
    expect(checkRule(iamGithubOidcProvider, provider)).toBe('compliant');
  });

  it('rejects extra client ids', () => {
    const loose = {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { ...provider.Properties, ClientIdList: ['sts.amazonaws.com', 'https://github.com/acme'] },
    };
    expect(checkRule(iamGithubOidcProvider, loose)).toEqual({
      detail: expect.stringContaining('ClientIdList is'),
    });
  });
});

describe('Slipway-IAM5 GitLab OIDC trust', () => {
  const gitlabProvider: CfnResource = {
    Type: 'AWS::IAM::OIDCProvider',
    Properties: { Url: 'https://gitlab.com', ClientIdList: ['https://gitlab.com'] },
  };
  const gitlabRole = (condition: Record<string, unknown>): CfnResource => ({
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sts:AssumeRoleWithWebIdentity',
            Principal: { Federated: { Ref: 'Gitlab' } },
            Condition: condition,
          },
        ],
      },
    },
  });
  const check = (condition: Record<string, unknown>) =>
    checkRule(iamGitlabOidcTrust, gitlabRole(condition), { others: { Gitlab: gitlabProvider } });
  const gitlabAud = { 'gitlab.com:aud': 'https://gitlab.com' };

  it('accepts exact project-and-branch subjects with StringEquals', () => {
    expect(
      check({
        StringEquals: {
          ...gitlabAud,
          'gitlab.com:sub': [
            'project_path:acme/orders:ref_type:branch:ref:main',
            'project_path:acme/platform/orders:ref_type:branch:ref:production',
          ],
        },
      }),
    ).toBe('compliant');
  });

  it('rejects a wildcard subject, StringLike, a missing sub and a foreign audience', () => {
    expect(
      check({ StringEquals: gitlabAud, StringLike: { 'gitlab.com:sub': 'project_path:acme/orders:*' } }),
    ).toEqual({ detail: expect.stringMatching(/StringLike.*no StringEquals sub/) as unknown as string });
    expect(
      check({
        StringEquals: { ...gitlabAud, 'gitlab.com:sub': 'project_path:acme/orders:ref_type:branch:ref:*' },
      }),
    ).toEqual({ detail: expect.stringMatching(/wildcard/) as unknown as string });
    expect(
      check({
        StringEquals: {
          'gitlab.com:aud': 'sts.amazonaws.com',
          'gitlab.com:sub': 'project_path:acme/orders:ref_type:branch:ref:main',
        },
      }),
    ).toEqual({
      detail: expect.stringMatching(/aud is not pinned to https:\/\/gitlab.com/) as unknown as string,
    });
    expect(check({ StringEquals: { 'gitlab.com:sub': 'project_path:acme/orders' } })).toEqual({
      detail: expect.stringMatching(/aud is not pinned.*is not project_path/) as unknown as string,
    });
  });

  it('leaves GitHub trust to Slipway-IAM3', () => {
    expect(
      checkRule(iamGitlabOidcTrust, githubRole(trust('repo:acme/shop:environment:dev')), {
        others: { Github: provider },
      }),
    ).toBe('not-applicable');
  });
});
