import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { priceTableFor } from '../../src/cost/prices/index.js';
import { stack, usage } from './fixtures.js';

const cluster = (insights?: string) => ({
  Type: 'AWS::ECS::Cluster',
  Properties:
    insights === undefined ? {} : { ClusterSettings: [{ Name: 'containerInsights', Value: insights }] },
});
const service = (desired: number) => ({ Type: 'AWS::ECS::Service', Properties: { DesiredCount: desired } });
const onlyInsights = (lines: ReturnType<typeof estimateCost>) =>
  lines.filter((l) => l.driver === 'Container Insights');

describe('alarms, dashboards, metric filters and Container Insights in the estimate', () => {
  it('prices a composite alarm at $0.50 and a dashboard at $3, saying the first three are free', () => {
    const lines = estimateCost(
      [
        stack('m', {
          Down: { Type: 'AWS::CloudWatch::CompositeAlarm', Properties: { AlarmRule: 'ALARM("x")' } },
          Board: { Type: 'AWS::CloudWatch::Dashboard', Properties: { DashboardBody: '{}' } },
        }),
      ],
      { region: 'us-east-1', usage: usage() },
    );
    const byResource = Object.fromEntries(lines.map((l) => [l.resource, l]));
    expect(byResource['Down']).toMatchObject({ usd: 0.5, driver: 'CloudWatch alarms' });
    expect(byResource['Board']).toMatchObject({ usd: 3, driver: 'CloudWatch dashboards' });
    expect(byResource['Board']!.basis).toContain('first three');
  });

  it('prices each metric a filter publishes as a custom metric', () => {
    const [line] = estimateCost(
      [
        stack('s', {
          Errors: {
            Type: 'AWS::Logs::MetricFilter',
            Properties: {
              FilterPattern: '{ $.level = "error" }',
              LogGroupName: 'g',
              MetricTransformations: [
                { MetricName: 'api-error-lines', MetricNamespace: 'n', MetricValue: '1' },
              ],
            },
          },
        }),
      ],
      { region: 'us-east-1', usage: usage() },
    );
    expect(line).toMatchObject({ usd: 0.3, driver: 'CloudWatch metrics' });
  });

  it('prices standard Container Insights per metric of the cluster and its services', () => {
    const lines = onlyInsights(
      estimateCost(
        [
          stack('r', { Cluster: cluster('enabled') }),
          stack('a', { S: service(2) }),
          stack('b', { S: service(1) }),
        ],
        {
          region: 'us-east-1',
          usage: usage(),
        },
      ),
    );
    // 8 cluster + 11 × 2 service metrics = 30 × $0.30
    expect(lines).toHaveLength(1);
    expect(lines[0]!.usd).toBeCloseTo(9, 6);
    expect(lines[0]!.basis).toContain('estimate');
  });

  it('prices enhanced Container Insights per observation of the running tasks, as an unverified figure', () => {
    const [line] = onlyInsights(
      estimateCost([stack('r', { Cluster: cluster('enhanced') }), stack('a', { S: service(2) })], {
        region: 'us-east-1',
        usage: usage(),
      }),
    );
    // (8 cluster + 11 service + 2 tasks × 20) = 59 a minute × 730 h × 60 = 2.5842 M observations × $0.21
    expect(line!.usd).toBeCloseTo(2.5842 * 0.21, 6);
    expect(
      priceTableFor('us-east-1').prices['cloudwatch.container-insights-observation-million'],
    ).toMatchObject({
      verified: false,
      date: '2026-12',
    });
  });

  it('gives a cluster without Container Insights no line', () => {
    expect(
      onlyInsights(
        estimateCost([stack('r', { Cluster: cluster('disabled') })], { region: 'us-east-1', usage: usage() }),
      ),
    ).toEqual([]);
    expect(
      onlyInsights(
        estimateCost([stack('r', { Cluster: cluster() })], { region: 'us-east-1', usage: usage() }),
      ),
    ).toEqual([]);
  });
});
