import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeMetricFiltersCommand } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import type { Ingress } from '../../src/model/ingress.js';
import { defaultObservability } from '../../src/model/observability.js';
import type { AppModel } from '../../src/model/types.js';
import { layerStackName } from '../../src/naming/names.js';
import { defaultIngressOf, devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/**
 * The dev floor app (a database and a public service) watched at every alarm level, with its
 * dashboard, behind `ingress`.
 */
function watched(ingress: Ingress): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      ...defaultIngressOf(env, ingress),
      observability: { ...defaultObservability(false), alarms: 'all' as const },
      stackNames: { ...env.stackNames, monitoring: layerStackName(model.app, env.name, 'monitoring') },
    })),
  };
}

describe('alarms and the dashboard on the local emulator', () => {
  const emulator = useEmulator();

  // Behind the load balancer the service is down without healthy targets, and the load balancer's
  // own 5xx have an alarm; behind the HTTP API without running tasks, and there is no load balancer.
  it.each([
    { ingress: 'load-balancer', signal: 'no-healthy-targets', balancer: true },
    { ingress: 'http-api', signal: 'no-running-tasks', balancer: false },
  ] as const)(
    'deploys the composite, the database alarms and a dashboard naming them behind the $ingress, and diffs to nothing',
    async ({ ingress, signal, balancer }) => {
      const model = watched(ingress);
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
          `AWS::CloudWatch::Alarm floor-dev-api-${signal} CREATE_COMPLETE`,
          'AWS::CloudWatch::CompositeAlarm floor-dev-api-down CREATE_COMPLETE',
        ]),
      );
      const monitoring = await made('floor-dev-monitoring');
      expect(monitoring).toEqual(
        expect.arrayContaining([
          'AWS::CloudWatch::Alarm floor-dev-main-db-cpu-high CREATE_COMPLETE',
          'AWS::CloudWatch::Dashboard floor-dev CREATE_COMPLETE',
        ]),
      );
      expect(monitoring.includes('AWS::CloudWatch::Alarm floor-dev-elb-5xx-high CREATE_COMPLETE')).toBe(
        balancer,
      );
      const logs = new CloudWatchLogsClient(emulator.config(env.region));
      const filters = await logs.send(
        new DescribeMetricFiltersCommand({
          metricNamespace: 'Slipway/floor/dev',
          metricName: 'api-error-lines',
        }),
      );
      expect(filters.metricFilters?.map((f) => f.filterPattern)).toEqual([
        expect.stringContaining('$.level'),
      ]);

      const unchanged = await diffEnvironment(model, env.name, emulator.target());
      expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
    },
  );
});
