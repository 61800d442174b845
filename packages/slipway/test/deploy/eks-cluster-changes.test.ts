import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { classifyEnvironmentChanges } from '../../src/deploy/environment-changes.js';
import { statefulChanges } from '../../src/deploy/replacement-guard.js';
import type { AppModel, EnvironmentModel } from '../../src/model/types.js';
import { buildApp } from '../../src/stacks/build-app.js';
import { synthesize } from '../../src/stacks/synthesize.js';
import type { SynthesizedStack } from '../../src/template/types.js';

const config = path.resolve(import.meta.dirname, '../../../../examples/goapp/slipway.config.ts');

function templates(model: AppModel): SynthesizedStack[] {
  const dev = { ...model, environments: model.environments.filter((e) => e.name === 'dev') };
  return synthesize(buildApp(dev, { outdir: mkdtempSync(path.join(tmpdir(), 'slipway-eks-changes-')) }));
}

function changed(model: AppModel, edit: (env: EnvironmentModel) => EnvironmentModel) {
  return { ...model, environments: model.environments.map(edit) };
}

/** What the deploy guard says about changes to a deployed EKS environment (goapp's dev). */
describe('changes to an EKS cluster', () => {
  let model: AppModel;
  let deployed: SynthesizedStack[];

  beforeAll(async () => {
    model = await loadConfig(config);
    deployed = templates(model);
  });

  const clusterChange = (planned: SynthesizedStack[]) => {
    const changes = classifyEnvironmentChanges(
      planned.map((stack, i) => ({
        name: stack.name,
        planned: stack.template,
        deployed: deployed[i]?.template,
      })),
    );
    return { changes, cluster: changes.find((c) => c.name === 'goapp-dev-cluster') };
  };

  it('stops a new VPC from moving the cluster: EKS cannot, and a new cluster starts empty', () => {
    const { changes, cluster } = clusterChange(
      templates(changed(model, (e) => ({ ...e, network: { ...e.network, cidr: '10.40.0.0/16' } }))),
    );
    expect(cluster?.changes.find((c) => c.type === 'AWS::EKS::Cluster')).toMatchObject({
      stateful: true,
      moves: 'vpc',
    });
    expect(statefulChanges(changes).map((c) => `${c.stack}/${c.type}`)).toContain(
      'goapp-dev-cluster/AWS::EKS::Cluster',
    );
  });

  it('lets node pools grow in place without touching the cluster', () => {
    const { changes, cluster } = clusterChange(
      templates(
        changed(model, (e) => ({
          ...e,
          eks: { ...e.eks!, nodePools: e.eks!.nodePools.map((p) => ({ ...p, maxSize: p.maxSize + 2 })) },
        })),
      ),
    );
    expect(cluster?.changes.map((c) => `${c.type} ${c.action}`)).toEqual([
      'AWS::EKS::Nodegroup modify',
      'AWS::EKS::Nodegroup modify',
    ]);
    expect(statefulChanges(changes)).toEqual([]);
  });
});
