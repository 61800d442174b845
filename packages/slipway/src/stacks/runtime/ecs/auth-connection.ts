import { Fn } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ServiceModel } from '../../../model/types.js';
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
