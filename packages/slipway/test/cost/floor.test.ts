import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { summarizeCost } from '../../src/cost/summarize.js';
import {
  alarm,
  database,
  fargateService,
  loadBalancer,
  logGroup,
  stack,
  taskDefinition,
  usage,
  usdOf,
} from './fixtures.js';

/**
 * The dev floor: one Fargate Spot ARM task (0.25 vCPU / 0.5 GB) with a public IP, db.t4g.micro
 * single-AZ with 20 GB gp3 and an RDS-managed master secret, one internet-facing ALB in 3 zones,
 * no NAT, two alarms, 1 GB of logs kept 7 days, 0.5 LCU, 730 h, us-east-1.
 */
const floor = [
  stack('app-dev-network', {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    PublicSubnet1: { Type: 'AWS::EC2::Subnet', Properties: {} },
    FlowLogGroup: logGroup(7),
    FlowLog: { Type: 'AWS::EC2::FlowLog', Properties: {} },
  }),
  stack('app-dev-data', { Database: database({ managedPassword: true }) }),
  stack('app-dev-runtime', {
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: {} },
    Alb: loadBalancer(3),
    AlbLogs: { Type: 'AWS::S3::Bucket', Properties: {} },
  }),
  stack('app-dev-web', {
    TaskDef: taskDefinition(256, 512, 'ARM64'),
    Service: fargateService({
      desiredCount: 1,
      strategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
      publicIp: true,
    }),
    AppLogs: logGroup(7),
    Errors: alarm(),
    Latency: alarm(),
  }),
];

describe('the dev floor in us-east-1', () => {
  const items = estimateCost(floor, { region: 'us-east-1', usage: usage({ albLcu: 0.5, logGbPerMonth: 1 }) });

  it('totals what a hand calculation gives, within a cent', () => {
    // Fargate Spot:  730 h × (0.25 × 0.03238 + 0.5 × 0.00356) × 0.30 = 730 × 0.0029625   =  2.162625
    // Task IPv4:     730 h × 0.005                                                       =  3.65
    // RDS instance:  730 h × 0.016                                                       = 11.68
    // RDS storage:   20 GB × 0.115                                                       =  2.30
    // RDS secret:    1 × 0.40                                                            =  0.40
    // ALB:           730 h × (0.0225 + 0.5 × 0.008) = 730 × 0.0265                       = 19.345
    // ALB IPv4:      3 × 730 h × 0.005                                                   = 10.95
    // Logs:          1 GB × 0.50 + (1 GB × 7 / 30.4167 days) × 0.03 = 0.5 + 0.0069041    =  0.5069041
    // Alarms:        2 × 0.10                                                            =  0.20
    // Total                                                                              = 51.1945291
    expect(summarizeCost(items).monthlyUsd).toBeCloseTo(51.1945, 2);
  });

  it('prices each part where it lives', () => {
    expect(usdOf(items, 'Service')).toBeCloseTo(2.162625 + 3.65, 6);
    expect(usdOf(items, 'Database')).toBeCloseTo(11.68 + 2.3 + 0.4, 6);
    expect(usdOf(items, 'Alb')).toBeCloseTo(19.345 + 10.95, 6);
  });

  it('counts the log volume once, on one log group', () => {
    const logLines = items.filter((item) => item.type === 'AWS::Logs::LogGroup');
    expect(logLines).toHaveLength(1);
    expect(logLines[0]?.basis).toContain("the whole environment's logs");
  });

  it('explains the Spot task figure step by step', () => {
    const fargate = items.find((item) => item.resource === 'Service' && item.driver === 'Fargate');
    // Unverified because the Spot factor is an assumption, though the ARM prices have a source.
    expect(fargate?.basis).toBe(
      '1 task × 730 h × (0.25 vCPU × $0.03238 + 0.5 GB × $0.00356) × 0.30 spot ' +
        '(Fargate ARM, 3P 2026, unverified); Spot factor is an assumption',
    );
  });

  it('makes the ALB and its addresses the biggest drivers', () => {
    const top = summarizeCost(items).topDrivers;
    expect(top[0]?.label).toBe('Load balancer');
    expect(top[1]?.label).toBe('Public IPv4');
    expect(top[1]?.usd).toBeCloseTo(3.65 + 10.95, 6);
  });
});
