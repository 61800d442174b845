import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './emulator.js';

const ACCOUNT = '123456789012';

/** An uptime canary as the monitoring stack writes one, and outputs that read it back. */
function canaryTemplate(rate: number) {
  return {
    Resources: {
      Uptime: {
        Type: 'AWS::Synthetics::Canary',
        Properties: {
          Name: 'shop-dev-web',
          RuntimeVersion: 'syn-nodejs-4.1',
          Code: { Handler: 'index.handler', Script: 'exports.handler = async () => {};' },
          ArtifactS3Location: 's3://shop-dev-canary-artifacts/web',
          ExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-dev-canaries`,
          Schedule: { Expression: `rate(${rate} minutes)` },
          RunConfig: {
            TimeoutInSeconds: 30,
            EnvironmentVariables: { HEALTH_URL: 'https://shop.example.com/healthz' },
          },
          ProvisionedResourceCleanup: 'AUTOMATIC',
          StartCanaryAfterCreation: true,
          SuccessRetentionPeriod: 7,
          FailureRetentionPeriod: 31,
        },
      },
    },
    Outputs: {
      Name: { Value: { Ref: 'Uptime' } },
      Id: { Value: { 'Fn::GetAtt': ['Uptime', 'Id'] } },
      State: { Value: { 'Fn::GetAtt': ['Uptime', 'State'] } },
    },
  };
}

/**
 * GetCanary over Synthetics' REST API: the SDK has no Synthetics client among the kit's packages,
 * and the emulator routes by the signing scope without checking the signature.
 */
async function getCanary(endpoint: string, name: string): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(`${endpoint}/canary/${name}`, {
    headers: {
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/20261203/eu-west-1/synthetics/aws4_request, SignedHeaders=host, Signature=0`,
    },
  });
  if (!response.ok) return undefined;
  return ((await response.json()) as { Canary: Record<string, unknown> }).Canary;
}

describe("the monitoring stack's canaries on the emulator", () => {
  const emulator = useEmulator();
  const cfn = () => new CloudFormationClient(emulator.config('eu-west-1'));

  async function outputs() {
    const stack = (await cfn().send(new DescribeStacksCommand({ StackName: 'shop-dev-monitoring' })))
      .Stacks?.[0];
    return {
      status: stack?.StackStatus,
      values: Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!])),
    };
  }

  it('records a canary with its settings, changes it in place and removes it with its stack', async () => {
    await cfn().send(
      new CreateStackCommand({
        StackName: 'shop-dev-monitoring',
        TemplateBody: JSON.stringify(canaryTemplate(5)),
      }),
    );
    const created = await outputs();
    expect(created.status).toBe('CREATE_COMPLETE');
    expect(created.values).toMatchObject({ Name: 'shop-dev-web', State: 'RUNNING' });
    expect(created.values['Id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await getCanary(emulator.endpoint, 'shop-dev-web')).toMatchObject({
      Name: 'shop-dev-web',
      RuntimeVersion: 'syn-nodejs-4.1',
      Schedule: { Expression: 'rate(5 minutes)' },
      RunConfig: { EnvironmentVariables: { HEALTH_URL: 'https://shop.example.com/healthz' } },
      ProvisionedResourceCleanup: 'AUTOMATIC',
      SuccessRetentionPeriodInDays: 7,
      Status: { State: 'RUNNING' },
    });

    await cfn().send(
      new UpdateStackCommand({
        StackName: 'shop-dev-monitoring',
        TemplateBody: JSON.stringify(canaryTemplate(10)),
      }),
    );
    const updated = await outputs();
    expect(updated.status).toBe('UPDATE_COMPLETE');
    expect(updated.values).toEqual(created.values);
    expect(await getCanary(emulator.endpoint, 'shop-dev-web')).toMatchObject({
      Id: created.values['Id'],
      Schedule: { Expression: 'rate(10 minutes)' },
    });

    await cfn().send(new DeleteStackCommand({ StackName: 'shop-dev-monitoring' }));
    expect(await getCanary(emulator.endpoint, 'shop-dev-web')).toBeUndefined();
  });
});
