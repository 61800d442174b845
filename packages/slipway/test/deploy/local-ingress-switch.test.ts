import path from 'node:path';
import { CloudFormationClient, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { DeleteParameterCommand, GetParametersByPathCommand, SSMClient } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { DeployEvent } from '../../src/deploy/deploy-events.js';
import { PrivateNameRefusedError, StackFailedError } from '../../src/deploy/errors.js';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import type { Ingress } from '../../src/model/ingress.js';
import type { AppModel } from '../../src/model/types.js';
import type { CfnTemplate } from '../../src/template/types.js';
import { useEmulator } from '../local-cloud/emulator.js';

const config = path.resolve(import.meta.dirname, '../../../../examples/medications/slipway.config.ts');
const HOST = 'api.medications.internal';

/** Medications with dev's ingress set to `ingress`, as its config would set it. */
function onIngress(model: AppModel, ingress: Ingress): AppModel {
  return {
    ...model,
    environments: model.environments.map((env) =>
      env.name === 'dev'
        ? { ...env, ingress, ingressChoice: { ...env.ingressChoice, ingress, set: true } }
        : env,
    ),
  };
}

describe('switching an environment between ingresses on the local emulator', () => {
  const emulator = useEmulator();
  let model: AppModel;

  beforeAll(async () => {
    model = await loadConfig(config);
  });

  async function runtimeTypes(): Promise<string[]> {
    const body = (
      await new CloudFormationClient(emulator.config()).send(
        new GetTemplateCommand({ StackName: 'medications-dev-runtime' }),
      )
    ).TemplateBody;
    const template = JSON.parse(body ?? '{}') as CfnTemplate;
    return [...new Set(Object.values(template.Resources ?? {}).map((r) => r.Type))];
  }

  async function runtimeKeys(): Promise<string[]> {
    const found = await new SSMClient(emulator.config()).send(
      new GetParametersByPathCommand({ Path: '/medications/dev/runtime' }),
    );
    return (found.Parameters ?? []).map((p) => p.Name!.split('/').at(-1)!).sort();
  }

  /** Deploys dev on `ingress`, allowing the private name to go dark, and returns the notes it printed. */
  async function switchTo(ingress: Ingress): Promise<string[]> {
    const notes: string[] = [];
    const onEvent = (event: DeployEvent) => {
      if (event.kind === 'note') notes.push(event.message);
    };
    await deployEnvironment(onIngress(model, ingress), 'dev', {
      ...emulator.target(),
      allowReplace: [HOST],
      onEvent,
    });
    const diff = await diffEnvironment(onIngress(model, ingress), 'dev', emulator.target());
    expect(diff.stacks.flatMap((s) => s.changes)).toEqual([]);
    return notes;
  }

  it('refuses the switch until the private name may go dark, then detaches, swaps and attaches, both ways and back', async () => {
    await deployEnvironment(onIngress(model, 'load-balancer'), 'dev', emulator.target());
    expect(await runtimeTypes()).toContain('AWS::ElasticLoadBalancingV2::LoadBalancer');

    // The service's Cloud Map entry changes record types (A → A and SRV): refused, nothing deployed.
    const said: string[] = [];
    const refused = deployEnvironment(onIngress(model, 'http-api'), 'dev', {
      ...emulator.target(),
      onEvent: (event) => {
        if (event.kind === 'note') said.push(event.message);
      },
    });
    await expect(refused).rejects.toThrow(PrivateNameRefusedError);
    await expect(refused).rejects.toThrow(HOST);
    // Why the names go dark is said first: the config moved dev to the other ingress.
    expect(said).toContainEqual(
      expect.stringMatching(/^dev is deployed on the load balancer and the config puts it on the HTTP API/),
    );
    expect(await runtimeTypes()).toContain('AWS::ElasticLoadBalancingV2::LoadBalancer');
    // The diff says the same, beside the private name it lists.
    const noted: string[] = [];
    const diff = await diffEnvironment(onIngress(model, 'http-api'), 'dev', {
      ...emulator.target(),
      onEvent: (event) => {
        if (event.kind === 'note') noted.push(event.message);
      },
    });
    expect(diff.privateNames.map((c) => c.host)).toEqual([HOST]);
    expect(noted).toContainEqual(expect.stringMatching(/^dev is deployed on the load balancer/));

    const toApi = await switchTo('http-api');
    expect(toApi).toContainEqual(
      expect.stringMatching(/^switching dev from the load balancer to the HTTP API/),
    );
    expect(toApi).toContainEqual('medications-dev-api: detaching from the old ingress…');
    const api = await runtimeTypes();
    expect(api).toContain('AWS::ApiGatewayV2::Api');
    expect(api).not.toContain('AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(await runtimeKeys()).toEqual(expect.arrayContaining(['http-api-id', 'vpc-link-id']));
    expect(await runtimeKeys()).not.toContain('alb-arn');

    const back = await switchTo('load-balancer');
    expect(back).toContainEqual(
      expect.stringMatching(/^switching dev from the HTTP API to the load balancer/),
    );
    expect(await runtimeTypes()).toContain('AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(await runtimeKeys()).not.toContain('http-api-id');

    // Again: what the first switch removed is made anew, not taken for still there.
    await switchTo('http-api');
    expect(await runtimeKeys()).toEqual(expect.arrayContaining(['http-api-id', 'vpc-link-id']));

    // A deploy on the same ingress detaches nothing.
    const same = await switchTo('http-api');
    expect(same.filter((note) => note.startsWith('switching'))).toEqual([]);
  });

  it("names CloudFormation's own reason when a stack rolls back with no failed resource to name", async () => {
    await deployEnvironment(model, 'dev', { ...emulator.target(), provision: false });
    // The service stack reads the API's id from this parameter; without it the update cannot start.
    await new SSMClient(emulator.config()).send(
      new DeleteParameterCommand({ Name: '/medications/dev/runtime/http-api-id' }),
    );
    const changed: AppModel = {
      ...model,
      environments: model.environments.map((env) =>
        env.name === 'dev'
          ? {
              ...env,
              services: env.services.map((s) => ({ ...s, environment: { ...s.environment, X: '1' } })),
            }
          : env,
      ),
    };
    const error = await deployEnvironment(changed, 'dev', {
      ...emulator.target(),
      provision: false,
      only: 'services',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackFailedError);
    expect((error as StackFailedError).failure.detail).toMatch(/\/medications\/dev\/runtime\/http-api-id/);
  });
});
