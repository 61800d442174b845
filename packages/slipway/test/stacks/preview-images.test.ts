import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { AppModel } from '../../src/model/types.js';
import { planPreview } from '../../src/preview/preview-plan.js';
import { type FixtureApp, fixtureApp, onlyResource } from './fixture-app.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples');

describe('preview images in the megadolls CI stack', () => {
  let model: AppModel;
  let fx: FixtureApp;
  beforeAll(async () => {
    model = await loadConfig(path.join(EXAMPLES, 'megadolls/slipway.config.ts'));
    fx = fixtureApp(model);
  });
  afterAll(() => fx?.dispose());

  it('gives every service repository a preview twin: every tag immutable, scanned, expiring, retained', () => {
    const t = fx.template('megadolls-ci');
    for (const name of ['megadolls/web-preview', 'megadolls/pgadmin-preview']) {
      t.hasResource('AWS::ECR::Repository', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          RepositoryName: name,
          ImageTagMutability: 'IMMUTABLE',
          ImageScanningConfiguration: { ScanOnPush: true },
          LifecyclePolicy: Match.objectLike({
            // Twice the preview age (7 days): a preview is pruned long before its images go.
            LifecyclePolicyText: Match.stringLikeRegexp('"countNumber":14'),
          }),
        }),
      });
    }
  });

  it('lets only the preview GitHub environment assume the preview push role', () => {
    const role = onlyResource(
      fx.template('megadolls-ci').findResources('AWS::IAM::Role', {
        Properties: { RoleName: 'megadolls-github-preview-push' },
      }),
    );
    const [statement] = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(statement.Condition).toEqual({
      StringEquals: {
        'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        'token.actions.githubusercontent.com:sub': 'repo:acme/megadolls:environment:preview',
      },
    });
  });

  it('lets it push to the preview repositories and to nothing environments run from', () => {
    const t = fx.template('megadolls-ci');
    const policies = t.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^PreviewImagesPushRole') }] },
    });
    const statements = Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const push = statements.find((s) => Array.isArray(s.Action) && s.Action.includes('ecr:PutImage'));
    const repositories = (push.Resource as { 'Fn::GetAtt': [string, string] }[]).map(
      (r) => r['Fn::GetAtt'][0],
    );
    expect(repositories.sort()).toEqual([
      'RepositoryMegadollsPgadminPreview',
      'RepositoryMegadollsWebPreview',
    ]);
    expect(statements.filter((s) => s.Resource === '*').map((s) => s.Action)).toEqual([
      'ecr:GetAuthorizationToken',
    ]);
  });

  it('runs a preview from those repositories only when asked for branch images', () => {
    const branch = planPreview(model, { branch: 'feat/x', branchImages: true });
    expect(branch.environment.services.map((s) => s.image.repository)).toEqual([
      'megadolls/web-preview',
      'megadolls/pgadmin-preview',
    ]);
    const plain = planPreview(model, { branch: 'feat/x' });
    expect(plain.environment.services.map((s) => s.image.repository)).toEqual([
      'megadolls/web',
      'megadolls/pgadmin',
    ]);
  });

  it('creates none of it when previews are off', () => {
    const off = fixtureApp({ ...model, delivery: { ...model.delivery!, preview: undefined } });
    try {
      const t = off.template('megadolls-ci');
      expect(
        Object.keys(
          t.findResources('AWS::IAM::Role', { Properties: { RoleName: 'megadolls-github-preview-push' } }),
        ),
      ).toEqual([]);
      t.resourceCountIs('AWS::ECR::Repository', 2);
    } finally {
      off.dispose();
    }
  });
});
