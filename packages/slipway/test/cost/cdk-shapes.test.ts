import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import type { SynthesizedStack } from '../../src/template/types.js';
import { usage } from './fixtures.js';

/**
 * Guards the hand-written fixtures: the same resources built with aws-cdk-lib's L2 constructs must
 * price as the fixtures do (string numbers, Refs to the task definition, capacity strategies).
 */
function synthesize(): SynthesizedStack {
  const account = '111111111111';
  const region = 'us-east-1';
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { [`availability-zones:account=${account}:region=${region}`]: ['us-east-1a', 'us-east-1b'] },
  });
  const stack = new Stack(app, 'app-dev', { env: { account, region } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
  new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17_6 }),
    vpc,
    instanceType: new ec2.InstanceType('t4g.micro'),
    storageType: rds.StorageType.GP3,
    allocatedStorage: 20,
    multiAz: true,
    credentials: rds.Credentials.fromUsername('postgres'),
    manageMasterUserPassword: true,
  } as rds.DatabaseInstanceProps);
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, enableFargateCapacityProviders: true });
  const task = new ecs.FargateTaskDefinition(stack, 'Task', {
    cpu: 256,
    memoryLimitMiB: 512,
    runtimePlatform: {
      cpuArchitecture: ecs.CpuArchitecture.ARM64,
      operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
    },
  });
  task.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx'),
    logging: ecs.LogDrivers.awsLogs({
      streamPrefix: 'web',
      logGroup: new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.ONE_WEEK }),
    }),
  });
  new ecs.FargateService(stack, 'Service', {
    cluster,
    taskDefinition: task,
    desiredCount: 2,
    assignPublicIp: true,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    capacityProviderStrategies: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
  });
  new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: true });
  const artifact = app.synth().getStackByName('app-dev');
  return {
    name: 'app-dev',
    environment: 'dev',
    templatePath: artifact.templateFile,
    template: artifact.template,
  };
}

describe('templates synthesized by aws-cdk-lib', () => {
  const lines = estimateCost([synthesize()], {
    region: 'us-east-1',
    usage: usage({ natGbPerMonth: 10, logGbPerMonth: 1 }),
  });
  const byDriver = (driver: string) =>
    lines.filter((l) => l.driver === driver).reduce((s, l) => s + l.usd, 0);

  it('prices the Spot ARM service through its task definition', () => {
    // 2 × 730 × (0.25 × 0.03238 + 0.5 × 0.00356) × 0.30 = 4.32525
    expect(byDriver('Fargate')).toBeCloseTo(4.32525, 6);
  });

  it('counts every public address: two tasks, the NAT address and the ALB in two zones', () => {
    // 5 × 730 × 0.005 = 18.25
    expect(byDriver('Public IPv4')).toBeCloseTo(18.25, 6);
  });

  it('prices the Multi-AZ database with its storage and managed secret', () => {
    // 730 × 0.016 × 2 + 20 × 0.115 × 2 = 23.36 + 4.60
    expect(byDriver('RDS')).toBeCloseTo(27.96, 6);
    expect(byDriver('Secrets Manager')).toBe(0.4);
  });

  it('prices the NAT gateway hours and traffic', () => {
    // 730 × 0.045 + 10 × 0.045 = 33.30
    expect(byDriver('NAT gateway')).toBeCloseTo(33.3, 6);
  });

  it('leaves nothing the table does not know', () => {
    expect(lines.filter((l) => l.unpriced)).toEqual([]);
  });
});
