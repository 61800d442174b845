import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubOf } from '../../src/model/ci-host.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

const AUD = 'token.actions.githubusercontent.com:aud';
const SUB = 'token.actions.githubusercontent.com:sub';

function trustFor(sub: string) {
  return {
    AssumeRolePolicyDocument: {
      Statement: [
        Match.objectLike({
          Action: 'sts:AssumeRoleWithWebIdentity',
          Effect: 'Allow',
          Condition: { StringEquals: { [AUD]: 'sts.amazonaws.com', [SUB]: sub } },
        }),
      ],
    },
  };
}

describe('CI stack', () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(megadollsLikeModel());
  });
  afterAll(() => fx.dispose());

  it('creates the native GitHub OIDC provider, no custom resource', () => {
    const t = fx.template('megadolls-ci');
    t.resourceCountIs('AWS::IAM::OIDCProvider', 1);
    t.hasResourceProperties('AWS::IAM::OIDCProvider', {
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
  });

  it('lets only pushes to the main branch assume the image push role', () => {
    fx.template('megadolls-ci').hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'megadolls-github-image-push',
      ...trustFor('repo:megadolls/megadolls:ref:refs/heads/main'),
    });
  });

  it('trusts each deploy role only from its GitHub environment, with exact StringEquals', () => {
    const t = fx.template('megadolls-ci');
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'megadolls-dev-github-deploy',
      ...trustFor('repo:megadolls/megadolls:environment:dev'),
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'megadolls-prod-github-deploy',
      ...trustFor('repo:megadolls/megadolls:environment:production'),
    });
    for (const role of Object.values(t.findResources('AWS::IAM::Role'))) {
      const text = JSON.stringify(role.Properties.AssumeRolePolicyDocument);
      expect(text).not.toMatch(/StringLike|ForAllValues|repo:[^"]*\*/);
    }
  });

  it('allows a deploy role only to assume its environment account bootstrap roles and run its database provisioner', () => {
    const policies = fx.template('megadolls-ci').findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^DeployRoleProd') }] },
    });
    const statements = Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements[0]).toEqual({
      Sid: 'AssumeCdkBootstrapRoles',
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: 'arn:aws:iam::222222222222:role/cdk-hnb659fds-*-role-222222222222-af-south-1',
    });
    // The rest is the provisioner's (test/stacks/provisioner-permissions.test.ts has the details).
    expect(statements.slice(1).map((s) => s.Sid)).toEqual([
      'RunDatabaseProvisioner',
      'WatchDatabaseProvisioner',
      'DescribeProvisionerDefinition',
      'PassProvisionerRoles',
      'ReadProvisionerLog',
    ]);
    fx.template('megadolls-ci').resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    for (const role of Object.values(fx.template('megadolls-ci').findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it('limits pushes to the app repositories; only the token call names every resource', () => {
    const policies = fx.template('megadolls-ci').findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^ImagePushRole') }] },
    });
    const statements = Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const wildcard = statements.filter((s) => s.Resource === '*');
    expect(wildcard).toEqual([{ Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' }]);
    const push = statements.find((s) => Array.isArray(s.Action) && s.Action.includes('ecr:PutImage'));
    expect(push.Resource).toEqual([
      { 'Fn::GetAtt': ['RepositoryMegadollsPgadmin', 'Arn'] },
      { 'Fn::GetAtt': ['RepositoryMegadollsWeb', 'Arn'] },
    ]);
  });

  it('scans on push and keeps tags immutable except the moving ones', () => {
    fx.template('megadolls-ci').hasResourceProperties('AWS::ECR::Repository', {
      RepositoryName: 'megadolls/web',
      ImageScanningConfiguration: { ScanOnPush: true },
      ImageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      ImageTagMutabilityExclusionFilters: [
        {
          ImageTagMutabilityExclusionFilterType: 'WILDCARD',
          ImageTagMutabilityExclusionFilterValue: 'latest',
        },
        {
          ImageTagMutabilityExclusionFilterType: 'WILDCARD',
          ImageTagMutabilityExclusionFilterValue: 'dev-latest',
        },
      ],
    });
  });

  it('keeps the moving tags ahead of the untagged and age rules, the ANY rule last', () => {
    const repo = fx.template('megadolls-ci').findResources('AWS::ECR::Repository', {
      Properties: { RepositoryName: 'megadolls/web' },
    });
    const resource = onlyResource(repo);
    const { rules } = JSON.parse(resource.Properties.LifecyclePolicy.LifecyclePolicyText);
    expect(rules.map((r: { rulePriority: number }) => r.rulePriority)).toEqual([1, 2, 3, 4]);
    expect(rules[0].selection).toEqual({
      tagStatus: 'tagged',
      tagPatternList: ['latest'],
      countType: 'imageCountMoreThan',
      countNumber: 1,
    });
    expect(rules[1].selection.tagPatternList).toEqual(['dev-latest']);
    expect(rules[2].selection).toMatchObject({
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countNumber: 1,
    });
    expect(rules[3].selection).toMatchObject({
      tagStatus: 'any',
      countType: 'sinceImagePushed',
      countNumber: 60,
    });
  });

  it('retains repositories and lets only the declared accounts pull, never Principal *', () => {
    const t = fx.template('megadolls-ci');
    t.hasResource('AWS::ECR::Repository', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        RepositoryName: 'megadolls/pgadmin',
        RepositoryPolicyText: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'Pull222222222222',
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::222222222222:root' },
              Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
            },
          ],
        },
      }),
    });
    expect(JSON.stringify(t.toJSON())).not.toMatch(/"Principal":"\*"|"AWS":"\*"/);
  });

  it('outputs the role ARNs and repository URIs the workflows need', () => {
    const outputs = fx.template('megadolls-ci').toJSON().Outputs;
    expect(Object.keys(outputs).sort()).toEqual([
      'DeployRoleArnDev',
      'DeployRoleArnProd',
      'ImagePushRoleArn',
      'RepositoryUriMegadollsPgadmin',
      'RepositoryUriMegadollsWeb',
    ]);
  });

  it('records why the token wildcard and the bootstrap-role wildcard are accepted', () => {
    const ci = fx.stack('megadolls-ci');
    const acknowledged = ci.node
      .findAll()
      .flatMap((c) =>
        c.node.metadata.filter((m) => m.type === 'slipway:acknowledgement').map((m) => m.data.rule),
      );
    expect(acknowledged).toEqual(
      expect.arrayContaining([
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::arn:aws:iam::222222222222:role/cdk-hnb659fds-*-role-222222222222-af-south-1]',
      ]),
    );
  });
});

describe('CI stack with an existing OIDC provider', () => {
  let fx: FixtureApp;
  const existing = 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com';
  beforeAll(() => {
    const model = megadollsLikeModel();
    fx = fixtureApp({ ...model, github: { ...githubOf(model), existingOidcProviderArn: existing } });
  });
  afterAll(() => fx.dispose());

  it('creates no provider and trusts the existing one', () => {
    const t = fx.template('megadolls-ci');
    t.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'megadolls-github-image-push',
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Federated: existing } })] },
    });
  });
});
