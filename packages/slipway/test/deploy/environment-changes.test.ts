import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { classifyEnvironmentChanges } from '../../src/deploy/environment-changes.js';
import { statefulChanges } from '../../src/deploy/replacement-guard.js';
import type { AppModel } from '../../src/model/types.js';
import type { SynthesizedStack } from '../../src/template/types.js';
import { buildApp } from '../../src/stacks/build-app.js';
import { synthesize } from '../../src/stacks/synthesize.js';

const config = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');

function templates(model: AppModel): SynthesizedStack[] {
  const dev = { ...model, environments: model.environments.filter((e) => e.name === 'dev') };
  return synthesize(buildApp(dev, { outdir: mkdtempSync(path.join(tmpdir(), 'slipway-env-changes-')) }));
}

describe('classifyEnvironmentChanges on the medications example', () => {
  let model: AppModel;
  let deployed: SynthesizedStack[];

  beforeAll(async () => {
    model = await loadConfig(config);
    deployed = templates(model);
  });

  it('carries replaced subnets through their SSM parameters to the database, which it flags', () => {
    // A smaller subnet mask re-cuts every subnet: the network stack replaces them and publishes
    // new ids; the data stack's template text does not change at all.
    const resized: AppModel = {
      ...model,
      environments: model.environments.map((e) => ({ ...e, network: { ...e.network, subnetMask: 21 } })),
    };
    const planned = templates(resized);
    const changes = classifyEnvironmentChanges(
      planned.map((stack, i) => ({
        name: stack.name,
        planned: stack.template,
        deployed: deployed[i]?.template,
      })),
    );
    const network = changes.find((c) => c.name === 'medications-dev-network');
    expect(
      network?.changes.filter((c) => c.type === 'AWS::EC2::Subnet' && c.action === 'replace'),
    ).toHaveLength(4);

    const data = changes.find((c) => c.name === 'medications-dev-data');
    expect(data?.changes.find((c) => c.logicalId === 'DatabaseMainSubnetGroup')?.action).toBe('modify');
    expect(data?.changes.find((c) => c.logicalId === 'DatabaseMainInstance')).toMatchObject({
      action: 'replace',
      stateful: true,
    });
    expect(statefulChanges(changes).map((c) => `${c.stack}/${c.logicalId}`)).toContain(
      'medications-dev-data/DatabaseMainInstance',
    );
  });

  it('sees a new network.cidr move the database to another VPC, through the parameters it reads', () => {
    // The network stack replaces the VPC and every subnet and publishes their new ids; the data
    // stack's template text is the same, but its subnet group and security group would follow.
    const moved: AppModel = {
      ...model,
      environments: model.environments.map((e) => ({
        ...e,
        network: { ...e.network, cidr: '10.20.0.0/16' },
      })),
    };
    const planned = templates(moved);
    const changes = classifyEnvironmentChanges(
      planned.map((stack, i) => ({
        name: stack.name,
        planned: stack.template,
        deployed: deployed[i]?.template,
      })),
    );
    const network = changes.find((c) => c.name === 'medications-dev-network');
    expect(network?.changes.find((c) => c.type === 'AWS::EC2::VPC')?.action).toBe('replace');

    const data = changes.find((c) => c.name === 'medications-dev-data');
    expect(data?.changes.find((c) => c.logicalId === 'DatabaseMainInstance')).toMatchObject({
      action: 'replace',
      stateful: true,
      moves: 'vpc',
    });
    expect(data?.changes.find((c) => c.logicalId === 'DatabaseMainSubnetGroup')).toMatchObject({
      stateful: true,
      moves: 'subnets',
    });
    expect(statefulChanges(changes).map((c) => `${c.stack}/${c.logicalId}`)).toEqual([
      'medications-dev-data/DatabaseMainSubnetGroup',
      'medications-dev-data/DatabaseMainInstance',
    ]);
  });

  it('finds no change at all between two syntheses of the same model', () => {
    const planned = templates(model);
    const changes = classifyEnvironmentChanges(
      planned.map((stack, i) => ({
        name: stack.name,
        planned: stack.template,
        deployed: deployed[i]?.template,
      })),
    );
    expect(changes.flatMap((c) => c.changes)).toEqual([]);
    expect(changes.map((c) => c.name)).toEqual(deployed.map((s) => s.name));
  });
});
