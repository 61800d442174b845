import type { TableModel } from '../../model/tables.js';
import type { TableConfig } from '../schema.js';

/** A declared table as an environment makes it: named `<app>-<env>-<name>`, protected in production. */
export function resolveTable(
  app: string,
  env: string,
  name: string,
  table: TableConfig,
  production: boolean,
): TableModel {
  return {
    name,
    tableName: `${app}-${env}-${name}`,
    partitionKey: { name: table.partitionKey.name, type: table.partitionKey.type ?? 'string' },
    ...(table.sortKey ? { sortKey: { name: table.sortKey.name, type: table.sortKey.type ?? 'string' } } : {}),
    ...(table.ttlAttribute === undefined ? {} : { ttlAttribute: table.ttlAttribute }),
    ...(table.stream === undefined ? {} : { stream: table.stream }),
    deletionProtection: production,
  };
}
