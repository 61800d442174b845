import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { fargateService, stack, taskDefinition, usage } from './fixtures.js';

const US = { region: 'us-east-1', usage: usage() };

function priceService(service: ReturnType<typeof fargateService>, cpu = 1024, memory = 2048, arch?: 'ARM64') {
  return estimateCost(
    [stack('app-dev-web', { TaskDef: taskDefinition(cpu, memory, arch), Service: service })],
    US,
  );
}

describe('Fargate services', () => {
  it('prices x86 on-demand tasks at the service desired count', () => {
    const [line] = priceService(fargateService({ desiredCount: 2, launchType: 'FARGATE' }));
    // 2 × 730 × (1 × 0.04048 + 2 × 0.004445) = 1460 × 0.04937 = 72.0802
    expect(line?.usd).toBeCloseTo(72.0802, 6);
    expect(line?.basis).toBe(
      '2 tasks × 730 h × (1 vCPU × $0.04048 + 2 GB × $0.004445) (Fargate x86, 3P 2026); capacity from the launch type',
    );
  });

  it('prices ARM lower than x86 for the same size', () => {
    const [arm] = priceService(
      fargateService({ desiredCount: 1, launchType: 'FARGATE' }),
      1024,
      2048,
      'ARM64',
    );
    // 730 × (0.03238 + 2 × 0.00356) = 730 × 0.0395 = 28.835
    expect(arm?.usd).toBeCloseTo(28.835, 6);
  });

  it('splits tasks over capacity providers: base first, then by weight', () => {
    const lines = priceService(
      fargateService({
        desiredCount: 5,
        strategy: [
          { CapacityProvider: 'FARGATE', Base: 1, Weight: 1 },
          { CapacityProvider: 'FARGATE_SPOT', Weight: 3 },
        ],
      }),
    );
    // 1 base on-demand, then 4 at 1:3 → 1 + 1 = 2 on-demand, 3 Spot; 1 task-month on x86 is 730 × 0.04937 = 36.0401
    expect(lines.map((l) => l.basis.split(' × ')[0])).toEqual(['2 tasks', '3 tasks']);
    expect(lines[0]?.usd).toBeCloseTo(2 * 36.0401, 6);
    expect(lines[1]?.usd).toBeCloseTo(3 * 36.0401 * 0.3, 6);
  });

  it('starts one task when DesiredCount is left out, and says so', () => {
    const [line] = priceService(fargateService({ launchType: 'FARGATE' }));
    expect(line?.usd).toBeCloseTo(36.0401, 6);
    expect(line?.basis).toContain('DesiredCount unset, CloudFormation starts 1');
  });

  it("uses the cluster's default strategy from another stack when the service has none", () => {
    const runtime = stack('app-dev-runtime', {
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: {} },
      Providers: {
        Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
        Properties: {
          Cluster: { Ref: 'Cluster' },
          CapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
          DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
        },
      },
    });
    const web = stack('app-dev-web', {
      TaskDef: taskDefinition(1024, 2048),
      Service: fargateService({ desiredCount: 1 }),
    });
    const [line] = estimateCost([runtime, web], US);
    expect(line?.usd).toBeCloseTo(36.0401 * 0.3, 6);
    expect(line?.basis).toContain('capacity from the cluster default');
  });

  it('adds an hourly public IPv4 address per task that assigns one', () => {
    const lines = priceService(fargateService({ desiredCount: 3, launchType: 'FARGATE', publicIp: true }));
    const ipv4 = lines.find((l) => l.driver === 'Public IPv4');
    // 3 × 730 × 0.005 = 10.95
    expect(ipv4?.usd).toBeCloseTo(10.95, 6);
  });

  it('adds no address for tasks in private subnets', () => {
    const lines = priceService(fargateService({ desiredCount: 3, launchType: 'FARGATE', publicIp: false }));
    expect(lines.some((l) => l.driver === 'Public IPv4')).toBe(false);
  });

  it('prices ephemeral storage beyond the free 20 GiB', () => {
    const definition = taskDefinition(1024, 2048);
    const withStorage = {
      ...definition,
      Properties: { ...definition.Properties, EphemeralStorage: { SizeInGiB: 50 } },
    };
    const service = fargateService({ desiredCount: 1, launchType: 'FARGATE' });
    const [line] = estimateCost([stack('s', { TaskDef: withStorage, Service: service })], US);
    // 730 × (0.04937 + 30 × 0.000111) = 730 × 0.0527 = 38.471
    expect(line?.usd).toBeCloseTo(38.471, 6);
  });

  it('prices the Cloud Map registration of each task', () => {
    const service = fargateService({ desiredCount: 2, launchType: 'FARGATE' });
    const registered = {
      ...service,
      Properties: {
        ...service.Properties,
        ServiceRegistries: [{ RegistryArn: { 'Fn::GetAtt': ['Sd', 'Arn'] } }],
      },
    };
    const lines = priceService(registered);
    const registration = lines.find((l) => l.driver === 'Private DNS');
    // 2 tasks × 1 service × $0.10
    expect(registration?.usd).toBeCloseTo(0.2, 10);
  });

  it('does not price tasks on EC2 capacity providers, and says so', () => {
    const lines = priceService(
      fargateService({ desiredCount: 2, strategy: [{ CapacityProvider: 'app-asg-provider', Weight: 1 }] }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.unpriced).toBe(true);
    expect(lines[0]?.basis).toContain('2 tasks on app-asg-provider: only Fargate capacity is priced');
  });

  it('says why when the task definition cannot be found', () => {
    const lines = priceService(fargateService({ taskDefinition: 'Missing', desiredCount: 1 }));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.usd).toBe(0);
    expect(lines[0]?.unpriced).toBe(true);
    expect(lines[0]?.basis).toContain('TaskDefinition is not a Ref to a task definition in the same stack');
  });
});
