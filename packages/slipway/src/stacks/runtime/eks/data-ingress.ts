import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { EnvironmentModel } from '../../../model/types.js';
import { VALKEY_PORT } from '../../data/valkey-cache.js';
import { dataKeys, type EnvironmentRef, readValue } from '../../shared/cross-stack.js';
import { logicalIdPart } from '../../shared/logical-ids.js';

/**
 * Lets the cluster's pods reach the environment's databases and caches, each on its own port.
 * Pods on managed node groups use the nodes' network interfaces, which carry the cluster security
 * group; the rules sit on the data stack's groups (their ids read from SSM) and belong to this
 * stack, so they go with the cluster.
 */
export function dataIngress(
  scope: Construct,
  clusterSecurityGroupId: string,
  env: EnvironmentModel,
  where: EnvironmentRef,
): ec2.CfnSecurityGroupIngress[] {
  const cluster = `${where.app}-${where.env} cluster pods`;
  const targets = [
    ...env.databases.map((database) => ({
      id: `Database${logicalIdPart(database.name)}Ingress`,
      groupId: readValue(scope, where, 'data', dataKeys.securityGroupId(database.name)),
      port: database.port,
      description: `${cluster} to the ${database.name} database`,
    })),
    ...(env.caches ?? []).map((cache) => ({
      id: `Cache${logicalIdPart(cache.name)}Ingress`,
      groupId: readValue(scope, where, 'data', dataKeys.cacheSecurityGroupId(cache.name)),
      port: VALKEY_PORT,
      description: `${cluster} to the ${cache.name} cache`,
    })),
  ];
  return targets.map(
    (target) =>
      new ec2.CfnSecurityGroupIngress(scope, target.id, {
        groupId: target.groupId,
        sourceSecurityGroupId: clusterSecurityGroupId,
        ipProtocol: 'tcp',
        fromPort: target.port,
        toPort: target.port,
        description: target.description,
      }),
  );
}
