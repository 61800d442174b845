import { Fn } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { callerClient, type MachineClientModel } from '../../../model/auth.js';
import type { EnvironmentModel, ServiceModel } from '../../../model/types.js';
import { dataKeys, type EnvironmentRef, readValue } from '../../shared/cross-stack.js';
import { ModelError } from '../../shared/model-error.js';

/** The variables the sample service's token check reads (decision 018). */
export const AUTH_VARIABLES = ['AUTH_USER_POOL_ID', 'AUTH_CLIENT_IDS', 'AUTH_WRITE_SCOPE'] as const;

/**
 * A service's token check: the pool's id and the ids of the clients it accepts, read at deploy
 * time from the data layer's parameters of the environment `where` names (a preview reads the
 * copied environment's pool), and the scope a write needs. Nothing for a service without `auth`.
 */
export function authEnvironment(
  scope: Construct,
  where: EnvironmentRef,
  service: ServiceModel,
  path: string,
): Record<string, string> {
  const auth = service.auth;
  if (auth === undefined) return {};
  for (const name of AUTH_VARIABLES) {
    if (service.environment[name] !== undefined) {
      throw new ModelError(
        `${path}.environment.${name}`,
        `${name} is set by Slipway for the service's auth`,
        'Remove it from environment.',
      );
    }
  }
  if (auth.clients.length === 0) {
    throw new ModelError(`${path}.auth`, 'no client may call the service', 'Declare a client under auth.');
  }
  const clientIds = auth.clients.map((client) => readValue(scope, where, 'data', dataKeys.clientId(client)));
  return {
    AUTH_USER_POOL_ID: readValue(scope, where, 'data', dataKeys.userPoolId),
    AUTH_CLIENT_IDS: Fn.join(',', clientIds),
    ...(auth.writeScope === undefined ? {} : { AUTH_WRITE_SCOPE: auth.writeScope }),
  };
}

/** What a service that signs in as a machine client gets: three plain variables and one secret. */
export const CALLER_VARIABLES = [
  'AUTH_TOKEN_URL',
  'AUTH_CALLER_CLIENT_ID',
  'AUTH_CALLER_SCOPES',
  'AUTH_CALLER_CLIENT_SECRET',
] as const;

/**
 * The machine client the service signs in as, or undefined. Its variables are Slipway's: the team's
 * `environment` or `secrets` may not set them too.
 */
function callerOf(
  env: EnvironmentModel,
  service: ServiceModel,
  path: string,
): MachineClientModel | undefined {
  const client = callerClient(env.auth, service.name);
  if (client === undefined) return undefined;
  for (const name of CALLER_VARIABLES) {
    for (const [field, values] of [
      ['environment', service.environment],
      ['secrets', service.secrets],
    ] as const) {
      if (values[name] !== undefined) {
        throw new ModelError(
          `${path}.${field}.${name}`,
          `${name} is set by Slipway for machine client '${client.name}'`,
          `Remove it from ${field}.`,
        );
      }
    }
  }
  return client;
}

/**
 * The caller side of a service that signs in as a machine client (client-credentials grant): the
 * pool's token endpoint, the client's id and the scopes to ask for (space-separated, as the grant's
 * `scope` parameter takes them). The domain prefix and the id are read at deploy time from the
 * data layer of the environment `where` names, as for the token check.
 */
export function callerEnvironment(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
  service: ServiceModel,
  path: string,
): Record<string, string> {
  const client = callerOf(env, service, path);
  if (client === undefined) return {};
  const domainPrefix = readValue(scope, where, 'data', dataKeys.userPoolDomain);
  return {
    AUTH_TOKEN_URL: Fn.join('', [
      'https://',
      domainPrefix,
      `.auth.${env.region}.amazoncognito.com/oauth2/token`,
    ]),
    AUTH_CALLER_CLIENT_ID: readValue(scope, where, 'data', dataKeys.clientId(client.name)),
    AUTH_CALLER_SCOPES: client.scopes.join(' '),
  };
}

/**
 * The client's secret as a container secret: ECS reads it at task start with the execution role,
 * whose grant names this one secret's ARN (published by the data stack).
 */
export function callerSecrets(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
  service: ServiceModel,
  path: string,
): Record<string, ecs.Secret> {
  const client = callerOf(env, service, path);
  if (client === undefined) return {};
  const secret = secretsmanager.Secret.fromSecretCompleteArn(
    scope,
    'AuthCallerSecret',
    readValue(scope, where, 'data', dataKeys.clientSecretArn(client.name)),
  );
  return { AUTH_CALLER_CLIENT_SECRET: ecs.Secret.fromSecretsManager(secret) };
}
