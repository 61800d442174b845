import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { UPTIME_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import { defaultObservability } from '../../src/model/observability.js';
import type { AppModel } from '../../src/model/types.js';
import { layerStackName } from '../../src/naming/names.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The dev floor app (a public service, no domain) with uptime on and nothing else to watch. */
function withUptime(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      observability: { ...defaultObservability(false), uptime: true, dashboard: false },
      stackNames: { ...env.stackNames, monitoring: layerStackName(model.app, env.name, 'monitoring') },
    })),
  };
}

describe('uptime canaries on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys a canary per public service with its alarm, says none runs, and diffs to nothing', async () => {
    const model = withUptime();
    const env = model.environments[0]!;
    const deployed = await deployEnvironment(model, env.name, emulator.target());
    expect(deployed.stacks.at(-1)?.name).toBe('floor-dev-monitoring');
    expect(deployed.emulatorLimits).toContain(UPTIME_EMULATOR_LIMIT);

    const cloudformation = new CloudFormationClient(emulator.config(env.region));
    const resources =
      (await cloudformation.send(new DescribeStackResourcesCommand({ StackName: 'floor-dev-monitoring' })))
        .StackResources ?? [];
    expect(resources.map((r) => `${r.ResourceType} ${r.PhysicalResourceId} ${r.ResourceStatus}`)).toEqual(
      expect.arrayContaining([
        'AWS::Synthetics::Canary floor-dev-api CREATE_COMPLETE',
        'AWS::CloudWatch::Alarm floor-dev-api-uptime CREATE_COMPLETE',
      ]),
    );

    const unchanged = await diffEnvironment(model, env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);
  });
});
