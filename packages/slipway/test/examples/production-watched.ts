import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, DescribeAlarmsCommand, ListDashboardsCommand } from '@aws-sdk/client-cloudwatch';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { expect } from 'vitest';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { dashboardName } from '../../src/stacks/shared/resource-names.js';
import type { TestEmulator } from '../local-cloud/emulator.js';
import {
  alarmsThatMustReachSomeone,
  routedAlarmNames,
  type SeenAlarm,
  servicesWithCanaries,
} from './watched-production.js';

/**
 * After a deploy of `prod` to the emulator: what it recorded (alarms with their actions, the
 * topic's subscriptions, the dashboard, the canaries) is what AWS would hold, so "a person hears of
 * it" is checked on the deployed thing, not on the plan.
 */
export async function expectProductionWatched(
  emulator: TestEmulator,
  model: AppModel,
  prod: EnvironmentModel,
): Promise<void> {
  const settings = emulator.config(prod.region);
  const topicArn = (
    await new SSMClient(settings).send(
      new GetParameterCommand({ Name: `/${model.app}/${prod.name}/runtime/alarm-topic-arn` }),
    )
  ).Parameter?.Value;
  expect(topicArn).toMatch(/^arn:aws:sns:/);
  const subscriptions =
    (await new SNSClient(settings).send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn })))
      .Subscriptions ?? [];
  expect(subscriptions.map((s) => s.Protocol)).toContain('email');

  const routed = routedAlarmNames(await alarmsIn(settings, topicArn ?? ''));
  const mustReach = alarmsThatMustReachSomeone(model.app, prod);
  expect(mustReach.length).toBeGreaterThan(0);
  expect(mustReach.filter((alarm) => !routed.has(alarm))).toEqual([]);

  const cloudwatch = new CloudWatchClient(settings);
  const dashboards = (await cloudwatch.send(new ListDashboardsCommand({}))).DashboardEntries ?? [];
  expect(dashboards.map((d) => d.DashboardName)).toContain(dashboardName(model.app, prod.name));

  const monitoring =
    (
      await new CloudFormationClient(settings).send(
        new DescribeStackResourcesCommand({ StackName: `${model.app}-${prod.name}-monitoring` }),
      )
    ).StackResources ?? [];
  const canaries = monitoring.filter(
    (r) => r.ResourceType === 'AWS::Synthetics::Canary' && r.ResourceStatus === 'CREATE_COMPLETE',
  );
  expect(canaries).toHaveLength(servicesWithCanaries(prod).length);
}

/** The region's metric and composite alarms, each with whether it notifies the topic. */
async function alarmsIn(
  settings: ReturnType<TestEmulator['config']>,
  topicArn: string,
): Promise<SeenAlarm[]> {
  const cloudwatch = new CloudWatchClient(settings);
  const seen: SeenAlarm[] = [];
  let token: string | undefined;
  do {
    const page = await cloudwatch.send(
      new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], NextToken: token }),
    );
    for (const alarm of page.MetricAlarms ?? [])
      seen.push({ name: alarm.AlarmName ?? '', notifies: (alarm.AlarmActions ?? []).includes(topicArn) });
    for (const alarm of page.CompositeAlarms ?? [])
      seen.push({
        name: alarm.AlarmName ?? '',
        notifies: (alarm.AlarmActions ?? []).includes(topicArn),
        rule: alarm.AlarmRule ?? '',
      });
    token = page.NextToken;
  } while (token);
  return seen;
}
