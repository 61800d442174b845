import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROD_ACCOUNT } from '../fixtures/models.js';
import { type Built, build, ofType, ssmName, statementsOf } from './eks-cluster-fixture.js';

const sidsOf = (built: Built, prefix: string) =>
  statementsOf(built, prefix)
    .map((s) => s.Sid)
    .sort();

const statement = (built: Built, prefix: string, sid: string) =>
  statementsOf(built, prefix).find((s) => s.Sid === sid);

describe('the Pod Identity roles of the EKS cluster stack', () => {
  let prod: Built;
  let customer: Built;
  beforeAll(() => {
    prod = build('prod', 'aws-managed');
    customer = build('prod', 'customer-managed');
  });
  afterAll(() => {
    for (const b of [prod, customer]) rmSync(b.outdir, { recursive: true, force: true });
  });

  it('associates each service and both platform controllers with a role only Pod Identity may assume', () => {
    const associations = ofType(prod.template, 'AWS::EKS::PodIdentityAssociation').map(([id, r]) => [
      id.replace(/Association.*/, ''),
      r.Properties?.['Namespace'],
      r.Properties?.['ServiceAccount'],
      (r.Properties?.['RoleArn'] as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]?.replace(/Role.*/, ''),
    ]);
    expect(associations.sort()).toEqual([
      ['ExternalSecretsIdentity', 'external-secrets', 'external-secrets', 'ExternalSecretsIdentity'],
      [
        'LoadBalancerControllerIdentity',
        'kube-system',
        'aws-load-balancer-controller',
        'LoadBalancerControllerIdentity',
      ],
      ['ServicePgadminIdentity', 'megadolls', 'pgadmin', 'ServicePgadminIdentity'],
      ['ServiceWebIdentity', 'megadolls', 'web', 'ServiceWebIdentity'],
    ]);
    const roles = ofType(prod.template, 'AWS::IAM::Role').filter(([id]) => /Identity/.test(id));
    expect(roles).toHaveLength(4);
    for (const [, role] of roles) {
      expect(role.Properties?.['AssumeRolePolicyDocument']).toMatchObject({
        Statement: [
          { Action: 'sts:AssumeRole', Principal: { Service: 'pods.eks.amazonaws.com' } },
          { Action: 'sts:TagSession', Principal: { Service: 'pods.eks.amazonaws.com' } },
        ],
      });
    }
  });

  it('lets a service only sign in to its database: its secrets come through External Secrets', () => {
    for (const built of [prod, customer]) {
      expect(sidsOf(built, 'ServiceWebIdentity')).toEqual(['ConnectAsAppUser']);
      expect(sidsOf(built, 'ServicePgadminIdentity')).toEqual([]);
      const actions = statementsOf(built, 'ServiceWebIdentity').flatMap((s) => s.Action);
      expect(actions).toEqual(['rds-db:connect']);
    }
  });

  it("lets External Secrets read exactly the environment's declared secrets and the data stack's parameters", () => {
    const eso = 'ExternalSecretsIdentity';
    expect(sidsOf(prod, eso)).toEqual([
      'ReadDataConnectionParameters',
      'ReadDeclaredParameters',
      'ReadDeclaredSecrets',
    ]);
    expect(statement(prod, eso, 'ReadDeclaredParameters')).toMatchObject({
      Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: `arn:aws:ssm:af-south-1:${PROD_ACCOUNT}:parameter/megadolls/prod/django-secret-key`,
    });
    const secrets = statement(prod, eso, 'ReadDeclaredSecrets');
    expect(secrets?.Action).toEqual(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']);
    expect(ssmName(prod.template, secrets?.Resource)).toBe(
      '/megadolls/prod/data/secrets/pgadmin-password/arn',
    );
    expect(statement(prod, eso, 'ReadDataConnectionParameters')).toMatchObject({
      Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: `arn:aws:ssm:af-south-1:${PROD_ACCOUNT}:parameter/megadolls/prod/data/*`,
    });
    // With the environment's own data key, the secret is decrypted through Secrets Manager only.
    const decrypt = statement(customer, eso, 'DecryptDeclaredSecrets');
    expect(decrypt).toMatchObject({
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.af-south-1.amazonaws.com' } },
    });
    expect(ssmName(customer.template, decrypt?.Resource)).toBe('/megadolls/prod/data/key-arn');
  });

  it('gives External Secrets no data path when the environment has no database or cache', () => {
    const bare = build('dev', 'aws-managed', {
      environment: (env) => ({
        ...env,
        databases: [],
        caches: [],
        services: env.services.map(({ database: _database, ...service }) => service),
      }),
    });
    try {
      expect(sidsOf(bare, 'ExternalSecretsIdentity')).toEqual([
        'ReadDeclaredParameters',
        'ReadDeclaredSecrets',
      ]);
      expect(bare.findings.filter((f) => !f.acknowledged).map((f) => `${f.rule} ${f.resource}`)).toEqual([]);
    } finally {
      rmSync(bare.outdir, { recursive: true, force: true });
    }
  });

  it("gives the load balancer controller the published policy in the environment's account and region only", () => {
    const controller = statementsOf(prod, 'LoadBalancerControllerIdentity');
    expect(controller).toHaveLength(16);
    const actions = controller.flatMap((s) => s.Action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'iam:CreateServiceLinkedRole',
        'ec2:DescribeVpcs',
        'elasticloadbalancing:CreateLoadBalancer',
        'elasticloadbalancing:RegisterTargets',
        'wafv2:AssociateWebACL',
      ]),
    );
    const arns = controller.flatMap((s) => [s.Resource].flat()).filter((r) => r !== '*');
    expect(arns.length).toBeGreaterThan(0);
    for (const arn of arns) expect(arn).toMatch(new RegExp(`^arn:aws:[a-z0-9]+:af-south-1:${PROD_ACCOUNT}:`));
    // Creating load balancers requires the controller's cluster tag on the request.
    expect(controller.find((s) => s.Sid === 'CreateTaggedLoadBalancers')?.Condition).toEqual({
      Null: { 'aws:RequestTag/elbv2.k8s.aws/cluster': 'false' },
    });
    // Every wildcard is acknowledged on its own, with a reason, never for the whole stack.
    const iam5 = prod.findings.filter((f) => f.rule.startsWith('AwsSolutions-IAM5'));
    expect(iam5.length).toBeGreaterThan(0);
    for (const finding of iam5) {
      expect(finding.acknowledged).toBe(true);
      expect(finding.rule).not.toBe('AwsSolutions-IAM5');
    }
  });
});
