import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyStackChanges } from '../../src/deploy/stack-changes.js';
import type { AppModel, Encryption } from '../../src/model/types.js';
import type { CfnResource } from '../../src/template/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { type FixtureApp, fixtureApp } from './fixture-app.js';

/** Megadolls with each environment's encryption set as given. */
function withEncryption(encryption: Record<string, Encryption>): AppModel {
  const model = megadollsLikeModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      encryption: encryption[env.name] ?? env.encryption,
    })),
  };
}

function acknowledged(fx: FixtureApp, stack: string): { rule: string; path: string }[] {
  return fx
    .stack(stack)
    .node.findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === 'slipway:acknowledgement')
        .map((m) => ({ rule: (m.data as { rule: string }).rule, path: c.node.path })),
    );
}

type Statement = { Sid?: string; Effect: string; Principal?: unknown; Action: unknown; Condition?: unknown };

function keyPolicy(resource: CfnResource): Statement[] {
  return (resource.Properties?.['KeyPolicy'] as { Statement: Statement[] }).Statement;
}

describe("encryption: 'customer-managed' (megadolls prod) beside 'aws-managed' (dev)", () => {
  let fx: FixtureApp;
  beforeAll(() => {
    fx = fixtureApp(withEncryption({ prod: 'customer-managed' }));
  });
  afterAll(() => fx.dispose());

  const inEnv = (env: string) => fx.resources().filter((r) => r.stack.startsWith(`megadolls-${env}-`));
  const ofType = (env: string, type: string) => inEnv(env).filter((r) => r.resource.Type === type);

  it('gives prod a rotated, retained logs key and data key, each with its alias, and dev none', () => {
    const keys = ofType('prod', 'AWS::KMS::Key');
    expect(keys.map((k) => [k.stack, k.id.replace(/[0-9A-F]{8}$/, '')]).sort()).toEqual([
      ['megadolls-prod-data', 'DataKey'],
      ['megadolls-prod-network', 'LogsKey'],
    ]);
    for (const key of keys) {
      expect(key.resource.Properties?.['EnableKeyRotation']).toBe(true);
      expect(key.resource.DeletionPolicy).toBe('Retain');
    }
    expect(
      ofType('prod', 'AWS::KMS::Alias')
        .map((a) => a.resource.Properties?.['AliasName'])
        .sort(),
    ).toEqual(['alias/megadolls/prod/data', 'alias/megadolls/prod/logs']);
    expect(ofType('dev', 'AWS::KMS::Key')).toEqual([]);
  });

  it("lets CloudWatch Logs use the logs key for this account's and region's log groups only, and alarms publish with it", () => {
    const [logsKey] = ofType('prod', 'AWS::KMS::Key').filter((k) => k.id.startsWith('LogsKey'));
    if (!logsKey) throw new Error('no logs key');
    const statements = keyPolicy(logsKey.resource);
    const prod = megadollsLikeModel().environments.find((e) => e.name === 'prod');
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: `logs.${prod?.region}.amazonaws.com` },
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${prod?.region}:${prod?.account}:log-group:*`,
          },
        },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': prod?.account } },
      }),
    );
  });

  it('denies every key grant that is not for an AWS service (CT.KMS.PR.3)', () => {
    for (const key of ofType('prod', 'AWS::KMS::Key')) {
      expect(keyPolicy(key.resource)).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 'kms:CreateGrant',
          Condition: {
            BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
          },
        }),
      );
    }
  });

  it('encrypts every prod log group with the logs key, and no dev one', () => {
    const prodGroups = ofType('prod', 'AWS::Logs::LogGroup');
    expect(prodGroups.length).toBeGreaterThanOrEqual(5);
    for (const group of prodGroups) expect(group.resource.Properties?.['KmsKeyId'], group.id).toBeDefined();
    for (const group of ofType('dev', 'AWS::Logs::LogGroup'))
      expect(group.resource.Properties?.['KmsKeyId'], group.id).toBeUndefined();
  });

  it('puts the database storage, Performance Insights, the master secret and team secrets under the data key', () => {
    const dataKey = { 'Fn::GetAtt': [expect.stringMatching(/^DataKey/), 'Arn'] };
    const [instance] = ofType('prod', 'AWS::RDS::DBInstance');
    expect(instance?.resource.Properties).toMatchObject({
      StorageEncrypted: true,
      KmsKeyId: dataKey,
      PerformanceInsightsKMSKeyId: dataKey,
      MasterUserSecret: { KmsKeyId: dataKey },
    });
    const secrets = ofType('prod', 'AWS::SecretsManager::Secret');
    expect(secrets).not.toHaveLength(0);
    for (const secret of secrets) expect(secret.resource.Properties?.['KmsKeyId']).toEqual(dataKey);
  });

  it('encrypts the alarm topic with the logs key in prod only', () => {
    const [prodTopic] = ofType('prod', 'AWS::SNS::Topic');
    const [devTopic] = ofType('dev', 'AWS::SNS::Topic');
    expect(prodTopic?.resource.Properties?.['KmsMasterKeyId']).toBeDefined();
    expect(devTopic?.resource.Properties?.['KmsMasterKeyId']).toBeUndefined();
  });

  it('lets a service decrypt its secret with the data key only through Secrets Manager', () => {
    const policies = ofType('prod', 'AWS::IAM::Policy').filter((p) => p.stack === 'megadolls-prod-pgadmin');
    const statements = policies.flatMap(
      (p) => (p.resource.Properties?.['PolicyDocument'] as { Statement: Statement[] }).Statement,
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'kms:Decrypt',
        Condition: { StringEquals: { 'kms:ViaService': expect.stringMatching(/^secretsmanager\./) } },
        Resource: { Ref: expect.stringMatching(/datakeyarn/) },
      }),
    );
  });

  it("acknowledges the Control Tower key controls only where AWS's keys are chosen, or where the rule cannot see the key", () => {
    const devData = acknowledged(fx, 'megadolls-dev-data').map((a) => a.rule);
    const prodData = acknowledged(fx, 'megadolls-prod-data').map((a) => a.rule);
    expect(devData).toContain('CT.RDS.PR.30');
    expect(prodData).not.toContain('CT.RDS.PR.30');
    // The flow log group sits beside its key, so the control sees it: nothing to acknowledge.
    expect(acknowledged(fx, 'megadolls-prod-network').map((a) => a.rule)).not.toContain('CT.CLOUDWATCH.PR.3');
    expect(acknowledged(fx, 'megadolls-dev-network').map((a) => a.rule)).toContain('CT.CLOUDWATCH.PR.3');
  });
});

describe('switching an environment to customer-managed keys', () => {
  it("replaces its database, which the deploy's stateful-change guard then refuses", () => {
    const before = fixtureApp(withEncryption({}));
    const after = fixtureApp(withEncryption({ dev: 'customer-managed' }));
    try {
      const templateOf = (fx: FixtureApp) => {
        const found = fx.synthesized.find((s) => s.name === 'megadolls-dev-data');
        if (!found) throw new Error('no dev data stack');
        return found.template;
      };
      const changes = classifyStackChanges({
        name: 'megadolls-dev-data',
        deployed: templateOf(before),
        planned: templateOf(after),
      }).changes;
      expect(changes.find((c) => c.logicalId === 'DatabaseMainInstance')).toMatchObject({
        action: 'replace',
        stateful: true,
      });
    } finally {
      before.dispose();
      after.dispose();
    }
  });
});
