import type { TableAccess, TableModel } from './tables.js';
import type { EnvironmentModel } from './types.js';

/** What asks for tables: a service, or a function. */
export interface TableUser {
  readonly tables?: Readonly<Record<string, TableAccess>>;
}

/**
 * A service's tables with the access it asked for, in the order it lists them. Config validation
 * refuses a name the config does not declare (validate/tables.ts), so none is dropped here.
 */
export function serviceTables(
  env: EnvironmentModel,
  service: TableUser,
): { readonly table: TableModel; readonly access: TableAccess }[] {
  return Object.entries(service.tables ?? {}).flatMap(([name, access]) => {
    const table = (env.tables ?? []).find((t) => t.name === name);
    return table ? [{ table, access }] : [];
  });
}

/** `TABLE_<NAME>`: the variable a service reads a table's name from (`order-items` → `TABLE_ORDER_ITEMS`). */
export function tableVariable(table: string): string {
  return `TABLE_${table.toUpperCase().replace(/-/g, '_')}`;
}

/** The variables of a service's tables: each table's fixed name, known before anything is deployed. */
export function tableVariables(env: EnvironmentModel, service: TableUser): Record<string, string> {
  return Object.fromEntries(
    serviceTables(env, service).map(({ table }) => [tableVariable(table.name), table.tableName]),
  );
}
