import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../local-cloud/emulator.js';

/**
 * Two internal services, web calling inventory by its private name, no database; the dev network
 * on `cidr`. A new CIDR replaces the VPC, so the private DNS namespace, so every Cloud Map service.
 */
function configFile(cidr: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'slipway-private-names-')), 'slipway.config.ts');
  writeFileSync(
    file,
    `export default {
      app: 'shop',
      github: { repository: 'acme/shop' },
      services: {
        inventory: { port: 8080, public: false },
        web: { port: 8081, public: false, environment: { INVENTORY_URL: 'http://inventory.shop.internal:8080' } },
      },
      environments: {
        dev: {
          account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'],
          network: { natGateways: 0, cidr: '${cidr}' },
        },
      },
    };`,
  );
  return file;
}

describe('private names that would stop resolving, on the local emulator', () => {
  const emulator = useEmulator();
  const slipway = (command: string, config: string, ...extra: string[]) =>
    emulator.cli(command, config, 'dev', ...extra);

  async function stackStatus(name: string): Promise<string | undefined> {
    const cfn = new CloudFormationClient(emulator.config());
    return (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]?.StackStatus;
  }

  it('are refused by deploy and listed by diff with their callers, until --allow-replace names them', async () => {
    const first = await slipway('deploy', configFile('10.0.0.0/16'));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);

    const moved = configFile('10.20.0.0/16');
    const refused = await slipway('deploy', moved);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('private names would stop resolving');
    expect(refused.stderr).toContain('Nothing was deployed');
    expect(refused.stderr).toMatch(
      /inventory\.shop\.internal {2}shop-dev-inventory\/\w+ would be replaced .*; called by service web \(INVENTORY_URL\)/,
    );
    expect(refused.stderr).toContain(
      '--allow-replace inventory.shop.internal --allow-replace web.shop.internal',
    );
    expect(await stackStatus('shop-dev-network')).toBe('CREATE_COMPLETE');

    const diff = await slipway('diff', moved);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('Private names that stop resolving');
    expect(diff.stdout).toMatch(
      /refused {2}inventory\.shop\.internal .*called by service web \(INVENTORY_URL\)/,
    );

    const allowed = await slipway(
      'deploy',
      moved,
      '--allow-replace',
      'inventory.shop.internal',
      '--allow-replace',
      'web.shop.internal',
    );
    expect(allowed.stderr).not.toContain('names no stateful resource or private name');
    expect(allowed.code).toBe(0);
    expect(await stackStatus('shop-dev-network')).toBe('UPDATE_COMPLETE');
  });
});
