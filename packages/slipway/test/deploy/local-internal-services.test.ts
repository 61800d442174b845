import {
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it } from 'vitest';
import { deployEnvironment } from '../../src/deploy/index.js';
import { previewDown, previewUp } from '../../src/preview/index.js';
import { runCli } from '../cli/run-cli.js';
import { useEmulator } from '../local-cloud/emulator.js';
import { useConfigFile } from '../support/config-file.js';

/** Two internal services and no public one: no environment, and no preview, has a load balancer. */
const CONFIG = `export default {
  app: 'jobs',
  github: { repository: 'acme/jobs' },
  services: {
    queue: { port: 9000, public: false },
    worker: { port: 9001, public: false },
  },
  delivery: { previewBranches: ['feat/'] },
  environments: {
    dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] },
  },
};
`;

describe('an app of internal services on the local emulator', () => {
  const emulator = useEmulator();
  const file = useConfigFile(CONFIG, 'slipway-internal-');

  async function loadBalancers(): Promise<number> {
    const elb = new ElasticLoadBalancingV2Client(emulator.config());
    return ((await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? []).length;
  }

  it('deploys dev without a load balancer, and runs a preview with no address', async () => {
    const deployed = await deployEnvironment(file.model, 'dev', emulator.target());
    expect(deployed.stacks.map((s) => s.name)).toEqual([
      'jobs-ci',
      'jobs-dev-network',
      'jobs-dev-runtime',
      'jobs-dev-queue',
      'jobs-dev-worker',
      'jobs-dev-monitoring',
    ]);
    expect(deployed.stacks.flatMap((s) => Object.keys(s.outputs))).not.toContain('LoadBalancerDnsName');
    expect(await loadBalancers()).toBe(0);

    const up = await previewUp(file.model, { ...emulator.target(), branch: 'feat/retry' });
    expect(up.action).toBe('created');
    expect(up.url).toBeUndefined();
    expect(await loadBalancers()).toBe(0);

    const down = await previewDown(file.model, { ...emulator.target(), branch: 'feat/retry' });
    expect(down.stackDeleted).toBe(true);
  });

  it('says on the command line that such a preview has no address', async () => {
    await deployEnvironment(file.model, 'dev', emulator.target());
    const common = ['--config', file.path, '--target', 'local', '--state-dir', emulator.stateDir];
    const up = await runCli('preview', 'up', '--branch', 'feat/cli', ...common);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(up.stdout).toMatch(/address\s+none: no service is public/);
    expect((await runCli('preview', 'down', '--branch', 'feat/cli', ...common)).code).toBe(0);
  });
});
