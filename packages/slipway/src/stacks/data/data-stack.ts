import type { Construct } from 'constructs';
import type { AppModel, EnvironmentModel } from '../../model/types.js';
import { DatabaseProvisioner } from './database-provisioner.js';
import { DynamoTable } from './dynamo-table.js';
import { createDataKey, importLogsKey, usesCustomerKeys } from '../shared/environment-keys.js';
import { dataKeys, type EnvironmentRef, publishValue } from '../shared/cross-stack.js';
import { importNamespace } from '../network/imported-namespace.js';
import { importVpc } from '../network/imported-vpc.js';
import { logicalIdPart } from '../shared/logical-ids.js';
import { machineClientSecret } from './machine-client-secret.js';
import { machineClientSecretName } from '../../naming/names.js';
import { PostgresDatabase } from './postgres-database.js';
import { databaseInstanceIdentifier } from '../shared/resource-names.js';
import { SlipwayStack } from '../shared/slipway-stack.js';
import { teamSecret } from './team-secret.js';
import { UserPool } from './user-pool.js';
import { ValkeyCache } from './valkey-cache.js';

export interface DataStackProps {
  readonly model: AppModel;
  /** The environment whose databases and secrets these are. */
  readonly environment: EnvironmentModel;
}

/**
 * `<app>-<env>-data`: the stateful layer, apart so that routine deploys never touch it. Each
 * database, and each secret Slipway creates, with logical ids pinned by `stateful-resources.json`.
 */
export class DataStack extends SlipwayStack {
  /** Database name → database. */
  readonly databases: ReadonlyMap<string, PostgresDatabase>;
  /** Cache name → cache. */
  readonly caches: ReadonlyMap<string, ValkeyCache>;

  constructor(scope: Construct, props: DataStackProps) {
    const { model, environment: env } = props;
    super(scope, {
      app: model.app,
      stackName: env.stackNames.data,
      account: env.account,
      region: env.region,
      environment: env.name,
      terminationProtection: env.production,
      description: `Slipway ${model.app} ${env.name}: databases and secrets`,
    });
    const where: EnvironmentRef = { app: model.app, env: env.name };
    const vpc = importVpc(this, where, env, 'private');
    const namespace = importNamespace(this, where, env);

    const dataKey = usesCustomerKeys(env) ? createDataKey(this, where) : undefined;
    const logsKey = importLogsKey(this, where, env);
    const keys = dataKey && logsKey ? { data: dataKey, logs: logsKey } : undefined;

    const databases = new Map<string, PostgresDatabase>();
    for (const database of env.databases) {
      const built = new PostgresDatabase(this, `Database${logicalIdPart(database.name)}`, {
        model: database,
        environment: env,
        instanceIdentifier: databaseInstanceIdentifier(model.app, env.name, database.name),
        vpc,
        namespace,
        keys,
      });
      databases.set(database.name, built);
      const { instance } = built;
      // Always set for an instance this stack creates; the type allows undefined for imported ones.
      const resourceId = instance.instanceResourceId;
      if (resourceId === undefined) throw new Error(`${database.name}: the instance has no DbiResourceId`);
      publishValue(
        this,
        where,
        'data',
        dataKeys.endpointAddress(database.name),
        instance.dbInstanceEndpointAddress,
      );
      publishValue(
        this,
        where,
        'data',
        dataKeys.endpointPort(database.name),
        instance.dbInstanceEndpointPort,
      );
      publishValue(
        this,
        where,
        'data',
        dataKeys.securityGroupId(database.name),
        built.securityGroup.securityGroupId,
      );
      publishValue(
        this,
        where,
        'data',
        dataKeys.resourceId(database.name),
        instance.instanceResourceId ?? '',
      );
      publishValue(this, where, 'data', dataKeys.instanceId(database.name), instance.instanceIdentifier);
      built.replicas.forEach((replica, i) => {
        const replicaResourceId = replica.instanceResourceId;
        if (replicaResourceId === undefined)
          throw new Error(`${database.name}: replica ${i + 1} has no DbiResourceId`);
        publishValue(
          this,
          where,
          'data',
          dataKeys.replicaEndpointAddress(database.name, i + 1),
          replica.dbInstanceEndpointAddress,
        );
        publishValue(
          this,
          where,
          'data',
          dataKeys.replicaResourceId(database.name, i + 1),
          replicaResourceId,
        );
      });

      const provisioner = new DatabaseProvisioner(
        this,
        `Database${logicalIdPart(database.name)}Provisioner`,
        {
          environment: env,
          database,
          app: model.app,
          instance,
          databaseSecurityGroup: built.securityGroup,
          vpc,
          logsKey,
        },
      );
      publishValue(
        this,
        where,
        'data',
        dataKeys.provisionerFamily(database.name),
        provisioner.taskDefinition.family,
      );
      publishValue(
        this,
        where,
        'data',
        dataKeys.provisionerSecurityGroupId(database.name),
        provisioner.securityGroup.securityGroupId,
      );
    }
    this.databases = databases;

    const caches = new Map<string, ValkeyCache>();
    for (const cache of env.caches ?? []) {
      const built = new ValkeyCache(this, `Cache${logicalIdPart(cache.name)}`, {
        model: cache,
        environment: env,
        vpc,
        keys,
      });
      caches.set(cache.name, built);
      publishValue(this, where, 'data', dataKeys.cacheEndpointAddress(cache.name), built.host);
      publishValue(this, where, 'data', dataKeys.cacheEndpointPort(cache.name), built.port);
      publishValue(
        this,
        where,
        'data',
        dataKeys.cacheReplicationGroupId(cache.name),
        built.replicationGroup.ref,
      );
      publishValue(
        this,
        where,
        'data',
        dataKeys.cacheSecurityGroupId(cache.name),
        built.securityGroup.securityGroupId,
      );
    }
    this.caches = caches;

    for (const table of env.tables ?? []) {
      const built = new DynamoTable(this, `Table${logicalIdPart(table.name)}`, { model: table, dataKey });
      const streamArn = built.table.tableStreamArn;
      if (streamArn !== undefined) {
        publishValue(this, where, 'data', dataKeys.tableStreamArn(table.name), streamArn);
      }
    }

    for (const secret of env.secrets.filter((s) => s.source === 'secretsmanager')) {
      const created = teamSecret(this, secret, dataKey);
      publishValue(this, where, 'data', dataKeys.secretArn(secret.name), created.secretArn);
    }

    if (env.auth !== undefined) {
      const users = new UserPool(this, 'Auth', { model: env.auth, poolName: `${model.app}-${env.name}` });
      publishValue(this, where, 'data', dataKeys.userPoolId, users.pool.userPoolId);
      publishValue(this, where, 'data', dataKeys.userPoolDomain, users.domain.domainName);
      for (const [name, client] of users.clients) {
        publishValue(this, where, 'data', dataKeys.clientId(name), client.userPoolClientId);
      }
      // A client a service signs in as: its secret goes where ECS can hand it to that service.
      for (const caller of env.auth.machineClients) {
        const client = users.clients.get(caller.name);
        if (caller.service === undefined || client === undefined) continue;
        const secret = machineClientSecret(this, {
          client,
          clientName: caller.name,
          service: caller.service,
          secretName: machineClientSecretName(model.app, env.name, caller.name),
          encryptionKey: dataKey,
        });
        publishValue(this, where, 'data', dataKeys.clientSecretArn(caller.name), secret.secretArn);
      }
    }
  }
}
