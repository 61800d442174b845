import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { CacheModel, EnvironmentModel, ServiceModel } from '../../../model/types.js';
import { VALKEY_PORT } from '../../data/valkey-cache.js';
import { dataKeys, type EnvironmentRef, readValue } from '../../shared/cross-stack.js';
import { ModelError } from '../../shared/model-error.js';

/** The declared cache a service uses, or a model error naming the missing one. */
export function serviceCache(
  env: EnvironmentModel,
  service: ServiceModel,
  path: string,
): CacheModel | undefined {
  if (service.cache === undefined) return undefined;
  const caches = env.caches ?? [];
  const cache = caches.find((c) => c.name === service.cache);
  if (!cache) {
    throw new ModelError(
      `${path}.cache`,
      `no cache named '${service.cache}' is declared in ${env.name}`,
      `Declare it under caches or use one of: ${caches.map((c) => c.name).join(', ') || '(none)'}.`,
    );
  }
  return cache;
}

/**
 * `REDIS_URL` for a service with a cache: `rediss://` (TLS, which the cache requires) to the
 * primary endpoint, read at deploy time from the data layer's parameter of the environment `where`
 * names. No password: the cache admits only the security groups of the services that declare it.
 */
export function cacheEnvironment(
  scope: Construct,
  where: EnvironmentRef,
  service: ServiceModel,
  cache: CacheModel,
  path: string,
): Record<string, string> {
  if (service.environment.REDIS_URL !== undefined) {
    throw new ModelError(
      `${path}.environment.REDIS_URL`,
      "REDIS_URL is set by Slipway for the service's cache",
      'Remove it from environment.',
    );
  }
  const host = readValue(scope, where, 'data', dataKeys.cacheEndpointAddress(cache.name));
  return { REDIS_URL: `rediss://${host}:${VALKEY_PORT}` };
}

/**
 * Opens the cache to these tasks only: a rule on the cache's group, owned by the service stack so
 * it goes with the service.
 */
export function connectToCache(
  scope: Construct,
  where: EnvironmentRef,
  cache: CacheModel,
  securityGroup: ec2.ISecurityGroup,
): void {
  new ec2.CfnSecurityGroupIngress(scope, 'CacheIngress', {
    groupId: readValue(scope, where, 'data', dataKeys.cacheSecurityGroupId(cache.name)),
    sourceSecurityGroupId: securityGroup.securityGroupId,
    ipProtocol: 'tcp',
    fromPort: VALKEY_PORT,
    toPort: VALKEY_PORT,
    description: `${Stack.of(scope).stackName} tasks to the ${cache.name} cache`,
  });
}
