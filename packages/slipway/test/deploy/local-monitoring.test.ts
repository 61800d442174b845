import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { defaultObservability } from '../../src/model/observability.js';
import type { AppModel } from '../../src/model/types.js';
import { layerStackName } from '../../src/naming/names.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The dev floor app (a database and a public service) watched at every alarm level, with its dashboard. */
function watched(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      observability: { ...defaultObservability(false), alarms: 'all' as const },
      stackNames: { ...env.stackNames, monitoring: layerStackName(model.app, env.name, 'monitoring') },
    })),
  };
}

describe('alarms and the dashboard on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys the composite, the database alarms and a dashboard naming them, and diffs to nothing', async () => {
    const model = watched();
    const env = model.environments[0]!;
    const deployed = await deployEnvironment(model, env.name, emulator.target());
    expect(deployed.stacks.at(-1)?.name).toBe('floor-dev-monitoring');

    // What each stack made, by type and physical id (an alarm's or dashboard's is its name).
    const cloudformation = new CloudFormationClient(emulator.config(env.region));
    const made = async (stack: string) =>
      (
        await cloudformation.send(new DescribeStackResourcesCommand({ StackName: stack }))
      ).StackResources?.map((r) => `${r.ResourceType} ${r.PhysicalResourceId} ${r.ResourceStatus}`) ?? [];
    expect(await made('floor-dev-api')).toEqual(
      expect.arrayContaining([
        'AWS::CloudWatch::Alarm floor-dev-api-5xx CREATE_COMPLETE',
        'AWS::CloudWatch::CompositeAlarm floor-dev-api-down CREATE_COMPLETE',
      ]),
    );
    expect(await made('floor-dev-monitoring')).toEqual(
      expect.arrayContaining([
        'AWS::CloudWatch::Alarm floor-dev-main-db-cpu-high CREATE_COMPLETE',
        'AWS::CloudWatch::Alarm floor-dev-elb-5xx-high CREATE_COMPLETE',
        'AWS::CloudWatch::Dashboard floor-dev CREATE_COMPLETE',
      ]),
    );
    const logs = new CloudWatchLogsClient(emulator.config(env.region));
    const filters = await logs.send(
      new DescribeMetricFiltersCommand({
        metricNamespace: 'Slipway/floor/dev',
        metricName: 'api-error-lines',
      }),
    );
    expect(filters.metricFilters?.map((f) => f.filterPattern)).toEqual([expect.stringContaining('$.level')]);

    const unchanged = await diffEnvironment(model, env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});
