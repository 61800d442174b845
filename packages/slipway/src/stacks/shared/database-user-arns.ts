import type { Construct } from 'constructs';
import type { DatabaseModel, EnvironmentModel } from '../../model/types.js';
import { dataKeys, type EnvironmentRef, readValue } from './cross-stack.js';
import { regionFacts } from './partition.js';

/**
 * The `rds-db:connect` ARNs of a database's app user on the writer and on each read replica (a
 * replica has a DbiResourceId of its own), read at deploy time from the data stack's parameters of
 * the environment `where` names. What a service's role needs to sign in with IAM, and nothing more.
 */
export function appUserConnectArns(
  scope: Construct,
  where: EnvironmentRef,
  env: EnvironmentModel,
  database: Pick<DatabaseModel, 'name' | 'appUsername' | 'readReplicas'>,
): string[] {
  const { partition } = regionFacts(env.region);
  const resourceIds = [
    readValue(scope, where, 'data', dataKeys.resourceId(database.name)),
    ...Array.from({ length: database.readReplicas }, (_, i) =>
      readValue(scope, where, 'data', dataKeys.replicaResourceId(database.name, i + 1)),
    ),
  ];
  return resourceIds.map(
    (id) => `arn:${partition}:rds-db:${env.region}:${env.account}:dbuser:${id}/${database.appUsername}`,
  );
}
