/**
 * DynamoDB tables: names DynamoDB accepts, keys that are distinct attributes, an expiry attribute
 * that is no key, and services that ask only for tables the config declares.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { tableVariable } from '../../model/service-tables.js';
import type { Validator } from './context.js';
import { type ResourceNameRule, resourceNameIssues, undeclaredIssues } from './named-resources.js';

/** DynamoDB's limit on a table name, `<app>-<env>-<name>`. */
const TABLE_NAME_RULE: ResourceNameRule = {
  kind: 'table',
  service: 'DynamoDB',
  maxLength: 255,
  example: 'orders',
};
/** DynamoDB's limit on a key attribute's name, in bytes. */
const MAX_KEY_NAME_BYTES = 255;

export const validateTables: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const declared = Object.keys(config.tables ?? {});
  for (const [name, table] of Object.entries(config.tables ?? {})) {
    const at = (...field: string[]) => joinPath('tables', name, ...field);
    issues.push(
      ...resourceNameIssues(
        TABLE_NAME_RULE,
        name,
        at(),
        config.app,
        model.environments.map((env) => env.name),
      ),
    );
    const keys = [
      ['partitionKey', table.partitionKey.name],
      ...(table.sortKey ? [['sortKey', table.sortKey.name]] : []),
    ] as const;
    for (const [field, attribute] of keys) {
      if (attribute.length === 0 || Buffer.byteLength(attribute) > MAX_KEY_NAME_BYTES) {
        issues.push(
          issue(
            at(field, 'name'),
            `a key attribute's name must have 1 to ${MAX_KEY_NAME_BYTES} bytes`,
            "name the attribute, e.g. name: 'pk'",
          ),
        );
      }
    }
    if (table.sortKey && table.sortKey.name === table.partitionKey.name) {
      issues.push(
        issue(
          at('sortKey', 'name'),
          `'${table.sortKey.name}' is already the partition key; the sort key must be another attribute`,
          "name another attribute, e.g. sortKey: { name: 'sk' }, or remove sortKey",
        ),
      );
    }
    if (table.ttlAttribute !== undefined && keys.some(([, attribute]) => attribute === table.ttlAttribute)) {
      issues.push(
        issue(
          at('ttlAttribute'),
          `'${table.ttlAttribute}' is a key attribute; DynamoDB reads expiry from a non-key attribute`,
          "use an attribute of its own, e.g. ttlAttribute: 'expiresAt'",
        ),
      );
    }
  }
  for (const [service, config_] of Object.entries(config.services ?? {})) {
    for (const table of Object.keys(config_.tables ?? {})) {
      const variable = tableVariable(table);
      if (config_.environment?.[variable] !== undefined) {
        issues.push(
          issue(
            joinPath('services', service, 'environment', variable),
            `${variable} is set by Slipway to the '${table}' table's name`,
            'remove it from environment',
          ),
        );
      }
      issues.push(
        ...undeclaredIssues(
          'table',
          table,
          declared,
          joinPath('services', service, 'tables', table),
          `tables: { ${table}: { partitionKey: { name: 'pk' } } }`,
        ),
      );
    }
  }
  return issues;
};
