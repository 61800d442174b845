import { describe, expect, it } from 'vitest';
import { estimateCost } from '../../src/cost/estimate.js';
import { alarm, logGroup, secret, stack, usage } from './fixtures.js';

const US = { region: 'us-east-1', usage: usage() };

describe('other priced resources', () => {
  it('puts the log volume on the log group that keeps logs longest, once for all stacks', () => {
    const lines = estimateCost(
      [stack('a', { Short: logGroup(7), Long: logGroup(30) }), stack('b', { Other: logGroup(14) })],
      { region: 'us-east-1', usage: usage({ logGbPerMonth: 10 }) },
    );
    expect(lines.map((l) => `${l.stack}/${l.resource}`)).toEqual(['a/Long']);
    // 10 × 0.50 + (10 × 30 / 30.4167) × 0.03 = 5 + 0.295890 = 5.295890
    expect(lines[0]?.usd).toBeCloseTo(5.29589, 5);
  });

  it('prices a log group that never expires as a year of logs', () => {
    const lines = estimateCost([stack('a', { Forever: logGroup() })], {
      region: 'us-east-1',
      usage: usage({ logGbPerMonth: 1 }),
    });
    // 0.50 + (365 / 30.4167) × 0.03 = 0.50 + 0.36 = 0.86
    expect(lines[0]?.usd).toBeCloseTo(0.86, 6);
    expect(lines[0]?.basis).toContain('held for 365 days');
  });

  it('prices alarms per metric, higher for high resolution', () => {
    const mathAlarm = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        Metrics: [
          { Id: 'a', MetricStat: { Metric: { MetricName: 'A' }, Period: 60, Stat: 'Sum' } },
          { Id: 'b', MetricStat: { Metric: { MetricName: 'B' }, Period: 60, Stat: 'Sum' } },
          { Id: 'ratio', Expression: 'a / b' },
        ],
      },
    };
    const lines = estimateCost([stack('o', { Plain: alarm(), Fast: alarm(10), Ratio: mathAlarm })], US);
    expect(lines.map((l) => [l.resource, Number(l.usd.toFixed(6))])).toEqual([
      ['Plain', 0.1],
      ['Fast', 0.3],
      ['Ratio', 0.2],
    ]);
  });

  it('prices a Cloud Map registration a template makes itself, such as a database alias', () => {
    const instance = {
      Type: 'AWS::ServiceDiscovery::Instance',
      Properties: { ServiceId: 'x', InstanceAttributes: {} },
    };
    const lines = estimateCost([stack('d', { Alias: instance })], US);
    expect(lines.map((l) => [l.resource, l.driver, l.unpriced ?? false, Number(l.usd.toFixed(6))])).toEqual([
      ['Alias', 'Private DNS', false, 0.1],
    ]);
  });

  it('prices secrets, keys, DNS namespaces and advanced parameters by the month', () => {
    const lines = estimateCost(
      [
        stack('o', {
          Secret: secret,
          Key: { Type: 'AWS::KMS::Key', Properties: {} },
          Namespace: {
            Type: 'AWS::ServiceDiscovery::PrivateDnsNamespace',
            Properties: { Name: 'app.internal' },
          },
          Standard: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'x' } },
          Advanced: {
            Type: 'AWS::SSM::Parameter',
            Properties: { Type: 'String', Value: 'x', Tier: 'Advanced' },
          },
        }),
      ],
      US,
    );
    expect(lines.map((l) => [l.resource, l.usd])).toEqual([
      ['Secret', 0.4],
      ['Key', 1],
      ['Namespace', 0.5],
      ['Advanced', 0.05],
    ]);
  });

  it('prices an interface endpoint per zone and hour', () => {
    const endpoint = {
      Type: 'AWS::EC2::VPCEndpoint',
      Properties: { VpcEndpointType: 'Interface', SubnetIds: [{ Ref: 'A' }, { Ref: 'B' }] },
    };
    const [line] = estimateCost([stack('n', { Ecr: endpoint })], US);
    // 2 × 730 × 0.01 = 14.60
    expect(line?.usd).toBeCloseTo(14.6, 6);
  });

  it('prices an EKS control plane per hour, warning when the cluster may drift into extended support', () => {
    const [standard] = estimateCost(
      [
        stack('c', {
          Cluster: { Type: 'AWS::EKS::Cluster', Properties: { UpgradePolicy: { SupportType: 'STANDARD' } } },
        }),
      ],
      US,
    );
    const [defaulted] = estimateCost(
      [stack('c', { Cluster: { Type: 'AWS::EKS::Cluster', Properties: {} } })],
      US,
    );
    expect(standard?.usd).toBeCloseTo(73, 6);
    expect(standard?.basis).not.toContain('$0.60');
    expect(defaulted?.basis).toContain('$0.60 per hour once its version leaves standard support');
  });

  it('gives a type the table does not know a $0 line that says so, instead of silence', () => {
    const lines = estimateCost([stack('o', { Cluster: { Type: 'AWS::MSK::Cluster', Properties: {} } })], US);
    expect(lines).toEqual([
      expect.objectContaining({
        resource: 'Cluster',
        type: 'AWS::MSK::Cluster',
        usd: 0,
        unpriced: true,
        basis: 'not priced: no bundled price for AWS::MSK::Cluster',
      }),
    ]);
  });
});
