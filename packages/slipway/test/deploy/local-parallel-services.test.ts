import { CloudFormationClient, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import type { DeployEvent } from '../../src/deploy/deploy-events.js';
import { deployEnvironment, destroyEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { useConfigFile } from '../support/config-file.js';

/** Ten services, public and internal: the app size the default concurrency (10) deploys at once. */
const CONFIG = `export default {
  app: 'fleet',
  github: { repository: 'acme/fleet' },
  services: {
    web: { port: 3000 },
    api: { port: 8080, paths: ['/api/*'] },
    admin: { port: 8081, paths: ['/admin/*'] },
    queue: { port: 9000, public: false },
    worker: { port: 9001, public: false },
    mailer: { port: 9002, public: false },
    search: { port: 9003, public: false },
    billing: { port: 9004, public: false },
    reports: { port: 9005, public: false },
    audit: { port: 9006, public: false },
  },
  environments: {
    dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
  },
};
`;

/** The most stacks between their start and their end at any one time, from the progress events. */
function mostAtOnce(events: readonly DeployEvent[]): number {
  let running = 0;
  let most = 0;
  for (const event of events) {
    if (event.kind === 'stack-start') most = Math.max(most, ++running);
    if (event.kind === 'stack-done') running -= 1;
  }
  return most;
}

describe('service stacks deployed and destroyed in parallel on the local emulator', () => {
  const emulator = useEmulator();
  const file = useConfigFile(CONFIG, 'slipway-parallel-');

  async function liveStacks(): Promise<string[]> {
    const listed = await new CloudFormationClient(emulator.config()).send(new ListStacksCommand({}));
    return (listed.StackSummaries ?? [])
      .filter((s) => s.StackStatus !== 'DELETE_COMPLETE')
      .map((s) => s.StackName ?? '');
  }

  it('deploys ten services all at once (the default), leaves no diff, then deletes them --concurrency 3 at a time before the layers', async () => {
    const services = file.model.environments[0]?.services.map((s) => `fleet-dev-${s.name}`) ?? [];
    expect(services).toHaveLength(10);

    // No --concurrency: the config's default, ten at once.
    const events: DeployEvent[] = [];
    const deployed = await deployEnvironment(file.model, 'dev', {
      ...emulator.target(),
      onEvent: (event) => events.push(event),
    });
    expect(file.model.delivery?.deployConcurrency).toBe(10);
    expect(mostAtOnce(events)).toBe(10);
    // The result keeps the plan's order whatever order the services finished in.
    const names = deployed.stacks.map((s) => s.name);
    expect(names.filter((n) => services.includes(n))).toEqual(services);
    expect(names.indexOf('fleet-dev-runtime')).toBeLessThan(names.indexOf(services[0]!));
    expect(names.at(-1)).toBe('fleet-dev-monitoring');
    expect(deployed.stacks.every((s) => s.action === 'created')).toBe(true);
    expect(await liveStacks()).toEqual(expect.arrayContaining(names));

    const diff = await diffEnvironment(file.model, 'dev', emulator.target());
    expect(diff.stacks.flatMap((s) => s.changes)).toEqual([]);

    // --concurrency wins over the config's delivery.deployConcurrency.
    const destroyEvents: DeployEvent[] = [];
    const twoAtOnce = { ...file.model, delivery: { ...file.model.delivery!, deployConcurrency: 2 } };
    const destroyed = await destroyEnvironment(twoAtOnce, 'dev', {
      ...emulator.target(),
      concurrency: 3,
      onEvent: (event) => destroyEvents.push(event),
    });
    expect(mostAtOnce(destroyEvents)).toBe(3);
    const environmentStacks = names.filter((n) => n !== 'fleet-ci');
    expect(destroyed.destroyed).toEqual([...environmentStacks].reverse());
    // Every service stack had gone before the first layer stack started to go.
    const starts = destroyEvents.flatMap((e) => (e.kind === 'stack-start' ? [e.stack] : []));
    const dones = destroyEvents.flatMap((e) => (e.kind === 'stack-done' ? [e.stack] : []));
    const runtimeStart = destroyEvents.findIndex(
      (e) => e.kind === 'stack-start' && e.stack === 'fleet-dev-runtime',
    );
    const lastServiceDone = Math.max(
      ...services.map((s) => destroyEvents.findIndex((e) => e.kind === 'stack-done' && e.stack === s)),
    );
    expect(lastServiceDone).toBeLessThan(runtimeStart);
    expect(new Set(starts)).toEqual(new Set(dones));
    const left = await liveStacks();
    expect(left.filter((n) => environmentStacks.includes(n))).toEqual([]);
  });
});
