import { describe, expect, it } from 'vitest';
import { observabilityProductionAlarmsNotify } from '../../../src/checks/rules/observability/production-alarms-notify.js';
import { observabilityPublicServiceAlarms } from '../../../src/checks/rules/observability/public-service-alarms.js';
import type { CfnResource } from '../../../src/template/types.js';
import { checkRule } from './check-rule.js';

const TOPIC: CfnResource = { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'shop-prod-alarms' } };
const PUBLISHED: CfnResource = {
  Type: 'AWS::SSM::Parameter',
  Properties: { Name: '/shop/prod/runtime/alarm-topic-arn', Value: { Ref: 'Subject' }, Type: 'String' },
};
const EMAIL: CfnResource = {
  Type: 'AWS::SNS::Subscription',
  Properties: { Protocol: 'email', Endpoint: 'oncall@example.com', TopicArn: { Ref: 'Subject' } },
};
const SLACK: CfnResource = {
  Type: 'AWS::Chatbot::SlackChannelConfiguration',
  Properties: { ConfigurationName: 'shop-prod-alarms', SnsTopicArns: [{ Ref: 'Subject' }] },
};

describe('Slipway-OBS1 a production alarm topic reaches someone', () => {
  const rule = observabilityProductionAlarmsNotify;

  it('rejects a production alarm topic with no subscription and no chat channel', () => {
    expect(checkRule(rule, TOPIC, { production: true, others: { Published: PUBLISHED } })).toEqual({
      detail: 'topic Subject has no subscription and no chat channel: alarms notify no one',
    });
  });

  it('accepts a subscription, a chat channel, or a subscription the topic lists inline', () => {
    const production = true;
    expect(checkRule(rule, TOPIC, { production, others: { Published: PUBLISHED, Email: EMAIL } })).toBe(
      'compliant',
    );
    expect(checkRule(rule, TOPIC, { production, others: { Published: PUBLISHED, Slack: SLACK } })).toBe(
      'compliant',
    );
    const inline: CfnResource = {
      ...TOPIC,
      Properties: { ...TOPIC.Properties, Subscription: [{ Protocol: 'email', Endpoint: 'a@example.com' }] },
    };
    expect(checkRule(rule, inline, { production, others: { Published: PUBLISHED } })).toBe('compliant');
  });

  it('does not count a subscription on another topic', () => {
    const elsewhere: CfnResource = {
      ...EMAIL,
      Properties: { ...EMAIL.Properties, TopicArn: { Ref: 'OtherTopic' } },
    };
    expect(
      checkRule(rule, TOPIC, { production: true, others: { Published: PUBLISHED, Email: elsewhere } }),
    ).not.toBe('compliant');
  });

  it('leaves other environments and topics that are not the alarm topic alone', () => {
    expect(checkRule(rule, TOPIC, { production: false, others: { Published: PUBLISHED } })).toBe(
      'not-applicable',
    );
    expect(checkRule(rule, TOPIC, { production: true })).toBe('not-applicable');
  });
});

function service(targetGroups: string[]): CfnResource {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      LoadBalancers: targetGroups.map((tg) => ({
        ContainerName: 'web',
        ContainerPort: 8080,
        TargetGroupArn: { Ref: tg },
      })),
    },
  };
}

function dimensionsOf(tg: string) {
  return [
    { Name: 'LoadBalancer', Value: { Ref: 'LoadBalancerFullName' } },
    { Name: 'TargetGroup', Value: { 'Fn::GetAtt': [tg, 'TargetGroupFullName'] } },
  ];
}

function alarm(metric: string, tg: string): CfnResource {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: { MetricName: metric, Namespace: 'AWS/ApplicationELB', Dimensions: dimensionsOf(tg) },
  };
}

/** One alarm over both target groups of a blue/green service, through metric math. */
function combinedAlarm(metric: string, tgs: string[]): CfnResource {
  return {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      Metrics: [
        { Id: 'expr_1', Expression: 'MAX([m1, m2])' },
        ...tgs.map((tg, i) => ({
          Id: `m${i + 1}`,
          ReturnData: false,
          MetricStat: {
            Metric: { MetricName: metric, Namespace: 'AWS/ApplicationELB', Dimensions: dimensionsOf(tg) },
            Period: 60,
            Stat: 'p99',
          },
        })),
      ],
    },
  };
}

describe("Slipway-OBS2 a public service's 5xx and latency alarms", () => {
  const rule = observabilityPublicServiceAlarms;

  it('accepts a public service with both alarms on its target group', () => {
    const others = {
      Errors: alarm('HTTPCode_Target_5XX_Count', 'Blue'),
      Latency: alarm('TargetResponseTime', 'Blue'),
    };
    expect(checkRule(rule, service(['Blue']), { others })).toBe('compliant');
  });

  it('accepts alarms that combine both target groups of a blue/green service', () => {
    const others = {
      Errors: combinedAlarm('HTTPCode_Target_5XX_Count', ['Blue', 'Green']),
      Latency: combinedAlarm('TargetResponseTime', ['Blue', 'Green']),
    };
    expect(checkRule(rule, service(['Blue', 'Green']), { others })).toBe('compliant');
  });

  it('names the alarm that is missing, and ignores alarms on another target group', () => {
    expect(
      checkRule(rule, service(['Blue']), { others: { Errors: alarm('HTTPCode_Target_5XX_Count', 'Blue') } }),
    ).toEqual({ detail: 'no alarm watches latency (TargetResponseTime) on target group Blue' });
    const others = {
      Errors: alarm('HTTPCode_Target_5XX_Count', 'Elsewhere'),
      Latency: alarm('TargetResponseTime', 'Blue'),
    };
    expect(checkRule(rule, service(['Blue']), { others })).toEqual({
      detail: 'no alarm watches 5xx (HTTPCode_Target_5XX_Count) on target group Blue',
    });
  });

  it('leaves internal services alone', () => {
    expect(checkRule(rule, service([]))).toBe('not-applicable');
  });
});
