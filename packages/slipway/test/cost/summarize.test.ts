import { describe, expect, it } from 'vitest';
import { summarizeCost } from '../../src/cost/summarize.js';
import type { CostItem } from '../../src/cost/cost-item.js';

function item(resource: string, type: string, usd: number, extra: object = {}): CostItem {
  return { stack: 'app-dev', resource, type, usd, basis: 'test', ...extra };
}

describe('summarizeCost', () => {
  const items = [
    item('Alb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 16, { driver: 'Load balancer' }),
    item('Alb', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 8, { driver: 'Public IPv4' }),
    item('Service', 'AWS::ECS::Service', 2, { driver: 'Public IPv4' }),
    item('Db', 'AWS::RDS::DBInstance', 12),
    item('Service', 'AWS::ECS::Service', 2, { driver: 'Fargate' }),
    item('Cluster', 'AWS::EKS::Cluster', 0, { driver: 'Not priced', unpriced: true }),
  ];

  it('totals the items without rounding', () => {
    expect(summarizeCost([item('A', 'x', 0.004), item('B', 'x', 0.004)]).monthlyUsd).toBeCloseTo(0.008, 10);
  });

  it('groups items by driver, biggest first, with their share of the total', () => {
    const summary = summarizeCost(items);
    expect(summary.monthlyUsd).toBe(40);
    expect(summary.topDrivers).toEqual([
      { label: 'Load balancer', usd: 16, share: 0.4 },
      { label: 'RDS', usd: 12, share: 0.3 },
      { label: 'Public IPv4', usd: 10, share: 0.25 },
      { label: 'Fargate', usd: 2, share: 0.05 },
    ]);
  });

  it('lists only as many drivers as asked', () => {
    expect(summarizeCost(items, { top: 2 }).topDrivers.map((d) => d.label)).toEqual(['Load balancer', 'RDS']);
  });

  it('lists what the total leaves out', () => {
    expect(summarizeCost(items).unpriced).toEqual(['app-dev/Cluster (AWS::EKS::Cluster)']);
  });

  it('gives an empty estimate a zero total and no drivers', () => {
    expect(summarizeCost([])).toEqual({ monthlyUsd: 0, topDrivers: [], unpriced: [] });
  });
});
