import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelError } from '../../src/stacks/shared/model-error.js';
import { NetworkStack } from '../../src/stacks/network/network-stack.js';
import { vpcLookupTag } from '../../src/stacks/runtime/eks/eks-names.js';
import type { CfnResource, CfnTemplate } from '../../src/template/types.js';
import { megadollsLikeModel } from '../fixtures/models.js';
import { type Built, build, CACHE, CLUSTER, ofType, ssmName } from './eks-cluster-fixture.js';

const CLUSTER_SECURITY_GROUP = { 'Fn::GetAtt': ['ClusterEB0386A7', 'ClusterSecurityGroupId'] };

describe('who and what the EKS cluster reaches', () => {
  let prod: Built;
  beforeAll(() => {
    prod = build('prod', 'aws-managed');
  });
  afterAll(() => rmSync(prod.outdir, { recursive: true, force: true }));

  it("lets developers edit the app's namespace only", () => {
    const developers = ofType(prod.template, 'AWS::EKS::AccessEntry')
      .map(([, r]) => r.Properties)
      .filter((entry) => entry?.['PrincipalArn'] === CLUSTER.developers![0]);
    expect(developers).toEqual([
      expect.objectContaining({
        AccessPolicies: [
          {
            AccessScope: { Type: 'namespace', Namespaces: ['megadolls'] },
            PolicyArn: {
              'Fn::Join': [
                '',
                ['arn:', { Ref: 'AWS::Partition' }, ':eks::aws:cluster-access-policy/AmazonEKSEditPolicy'],
              ],
            },
          },
        ],
      }),
    ]);
  });

  it('refuses a role listed as admin and developer, naming the field', () => {
    const both = { ...CLUSTER, developers: [...CLUSTER.admins] };
    expect(() => build('dev', 'aws-managed', { cluster: both })).toThrow(ModelError);
    expect(() => build('dev', 'aws-managed', { cluster: both })).toThrow(
      /environments\.dev\.eks\.developers/,
    );
  });

  it("opens each database and cache to the cluster's pods on its own port, by ids read from SSM", () => {
    const rules = ofType(prod.template, 'AWS::EC2::SecurityGroupIngress')
      .map(([, r]) => r.Properties ?? {})
      .filter((rule) => rule['SourceSecurityGroupId'] !== undefined)
      .map((rule) => ({ ...rule, GroupId: ssmName(prod.template, rule['GroupId']) }));
    expect(rules).toEqual([
      expect.objectContaining({
        GroupId: '/megadolls/prod/data/main/security-group-id',
        SourceSecurityGroupId: CLUSTER_SECURITY_GROUP,
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
      }),
      expect.objectContaining({
        GroupId: `/megadolls/prod/data/caches/${CACHE.name}/security-group-id`,
        SourceSecurityGroupId: CLUSTER_SECURITY_GROUP,
        IpProtocol: 'tcp',
        FromPort: 6379,
        ToPort: 6379,
      }),
    ]);
    expect(JSON.stringify(prod.template)).not.toContain('Fn::ImportValue');
  });

  it('adds no data rule to an environment without databases or caches', () => {
    const bare = build('dev', 'aws-managed', {
      environment: (env) => ({
        ...env,
        databases: [],
        caches: [],
        services: env.services.map(({ database: _database, ...service }) => service),
      }),
    });
    try {
      const rules = ofType(bare.template, 'AWS::EC2::SecurityGroupIngress').filter(
        ([, r]) => r.Properties?.['SourceSecurityGroupId'] !== undefined,
      );
      expect(rules).toEqual([]);
    } finally {
      rmSync(bare.outdir, { recursive: true, force: true });
    }
  });

  it("names the network stack's VPC by a fixed tag the load balancer controller can look up", () => {
    const model = megadollsLikeModel();
    for (const env of model.environments) {
      const app = new App();
      const stack = new NetworkStack(app, { model, environment: env });
      const template = app.synth().getStackByName(stack.stackName).template as CfnTemplate;
      const [[, vpc]] = ofType(template, 'AWS::EC2::VPC') as [[string, CfnResource]];
      const tag = vpcLookupTag(model.app, env.name);
      expect(tag).toEqual({ key: 'Name', value: `megadolls-${env.name}-network/Vpc` });
      expect(vpc.Properties?.['Tags']).toEqual(expect.arrayContaining([{ Key: tag.key, Value: tag.value }]));
    }
  });
});
