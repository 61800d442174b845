import path from 'node:path';
import {
  CloudFormationClient,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { generateWorkflows } from '../../src/workflows/generate.js';
import { gitlabFindings } from '../../src/workflows/gitlab/generate.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { gitlabSchemaErrors } from '../workflows/gitlab-schema.js';

const root = path.resolve(import.meta.dirname, '../../../..');
const configPath = path.join(root, 'examples', 'orders', 'slipway.config.ts');

/** Seed 003 as an example: its GitLab pipeline and a local deploy of dev. */
describe('examples/orders', () => {
  let model: AppModel;
  beforeAll(async () => {
    model = await loadConfig(configPath);
  });

  it("writes a GitLab pipeline that passes GitLab's schema and Slipway's rules, one build per service", () => {
    const files = generateWorkflows(model, { configPath: 'examples/orders/slipway.config.ts' });
    expect(files.map((f) => f.path)).toEqual(['.gitlab-ci.yml']);
    const text = files[0]!.content;
    expect(gitlabSchemaErrors(text)).toEqual([]);
    expect(gitlabFindings(model, files)).toEqual([]);
    for (const service of ['orders', 'inventory', 'payments']) expect(text).toContain(`build-${service}:`);
  });

  describe('on the local emulator', () => {
    const emulator = useEmulator();

    it('deploys dev (tables, user pool, function, services, edge) and then diffs to zero changes', async () => {
      const options = emulator.target();
      await deployEnvironment(model, 'dev', options);
      const cloudformation = new CloudFormationClient(emulator.config('eu-west-1'));
      const typesIn = async (stack: string) =>
        (
          (await cloudformation.send(new DescribeStackResourcesCommand({ StackName: stack })))
            .StackResources ?? []
        )
          .filter((r) => r.ResourceStatus === 'CREATE_COMPLETE')
          .map((r) => r.ResourceType);
      expect(await typesIn('orders-dev-data')).toEqual(
        expect.arrayContaining([
          'AWS::DynamoDB::Table',
          'AWS::Cognito::UserPool',
          'AWS::Cognito::UserPoolClient',
          // The orders service signs in as the `orders` machine client: a copy of its secret.
          'AWS::SecretsManager::Secret',
        ]),
      );
      expect(await typesIn('orders-dev-functions')).toEqual(
        expect.arrayContaining([
          'AWS::Lambda::Function',
          'AWS::Lambda::EventSourceMapping',
          'AWS::SQS::Queue',
        ]),
      );
      const task = await new ECSClient(emulator.config('eu-west-1')).send(
        new DescribeTaskDefinitionCommand({ taskDefinition: 'orders-dev-orders' }),
      );
      const container = task.taskDefinition?.containerDefinitions?.[0];
      expect(container?.environment?.find((v) => v.name === 'AUTH_CALLER_SCOPES')?.value).toBe(
        'inventory/write payments/write',
      );
      expect(container?.secrets?.map((s) => s.name)).toEqual(['AUTH_CALLER_CLIENT_SECRET']);
      const ssm = new SSMClient(emulator.config('eu-west-1'));
      // The edge in us-east-1: CloudFront's VPC origin reaches the load balancer deployed in eu-west-1.
      const edge = new CloudFormationClient(emulator.config('us-east-1'));
      const described = (await edge.send(new DescribeStacksCommand({ StackName: 'orders-dev-edge' })))
        .Stacks?.[0];
      const albArn = (await ssm.send(new GetParameterCommand({ Name: '/orders/dev/runtime/alb-arn' })))
        .Parameter?.Value;
      expect(albArn).toMatch(/^arn:aws:elasticloadbalancing:eu-west-1:/);
      expect(described?.Parameters?.find((p) => p.ParameterKey === 'LoadBalancerArn')?.ParameterValue).toBe(
        albArn,
      );
      expect(described?.Outputs?.find((o) => o.OutputKey === 'DistributionDomainName')?.OutputValue).toMatch(
        /\.cloudfront\.net$/,
      );
      const unchanged = await diffEnvironment(model, 'dev', options);
      expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
    });
  });
});
