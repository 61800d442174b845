import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { resolveAuth } from '../../src/config/resolve/auth.js';
import { deployEnvironment, diffEnvironment } from '../../src/deploy/index.js';
import type { AppModel } from '../../src/model/types.js';
import { devFloorModel } from '../fixtures/models.js';
import { useEmulator } from '../local-cloud/emulator.js';

/** The dev floor app with a pool: an SPA, a machine client the api signs in as, and the api checking writes. */
function withAuth(): AppModel {
  const model = devFloorModel();
  const services = model.environments[0]!.services.map((service) => service.name);
  const auth = resolveAuth(
    model.app,
    'dev',
    false,
    {
      resourceServers: { items: { scopes: { write: 'Change items' } } },
      appClients: { web: { callbackUrls: ['http://localhost:5173/callback'] } },
      // The api calls itself with the worker's token: one service is enough to see both sides.
      machineClients: { worker: { scopes: ['items/write'], service: 'api' } },
    },
    services,
  );
  return {
    ...model,
    environments: model.environments.map((env) => ({
      ...env,
      auth,
      services: env.services.map((service) => ({
        ...service,
        auth: { writeScope: 'items/write', clients: ['web', 'worker'] },
      })),
    })),
  };
}

/** A Cognito API call to the emulator; the kit has no Cognito client of its own to borrow. */
async function cognito(endpoint: string, action: string, body: object): Promise<Record<string, unknown>> {
  return awsJson(endpoint, 'cognito-idp', `AWSCognitoIdentityProviderService.${action}`, body);
}

/** A JSON-protocol API call to the emulator, which routes it by the service the signature names. */
async function awsJson(
  endpoint: string,
  service: string,
  target: string,
  body: object,
): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': target,
      Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('a user pool on the local emulator', () => {
  const emulator = useEmulator();

  it('deploys the pool and its clients, hands the service their ids, diffs to nothing, and updates in place', async () => {
    const model = withAuth();
    const env = model.environments[0]!;
    await deployEnvironment(model, env.name, emulator.target());

    const ssm = new SSMClient(emulator.config(env.region));
    const value = async (name: string) =>
      (await ssm.send(new GetParameterCommand({ Name: `/floor/dev/data/auth/${name}` }))).Parameter?.Value ??
      '';
    const poolId = await value('user-pool-id');
    expect(poolId).toMatch(/^us-east-1_/);
    expect(await value('domain-prefix')).toBe('floor-dev');

    const pool = (await cognito(emulator.endpoint, 'DescribeUserPool', { UserPoolId: poolId })).UserPool as {
      MfaConfiguration?: string;
      Policies?: { PasswordPolicy?: { MinimumLength?: number } };
    };
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.Policies?.PasswordPolicy?.MinimumLength).toBe(12);
    const worker = await value('clients/worker/id');
    const client = (
      await cognito(emulator.endpoint, 'DescribeUserPoolClient', { UserPoolId: poolId, ClientId: worker })
    ).UserPoolClient as {
      AllowedOAuthFlows?: string[];
      AllowedOAuthScopes?: string[];
      ClientSecret?: string;
    };
    expect(client.AllowedOAuthFlows).toEqual(['client_credentials']);
    expect(client.AllowedOAuthScopes).toEqual(['items/write']);
    expect(client.ClientSecret).toBeDefined();

    const ecs = new ECSClient(emulator.config(env.region));
    const task = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: env.stackNames.services.api! }),
    );
    const variables = Object.fromEntries(
      (task.taskDefinition?.containerDefinitions?.[0]?.environment ?? []).map((v) => [v.name, v.value]),
    );
    expect(variables).toMatchObject({
      AUTH_USER_POOL_ID: poolId,
      AUTH_CLIENT_IDS: `${await value('clients/web/id')},${worker}`,
      AUTH_WRITE_SCOPE: 'items/write',
      AUTH_TOKEN_URL: `https://floor-dev.auth.${env.region}.amazoncognito.com/oauth2/token`,
      AUTH_CALLER_CLIENT_ID: worker,
      AUTH_CALLER_SCOPES: 'items/write',
    });
    // The caller's secret: a container secret from the Secrets Manager copy of the client's secret.
    const secretArn = await value('clients/worker/secret-arn');
    expect(task.taskDefinition?.containerDefinitions?.[0]?.secrets).toContainEqual({
      name: 'AUTH_CALLER_CLIENT_SECRET',
      valueFrom: secretArn,
    });
    const copy = await awsJson(emulator.endpoint, 'secretsmanager', 'secretsmanager.GetSecretValue', {
      SecretId: secretArn,
    });
    expect(copy.Name).toBe('/floor/dev/data/auth/clients/worker/secret');
    expect(copy.SecretString).toBe(client.ClientSecret);

    const unchanged = await diffEnvironment(model, env.name, emulator.target());
    expect(unchanged.stacks.flatMap((s) => s.changes)).toEqual([]);

    // A changed setting updates the pool and the client in place: same users, same ids.
    const auth = env.auth!;
    const changed: AppModel = {
      ...model,
      environments: [
        {
          ...env,
          auth: {
            ...auth,
            userPool: { ...auth.userPool, mfa: 'required' },
            appClients: auth.appClients.map((c) => ({
              ...c,
              callbackUrls: ['https://floor.example.com/cb'],
            })),
          },
        },
      ],
    };
    await deployEnvironment(changed, env.name, emulator.target());
    expect(await value('user-pool-id')).toBe(poolId);
    expect(await value('clients/worker/id')).toBe(worker);
    const updated = (await cognito(emulator.endpoint, 'DescribeUserPool', { UserPoolId: poolId }))
      .UserPool as {
      MfaConfiguration?: string;
    };
    expect(updated.MfaConfiguration).toBe('ON');
    const web = (
      await cognito(emulator.endpoint, 'DescribeUserPoolClient', {
        UserPoolId: poolId,
        ClientId: await value('clients/web/id'),
      })
    ).UserPoolClient as { CallbackURLs?: string[] };
    expect(web.CallbackURLs).toEqual(['https://floor.example.com/cb']);
  });
});
