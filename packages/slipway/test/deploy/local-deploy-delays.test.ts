import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/deploy/connection.js';
import type { DeployEvent } from '../../src/deploy/deploy-events.js';
import { deployEnvironment } from '../../src/deploy/index.js';
import { EMULATOR_DELAY_VARIABLES, emulatorDelays } from '../../src/local-cloud/emulator-delays.js';
import { LocalCloudError } from '../../src/local-cloud/errors.js';
import { localCloudStatus, startLocalCloud, stopLocalCloud } from '../../src/local-cloud/launcher.js';
import { EMULATORS_VARIABLE } from '../emulators-teardown.js';
import { runCli } from '../cli/run-cli.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { useConfigFile } from '../support/config-file.js';

/** Small enough for a test, long enough to stand out from the emulator's own time. */
const SERVICE_SECONDS = 2;
const CANARY_BAKE_SECONDS = 1;

const CONFIG = `export default {
  app: 'trio',
  github: { repository: 'acme/trio' },
  services: {
    web: { port: 3000 },
    api: { port: 8080, paths: ['/api/*'] },
    worker: { port: 9001, public: false },
  },
  environments: {
    dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
  },
};
`;

/** A cluster, a task definition and, unless `withService` is false, one ECS service on them. */
function serviceTemplate(
  cluster: string,
  options: { withService?: boolean; canary?: boolean; desiredCount?: number } = {},
) {
  const resources: Record<string, unknown> = {
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: cluster } },
    Task: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: 'delayed',
        Cpu: '256',
        Memory: '512',
        ContainerDefinitions: [{ Name: 'web', Image: 'nginx:1.27' }],
      },
    },
  };
  if (options.withService ?? true) {
    resources.Service = {
      Type: 'AWS::ECS::Service',
      Properties: {
        Cluster: { Ref: 'Cluster' },
        TaskDefinition: { Ref: 'Task' },
        DesiredCount: options.desiredCount ?? 1,
        ServiceName: 'web',
        ...(options.canary
          ? { DeploymentConfiguration: { Strategy: 'CANARY', CanaryConfiguration: { CanaryPercent: 10 } } }
          : {}),
      },
    };
  }
  return JSON.stringify({ Resources: resources });
}

function client(endpoint: string) {
  return new CloudFormationClient({ region: 'us-east-1', endpoint, credentials: LOCAL_CREDENTIALS });
}

async function statusOf(cfn: CloudFormationClient, name: string): Promise<string> {
  return (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]?.StackStatus ?? '';
}

/** Polls as deploy tools do; the seconds from `since` until the stack left *_IN_PROGRESS. */
async function settledAfter(cfn: CloudFormationClient, name: string, since: number): Promise<number> {
  while ((await statusOf(cfn, name)).endsWith('_IN_PROGRESS')) await sleep(50);
  return (performance.now() - since) / 1000;
}

async function eventsOf(cfn: CloudFormationClient, name: string): Promise<string[]> {
  const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: name }))).StackEvents ?? [];
  return events.map((e) => `${e.LogicalResourceId} ${e.ResourceStatus}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('emulator delays: stacks reported in progress as long as on AWS', () => {
  const plain = useEmulator();
  const file = useConfigFile(CONFIG, 'slipway-delays-');
  // An emulator of its own, started with the delays; stopped by the run's teardown if this file dies.
  const delayedDir = mkdtempSync(path.join(process.env[EMULATORS_VARIABLE] ?? tmpdir(), 'slipway-delayed-'));
  let delayedEndpoint = '';

  beforeAll(async () => {
    const cloud = await startLocalCloud({
      stateDir: delayedDir,
      env: {
        ...process.env,
        [EMULATOR_DELAY_VARIABLES.service]: String(SERVICE_SECONDS),
        [EMULATOR_DELAY_VARIABLES.canaryBake]: String(CANARY_BAKE_SECONDS),
      },
    });
    delayedEndpoint = cloud.endpoint;
  });
  afterAll(async () => {
    await stopLocalCloud({ stateDir: delayedDir });
  });

  it('keeps a stack that creates an ECS service in progress for the delay, its work already done', async () => {
    const cfn = client(delayedEndpoint);
    const started = performance.now();
    await cfn.send(
      new CreateStackCommand({ StackName: 'one-service', TemplateBody: serviceTemplate('one-service') }),
    );

    expect(await statusOf(cfn, 'one-service')).toBe('CREATE_IN_PROGRESS');
    // The service and stack completions are held back; everything else has been reported.
    const early = await eventsOf(cfn, 'one-service');
    expect(early).toContain('Service CREATE_IN_PROGRESS');
    expect(early).toContain('Task CREATE_COMPLETE');
    expect(early).not.toContain('Service CREATE_COMPLETE');
    expect(early).not.toContain('one-service CREATE_COMPLETE');
    // The work itself is synchronous: the service exists while the stack still says in progress.
    const ecs = new ECSClient({
      region: 'us-east-1',
      endpoint: delayedEndpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    const listed = await ecs.send(new ListServicesCommand({ cluster: 'one-service' }));
    expect(listed.serviceArns).toEqual([expect.stringMatching(/service\/one-service\/web$/)]);

    const seconds = await settledAfter(cfn, 'one-service', started);
    expect(seconds).toBeGreaterThanOrEqual(SERVICE_SECONDS);
    expect(seconds).toBeLessThan(SERVICE_SECONDS + 1.5);
    expect(await statusOf(cfn, 'one-service')).toBe('CREATE_COMPLETE');
    // Newest first, as CloudFormation lists them: the stack's completion after its service's.
    const late = await eventsOf(cfn, 'one-service');
    expect(late.slice(0, 2)).toEqual(['one-service CREATE_COMPLETE', 'Service CREATE_COMPLETE']);
  });

  it('adds the canary bake for a CANARY service, waits again on an update that changes the service, not on one that leaves it', async () => {
    const cfn = client(delayedEndpoint);
    let started = performance.now();
    await cfn.send(
      new CreateStackCommand({
        StackName: 'canary',
        TemplateBody: serviceTemplate('canary', { canary: true }),
      }),
    );
    expect(await settledAfter(cfn, 'canary', started)).toBeGreaterThanOrEqual(
      SERVICE_SECONDS + CANARY_BAKE_SECONDS,
    );

    await cfn.send(
      new CreateStackCommand({
        StackName: 'no-service',
        TemplateBody: serviceTemplate('no-service', { withService: false }),
      }),
    );
    expect(await statusOf(cfn, 'no-service')).toBe('CREATE_COMPLETE');

    started = performance.now();
    await cfn.send(
      new CreateStackCommand({ StackName: 'rolling', TemplateBody: serviceTemplate('rolling') }),
    );
    await settledAfter(cfn, 'rolling', started);
    started = performance.now();
    await cfn.send(
      new UpdateStackCommand({
        StackName: 'rolling',
        TemplateBody: serviceTemplate('rolling', { desiredCount: 2 }),
      }),
    );
    expect(await statusOf(cfn, 'rolling')).toBe('UPDATE_IN_PROGRESS');
    expect(await settledAfter(cfn, 'rolling', started)).toBeGreaterThanOrEqual(SERVICE_SECONDS);
    expect(await statusOf(cfn, 'rolling')).toBe('UPDATE_COMPLETE');

    const withLogs = JSON.parse(serviceTemplate('rolling', { desiredCount: 2 }));
    withLogs.Resources.Logs = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'rolling' } };
    await cfn.send(new UpdateStackCommand({ StackName: 'rolling', TemplateBody: JSON.stringify(withLogs) }));
    expect(await statusOf(cfn, 'rolling')).toBe('UPDATE_COMPLETE');
  });

  it('deploys each service stack in at least the delay, three at once in well under three times it', async () => {
    const events: DeployEvent[] = [];
    const stamps = new Map<string, number>();
    const deployed = await deployEnvironment(file.model, 'dev', {
      target: 'local',
      stateDir: delayedDir,
      concurrency: 3,
      onEvent: (event) => {
        events.push(event);
        if (event.kind === 'stack-start' || event.kind === 'stack-done') {
          stamps.set(`${event.kind} ${event.stack}`, performance.now());
        }
      },
    });
    const services = ['trio-dev-web', 'trio-dev-api', 'trio-dev-worker'];
    const serviceStacks = deployed.stacks.filter((s) => services.includes(s.name));
    expect(serviceStacks).toHaveLength(3);
    for (const stack of serviceStacks) expect(stack.seconds).toBeGreaterThanOrEqual(SERVICE_SECONDS);
    // The layer stacks make no ECS service, so they do not wait.
    const layers = deployed.stacks.filter((s) => !services.includes(s.name));
    expect(layers.length).toBeGreaterThan(0);
    for (const stack of layers) expect(stack.seconds).toBeLessThan(SERVICE_SECONDS);

    const firstStart = Math.min(...services.map((s) => stamps.get(`stack-start ${s}`) ?? Number.NaN));
    const lastDone = Math.max(...services.map((s) => stamps.get(`stack-done ${s}`) ?? Number.NaN));
    const stepSeconds = (lastDone - firstStart) / 1000;
    expect(stepSeconds).toBeGreaterThanOrEqual(SERVICE_SECONDS);
    // Overlapped: well under three delays, and under half of what the three took one after another.
    expect(stepSeconds).toBeLessThan(3 * SERVICE_SECONDS);
    const oneAfterAnother = serviceStacks.reduce((sum, s) => sum + s.seconds, 0);
    expect(stepSeconds).toBeLessThan(oneAfterAnother / 2);
  });

  it('says which delays the emulator was started with, in local status and its JSON', async () => {
    const status = await runCli('local', 'status', '--state-dir', delayedDir);
    expect(status.stdout).toContain(
      `Stacks are reported in progress as on AWS: ${SERVICE_SECONDS} s more with ECS services, ${CANARY_BAKE_SECONDS} s more with a canary.`,
    );
    const json = JSON.parse((await runCli('local', 'status', '--json', '--state-dir', delayedDir)).stdout);
    expect(json.delays).toEqual({ stack: 0, service: SERVICE_SECONDS, canaryBake: CANARY_BAKE_SECONDS });
  });

  it('waits for nothing on an emulator started without the variables', async () => {
    const cfn = client(plain.endpoint);
    await cfn.send(
      new CreateStackCommand({ StackName: 'one-service', TemplateBody: serviceTemplate('one-service') }),
    );
    // Complete as the create call returns: not one poll in progress.
    expect(await statusOf(cfn, 'one-service')).toBe('CREATE_COMPLETE');
    expect(await eventsOf(cfn, 'one-service')).toContain('Service CREATE_COMPLETE');
  });

  it('refuses a delay that is not a number of seconds, naming the variable', async () => {
    expect(emulatorDelays({})).toEqual({ stack: 0, service: 0, canaryBake: 0 });
    expect(emulatorDelays({ [EMULATOR_DELAY_VARIABLES.stack]: '1.5' }).stack).toBe(1.5);
    expect(() => emulatorDelays({ [EMULATOR_DELAY_VARIABLES.service]: '30s' })).toThrow(LocalCloudError);
    expect(() => emulatorDelays({ [EMULATOR_DELAY_VARIABLES.service]: '-1' })).toThrow(
      /SLIPWAY_EMULATOR_SERVICE_SECONDS="-1" is not a number of seconds/,
    );
    // Before anything starts: no emulator runs with a delay other than the one asked for.
    const dir = mkdtempSync(path.join(tmpdir(), 'slipway-bad-delay-'));
    await expect(
      startLocalCloud({ stateDir: dir, env: { ...process.env, [EMULATOR_DELAY_VARIABLES.stack]: 'soon' } }),
    ).rejects.toThrow(/SLIPWAY_EMULATOR_STACK_SECONDS="soon"/);
    expect(await localCloudStatus({ stateDir: dir })).toEqual({ running: false });
    rmSync(dir, { recursive: true, force: true });
  });
});
