/**
 * Small hand-written templates shaped like what aws-cdk-lib's L2 constructs synthesize (numbers as
 * strings, Refs between resources), for pricing tests that do not need a CDK synth.
 */
import type { UsageModel } from '../../src/model/types.js';
import type { CfnResource, SynthesizedStack } from '../../src/template/types.js';

export function stack(
  name: string,
  resources: Record<string, CfnResource>,
  environment = 'dev',
): SynthesizedStack {
  return { name, environment, templatePath: `${name}.template.json`, template: { Resources: resources } };
}

/** Usage with every volume at 0 and the month at 730 h, so a test sets only what it prices. */
export function usage(overrides: Partial<UsageModel> = {}): UsageModel {
  return {
    hoursPerMonth: 730,
    albLcu: 0,
    logGbPerMonth: 0,
    natGbPerMonth: 0,
    ecrGbPerRepository: 0,
    tableGbPerTable: 0,
    tableReadMillionsPerMonth: 0,
    tableWriteMillionsPerMonth: 0,
    ...overrides,
  };
}

export function taskDefinition(cpu: number, memory: number, architecture?: 'ARM64' | 'X86_64'): CfnResource {
  return {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Cpu: String(cpu),
      Memory: String(memory),
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      ...(architecture
        ? { RuntimePlatform: { CpuArchitecture: architecture, OperatingSystemFamily: 'LINUX' } }
        : {}),
    },
  };
}

export interface ServiceOptions {
  readonly taskDefinition?: string;
  readonly desiredCount?: number;
  readonly strategy?: readonly { CapacityProvider: string; Weight?: number; Base?: number }[];
  readonly launchType?: string;
  readonly publicIp?: boolean;
  readonly cluster?: unknown;
}

export function fargateService(options: ServiceOptions = {}): CfnResource {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      Cluster: options.cluster ?? 'app-dev',
      TaskDefinition: { Ref: options.taskDefinition ?? 'TaskDef' },
      ...(options.desiredCount === undefined ? {} : { DesiredCount: options.desiredCount }),
      ...(options.strategy ? { CapacityProviderStrategy: options.strategy } : {}),
      ...(options.launchType ? { LaunchType: options.launchType } : {}),
      NetworkConfiguration: {
        AwsvpcConfiguration: {
          AssignPublicIp: options.publicIp ? 'ENABLED' : 'DISABLED',
          Subnets: [{ Ref: 'SubnetA' }],
        },
      },
    },
  };
}

export interface DatabaseOptions {
  readonly instanceClass?: string;
  readonly multiAz?: boolean;
  readonly storageGb?: number;
  readonly managedPassword?: boolean;
  readonly insightsRetentionDays?: number;
  readonly monitoringIntervalSeconds?: number;
}

export function database(options: DatabaseOptions = {}): CfnResource {
  return {
    Type: 'AWS::RDS::DBInstance',
    Properties: {
      DBInstanceClass: options.instanceClass ?? 'db.t4g.micro',
      Engine: 'postgres',
      EngineVersion: '17.6',
      AllocatedStorage: String(options.storageGb ?? 20),
      StorageType: 'gp3',
      MultiAZ: options.multiAz ?? false,
      ManageMasterUserPassword: options.managedPassword ?? false,
      EnablePerformanceInsights: true,
      PerformanceInsightsRetentionPeriod: options.insightsRetentionDays ?? 7,
      ...(options.monitoringIntervalSeconds === undefined
        ? {}
        : { MonitoringInterval: options.monitoringIntervalSeconds }),
    },
  };
}

export function loadBalancer(subnets: number, scheme = 'internet-facing'): CfnResource {
  return {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      Type: 'application',
      Scheme: scheme,
      Subnets: Array.from({ length: subnets }, (_, i) => ({ Ref: `PublicSubnet${i + 1}` })),
    },
  };
}

export function natGateway(eip = 'NatEip'): CfnResource {
  return {
    Type: 'AWS::EC2::NatGateway',
    Properties: { AllocationId: { 'Fn::GetAtt': [eip, 'AllocationId'] }, SubnetId: { Ref: 'PublicSubnet1' } },
  };
}

export const elasticIp: CfnResource = { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } };

export function logGroup(retentionDays?: number): CfnResource {
  return {
    Type: 'AWS::Logs::LogGroup',
    Properties: retentionDays === undefined ? {} : { RetentionInDays: retentionDays },
  };
}

export function alarm(period = 60): CfnResource {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      MetricName: 'HTTPCode_Target_5XX_Count',
      Namespace: 'AWS/ApplicationELB',
      Period: period,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    },
  };
}

export const secret: CfnResource = { Type: 'AWS::SecretsManager::Secret', Properties: {} };

/** Sum of the lines' dollars for one resource. */
export function usdOf(lines: readonly { resource: string; usd: number }[], resource: string): number {
  return lines.filter((line) => line.resource === resource).reduce((sum, line) => sum + line.usd, 0);
}
