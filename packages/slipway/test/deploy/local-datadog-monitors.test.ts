import {
  ActivateTypeCommand,
  BatchDescribeTypeConfigurationsCommand,
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  DescribeTypeCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import {
  DATADOG_MONITOR_TYPE,
  datadogMonitorPublicTypeArn,
} from '../../src/config/data/datadog-monitor-type.js';
import type { DeployEvent } from '../../src/deploy/deploy-events.js';
import { ensureDatadogMonitorType } from '../../src/deploy/datadog-monitor-type.js';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { DATADOG_MONITORS_EMULATOR_LIMIT, LOCAL_ACCOUNT } from '../../src/local-cloud/emulator-limits.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { useConfigFile } from '../support/config-file.js';

/** One internal service on Datadog's EU site with an application key: its monitors go to the monitoring stack. */
const CONFIG = `export default {
  app: 'watched',
  github: { repository: 'acme/watched' },
  secrets: {
    'datadog-api-key': { secretsManager: 'watched/datadog-api-key' },
    'datadog-app-key': { secretsManager: 'watched/datadog-app-key' },
  },
  services: { api: { port: 8080, public: false, cpu: 256, memory: 1024 } },
  observability: {
    provider: 'datadog',
    dashboard: false,
    datadog: { apiKeySecret: 'datadog-api-key', appKeySecret: 'datadog-app-key', site: 'datadoghq.eu' },
  },
  environments: {
    dev: { account: '111111111111', region: 'eu-west-1', availabilityZones: ['eu-west-1a', 'eu-west-1b'] },
  },
};
`;

describe('Datadog monitors on the local emulator', () => {
  const emulator = useEmulator();
  const file = useConfigFile(CONFIG, 'slipway-datadog-');

  it('activates and configures the type before the monitoring stack, records the monitors, and does it again unchanged', async () => {
    const events: DeployEvent[] = [];
    const deployed = await deployEnvironment(file.model, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
      onEvent: (e) => events.push(e),
    });
    expect(deployed.stacks.at(-1)?.name).toBe('watched-dev-monitoring');
    expect(deployed.emulatorLimits).toContain(DATADOG_MONITORS_EMULATOR_LIMIT);

    // The type is activated and configured after the monitoring stack starts and before it is done.
    const steps = events
      .filter((e) => e.kind === 'note' || e.kind === 'stack-start' || e.kind === 'stack-done')
      .map((e) =>
        e.kind === 'note' ? e.message.split(' (')[0] : `${e.kind} ${(e as { stack: string }).stack}`,
      );
    const start = steps.indexOf('stack-start watched-dev-monitoring');
    expect(start).toBeGreaterThan(0);
    expect(steps.slice(start, start + 3)).toEqual([
      'stack-start watched-dev-monitoring',
      'activated Datadog::Monitors::Monitor',
      'stack-done watched-dev-monitoring',
    ]);

    const cfn = new CloudFormationClient(emulator.config('eu-west-1'));
    const type = await cfn.send(
      new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: DATADOG_MONITOR_TYPE }),
    );
    expect(type.IsActivated).toBe(true);
    expect(type.OriginalTypeArn).toBe(datadogMonitorPublicTypeArn('aws', 'eu-west-1'));
    const { TypeConfigurations } = await cfn.send(
      new BatchDescribeTypeConfigurationsCommand({ TypeConfigurationIdentifiers: [{ TypeArn: type.Arn }] }),
    );
    expect(JSON.parse(TypeConfigurations?.[0]?.Configuration ?? '{}')).toEqual({
      DatadogCredentials: {
        ApiKey: '{{resolve:secretsmanager:watched/datadog-api-key:SecretString}}',
        ApplicationKey: '{{resolve:secretsmanager:watched/datadog-app-key:SecretString}}',
        ApiURL: 'https://api.datadoghq.eu',
      },
    });

    const resources = await cfn.send(new ListStackResourcesCommand({ StackName: 'watched-dev-monitoring' }));
    const monitors = (resources.StackResourceSummaries ?? []).filter(
      (r) => r.ResourceType === DATADOG_MONITOR_TYPE,
    );
    // An internal service without traces: its task and error-log monitors.
    expect(monitors).toHaveLength(2);
    for (const monitor of monitors) {
      expect(monitor.ResourceStatus).toBe('CREATE_COMPLETE');
      expect(monitor.PhysicalResourceId).toMatch(/^\d+$/);
    }

    const again: DeployEvent[] = [];
    const second = await deployEnvironment(file.model, 'dev', {
      target: 'local',
      stateDir: emulator.stateDir,
      onEvent: (e) => again.push(e),
    });
    expect(second.stacks.find((s) => s.name === 'watched-dev-monitoring')?.action).toBe('unchanged');
    const note = again.find((e) => e.kind === 'note' && e.message.includes(DATADOG_MONITOR_TYPE));
    expect(note?.kind === 'note' && note.message.startsWith('found ')).toBe(true);
    const diff = await diffEnvironment(file.model, 'dev', emulator.target());
    expect(diff.stacks.flatMap((st) => st.changes)).toEqual([]);
    cfn.destroy();
  });

  it('activates only once, says when another major version is active, and refuses an undeclared key', async () => {
    const env = file.model.environments.find((e) => e.name === 'dev')!;
    const local = { ...env, account: LOCAL_ACCOUNT };
    const connection = { target: 'local' as const, endpoint: emulator.endpoint };
    const first = await ensureDatadogMonitorType(connection, local);
    expect(first).toMatchObject({ activated: true });
    expect(first?.otherMajorVersion).toBeUndefined();
    expect((await ensureDatadogMonitorType(connection, local))?.activated).toBe(false);

    const cfn = new CloudFormationClient(emulator.config('eu-west-1'));
    await cfn.send(
      new ActivateTypeCommand({
        PublicTypeArn: datadogMonitorPublicTypeArn('aws', 'eu-west-1'),
        MajorVersion: 3,
      }),
    );
    expect((await ensureDatadogMonitorType(connection, local))?.otherMajorVersion).toBe('3.0.0');
    cfn.destroy();

    const undeclared = { ...local, secrets: local.secrets.filter((s) => s.name !== 'datadog-app-key') };
    await expect(ensureDatadogMonitorType(connection, undeclared)).rejects.toThrow(
      "no secret named 'datadog-app-key' is declared in dev",
    );
  });

  it('fails a stack naming a monitor while the type is not activated, as CloudFormation does', async () => {
    const cfn = new CloudFormationClient(emulator.config('eu-west-1'));
    await cfn.send(
      new CreateStackCommand({
        StackName: 'unactivated',
        TemplateBody: JSON.stringify({
          Resources: {
            Monitor: {
              Type: DATADOG_MONITOR_TYPE,
              Properties: { Type: 'query alert', Query: 'avg(last_5m):avg:system.load.1{*} > 4' },
            },
          },
        }),
      }),
    );
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'unactivated' }));
    expect(Stacks?.[0]?.StackStatus).toBe('ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'unactivated' }));
    const failed = StackEvents?.find(
      (e) => e.LogicalResourceId === 'Monitor' && e.ResourceStatus === 'CREATE_FAILED',
    );
    expect(failed?.ResourceStatusReason).toContain('Datadog::Monitors::Monitor is not activated');
    cfn.destroy();
  });
});
