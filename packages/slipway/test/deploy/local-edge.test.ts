import { PutParameterCommand, DeleteParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { readCrossRegionValues } from '../../src/deploy/cross-region-values.js';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import { DeployUsageError } from '../../src/deploy/errors.js';
import { EDGE_EMULATOR_LIMIT } from '../../src/local-cloud/emulator-limits.js';
import type { AppModel } from '../../src/model/types.js';
import { defaultIngressOf, devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/**
 * The dev floor app behind CloudFront: its environment's edge stack goes to us-east-1. The ingress
 * is resolved again with the edge, as the config code would: the edge's VPC origin needs the load
 * balancer, so the default gives it one.
 */
function withEdge(): AppModel {
  const model = devFloorModel();
  return {
    ...model,
    environments: model.environments.map((env) => {
      const edge = { priceClass: 'PriceClass_100' as const, cachedPaths: [] };
      return {
        ...env,
        edge,
        ...defaultIngressOf({ ...env, edge }),
        stackNames: { ...env.stackNames, edge: `floor-${env.name}-edge` },
      };
    }),
  };
}

describe('an edge on the local emulator', () => {
  const emulator = useEmulator();

  it("passes the load balancer's values across regions, and a diff notices when they change", async () => {
    const model = withEdge();
    const env = model.environments[0]!;
    expect(env.ingress).toBe('load-balancer');
    const result = await deployEnvironment(model, env.name, emulator.target());
    expect(result.stacks.map((s) => s.name)).toContain(`floor-${env.name}-edge`);
    expect(result.emulatorLimits).toContain(EDGE_EMULATOR_LIMIT);
    expect(
      (await diffEnvironment(model, env.name, emulator.target())).stacks.flatMap((s) => s.changes),
    ).toEqual([]);

    // As if the load balancer had been replaced: the runtime stack publishes a new ARN.
    const ssm = new SSMClient(emulator.config(env.region));
    const name = `/floor/${env.name}/runtime/alb-arn`;
    await ssm.send(
      new PutParameterCommand({
        Name: name,
        Value: `arn:aws:elasticloadbalancing:${env.region}:${env.account}:loadbalancer/app/floor-new/0123456789abcdef`,
        Type: 'String',
        Overwrite: true,
      }),
    );
    const drifted = await diffEnvironment(model, env.name, emulator.target());
    const edgeChanges = drifted.stacks.find((s) => s.name === `floor-${env.name}-edge`)?.changes ?? [];
    expect(edgeChanges.length).toBeGreaterThan(0);

    // Without the runtime stack's parameter, the edge cannot be given its origin: said, with the fix.
    await ssm.send(new DeleteParameterCommand({ Name: name }));
    const edge = await readCrossRegionValues(
      { target: 'local', endpoint: emulator.endpoint },
      env.account,
      `floor-${env.name}-edge`,
      {
        Metadata: {
          'Slipway::CrossRegionValues': { LoadBalancerArn: { region: env.region, parameter: name } },
        },
      } as never,
    ).catch((error: unknown) => error);
    expect(edge).toBeInstanceOf(DeployUsageError);
    expect((edge as Error).message).toMatch(/slipway deploy/);
  });
});
