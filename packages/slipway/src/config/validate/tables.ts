/**
 * DynamoDB tables: names DynamoDB accepts, keys that are distinct attributes, an expiry attribute
 * that is no key, and services that ask only for tables the config declares.
 */
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { didYouMean, listOf } from '../suggest.js';
import type { Validator } from './context.js';

/** Lower-case words and hyphens: the table's part of `<app>-<env>-<name>` and of `TABLE_<NAME>`. */
const TABLE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** DynamoDB's limit on a table name. */
const MAX_TABLE_NAME = 255;
/** DynamoDB's limit on a key attribute's name, in bytes. */
const MAX_KEY_NAME_BYTES = 255;

export const validateTables: Validator = ({ config, model }) => {
  const issues: ConfigIssue[] = [];
  const declared = Object.keys(config.tables ?? {});
  for (const [name, table] of Object.entries(config.tables ?? {})) {
    const at = (...field: string[]) => joinPath('tables', name, ...field);
    if (!TABLE_NAME.test(name)) {
      issues.push(
        issue(
          at(),
          `'${name}' is not a table name Slipway can use: lower-case letters, digits and single hyphens, starting with a letter`,
          `rename it, e.g. '${
            name
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-+|-+$/g, '') || 'orders'
          }'`,
        ),
      );
    }
    const longest = Math.max(...model.environments.map((env) => `${config.app}-${env.name}-${name}`.length));
    if (longest > MAX_TABLE_NAME) {
      issues.push(
        issue(
          at(),
          `the table would be named with ${longest} characters; DynamoDB allows ${MAX_TABLE_NAME}`,
          'shorten the name',
        ),
      );
    }
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
      const variable = `TABLE_${table.toUpperCase().replace(/-/g, '_')}`;
      if (config_.environment?.[variable] !== undefined) {
        issues.push(
          issue(
            joinPath('services', service, 'environment', variable),
            `${variable} is set by Slipway to the '${table}' table's name`,
            'remove it from environment',
          ),
        );
      }
      if (declared.includes(table)) continue;
      issues.push(
        issue(
          joinPath('services', service, 'tables', table),
          `no table named '${table}' is declared${didYouMean(table, declared)}`,
          declared.length > 0
            ? `use one of ${listOf(declared)}, or declare '${table}' under tables`
            : `declare it, e.g. tables: { ${table}: { partitionKey: { name: 'pk' } } }`,
        ),
      );
    }
  }
  return issues;
};
