import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { elasticIp, loadBalancer, natGateway, stack, usage } from './fixtures.js';

describe('network resources', () => {
  it('prices a NAT gateway by the hour and by the GB it processes, and its address apart', () => {
    const lines = estimateCost([stack('n', { Nat: natGateway(), NatEip: elasticIp })], {
      region: 'us-east-1',
      usage: usage({ natGbPerMonth: 100 }),
    });
    const nat = lines.find((l) => l.resource === 'Nat');
    const eip = lines.find((l) => l.resource === 'NatEip');
    // 730 × 0.045 + 100 × 0.045 = 32.85 + 4.50 = 37.35; address 730 × 0.005 = 3.65
    expect(nat?.usd).toBeCloseTo(37.35, 6);
    expect(nat?.basis).toBe('730 h × $0.045 + 100 GB × $0.045 (NAT gateway, OFF-T 2026)');
    expect(eip?.usd).toBeCloseTo(3.65, 6);
    expect(eip?.driver).toBe('Public IPv4');
  });

  it('prices an internet-facing ALB with LCU-hours and one address per subnet', () => {
    const lines = estimateCost([stack('r', { Alb: loadBalancer(2) })], {
      region: 'us-east-1',
      usage: usage({ albLcu: 2 }),
    });
    // 730 × (0.0225 + 2 × 0.008) = 730 × 0.0385 = 28.105; 2 × 730 × 0.005 = 7.30
    expect(lines.map((l) => [l.driver, Number(l.usd.toFixed(6))])).toEqual([
      ['Load balancer', 28.105],
      ['Public IPv4', 7.3],
    ]);
  });

  it('gives an internal ALB no public addresses', () => {
    const lines = estimateCost([stack('r', { Alb: loadBalancer(3, 'internal') })], {
      region: 'us-east-1',
      usage: usage(),
    });
    expect(lines.map((l) => l.driver)).toEqual(['Load balancer']);
  });

  it('gives the free parts of a VPC no line', () => {
    const lines = estimateCost(
      [
        stack('n', {
          Vpc: { Type: 'AWS::EC2::VPC', Properties: {} },
          Subnet: { Type: 'AWS::EC2::Subnet', Properties: {} },
          Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} },
          Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: {} },
          Role: { Type: 'AWS::IAM::Role', Properties: {} },
          Gateway: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Gateway' } },
        }),
      ],
      { region: 'us-east-1', usage: usage() },
    );
    expect(lines).toEqual([]);
  });
});
