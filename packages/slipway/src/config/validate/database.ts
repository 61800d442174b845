/**
 * Database safety: nothing stored is ever destroyed, production keeps every protection the
 * security bar asks for (SECURITY.md 27–29b), backups stay within RDS's range, storage limits
 * hold, and the identifiers are ones PostgreSQL and RDS accept.
 */
import type { DatabaseModel, EnvironmentModel } from '../../model/types.js';
import { PREVIEW_NAME_MARKER, PREVIEW_SLUG_MAX } from '../../naming/preview-names.js';
import { type ConfigIssue, issue, joinPath } from '../errors.js';
import { DATABASE_DEFAULTS, defaultDatabaseName } from '../resolve/defaults.js';
import type { SlipwayConfig } from '../schema.js';
import { databasePath, describeEnvironment, type Validator } from './context.js';

const MAX_BACKUP_DAYS = 35;
const MIN_PRODUCTION_BACKUP_DAYS = 7;
/** gp3 bounds for RDS for PostgreSQL. */
const MIN_STORAGE_GB = 20;
const MAX_STORAGE_GB = 65536;
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;
/** Names RDS or PostgreSQL keep for themselves. */
const RESERVED_DATABASES = ['postgres', 'template0', 'template1', 'rdsadmin'];
const RESERVED_USERS = ['rdsadmin', 'rdsrepladmin', 'rds_superuser', 'rds_iam', 'public', 'pg_monitor'];
/** The enhanced monitoring intervals RDS accepts, in seconds (0 is off). */
const MONITORING_INTERVALS = [0, 1, 5, 10, 15, 30, 60];
/** The ports RDS for PostgreSQL accepts. */
const MIN_PORT = 1150;
const MAX_PORT = 65535;
/** RDS allows 15 PostgreSQL replicas; past a few, one endpoint per replica stops being a good way to spread reads. */
const MAX_READ_REPLICAS = 5;

/** Production settings the security bar requires, with why. */
const PRODUCTION_REQUIRED: readonly { field: keyof DatabaseModel; why: string }[] = [
  { field: 'deletionProtection', why: 'a production database must refuse deletion' },
  { field: 'multiAz', why: 'a production database needs a standby in a second zone' },
  { field: 'keepAutomatedBackups', why: 'automated backups must outlive the instance in production' },
  { field: 'performanceInsights', why: 'production keeps Performance Insights on for diagnosis' },
];

export const validateDatabases: Validator = ({ config, model }) => [
  ...checkRemovalPolicies(config),
  ...model.environments.flatMap((env) =>
    env.databases.flatMap((database) => checkDatabase(config, env, database)),
  ),
  ...checkIdentifiers(config),
  ...(model.delivery?.preview ? checkPreviewRoom(config) : []),
];

/**
 * Previews name their database and role `<name>_pr_<slug>`, up to 28 characters more, and
 * PostgreSQL stops at 63: longer names would fail every preview of a long branch.
 */
function checkPreviewRoom(config: SlipwayConfig): ConfigIssue[] {
  const room = 63 - PREVIEW_NAME_MARKER.length - PREVIEW_SLUG_MAX;
  const issues: ConfigIssue[] = [];
  for (const [name, database] of Object.entries(config.databases ?? {})) {
    for (const field of ['databaseName', 'appUsername'] as const) {
      const value = database[field];
      if (value !== undefined && value.length > room) {
        issues.push(
          issue(
            joinPath('databases', name, field),
            `'${value}' is ${value.length} characters; a preview adds up to ${63 - room} and PostgreSQL names stop at 63`,
            `shorten it to ${room} characters, or turn previews off with delivery.previewBranches: []`,
          ),
        );
      }
    }
  }
  return issues;
}

/** Read from the config, where 'destroy' was written; the model never carries it. */
function checkRemovalPolicies(config: SlipwayConfig): ConfigIssue[] {
  const places: [string, string | undefined][] = [
    ...Object.entries(config.databases ?? {}).map(([name, db]): [string, string | undefined] => [
      joinPath('databases', name, 'removalPolicy'),
      db.removalPolicy,
    ]),
    ...Object.entries(config.environments).flatMap(([env, environment]) =>
      Object.entries(environment.databases ?? {}).map(([name, db]): [string, string | undefined] => [
        joinPath('environments', env, 'databases', name, 'removalPolicy'),
        db.removalPolicy,
      ]),
    ),
  ];
  return places
    .filter(([, policy]) => policy === 'destroy')
    .map(([path]) =>
      issue(
        path,
        "'destroy' would delete the data with the stack; Slipway never loses stored data",
        "use 'snapshot' (a final snapshot is kept) or 'retain' (the instance is left in place)",
      ),
    );
}

function checkDatabase(config: SlipwayConfig, env: EnvironmentModel, database: DatabaseModel): ConfigIssue[] {
  const path = (field: string) => databasePath(config, env.name, database.name, field);
  const issues: ConfigIssue[] = [];
  const minBackup = env.production ? MIN_PRODUCTION_BACKUP_DAYS : 1;
  const days = database.backupRetentionDays;
  if (days < minBackup || days > MAX_BACKUP_DAYS) {
    issues.push(
      issue(
        path('backupRetentionDays'),
        `${days} is outside ${minBackup}–${MAX_BACKUP_DAYS} days for ${describeEnvironment(env)}`,
        `set it between ${minBackup} and ${MAX_BACKUP_DAYS}`,
      ),
    );
  }
  if (env.production) {
    for (const { field, why } of PRODUCTION_REQUIRED) {
      if (database[field] !== true) {
        issues.push(
          issue(
            path(field),
            `is off in ${describeEnvironment(env)}; ${why}`,
            `set ${field}: true (or remove it)`,
          ),
        );
      }
    }
  }
  if (!MONITORING_INTERVALS.includes(database.monitoringIntervalSeconds)) {
    issues.push(
      issue(
        path('monitoringIntervalSeconds'),
        `${database.monitoringIntervalSeconds} is not an enhanced monitoring interval RDS accepts`,
        `use one of ${MONITORING_INTERVALS.join(', ')} (0 turns enhanced monitoring off)`,
      ),
    );
  }
  if (database.readReplicas < 0 || database.readReplicas > MAX_READ_REPLICAS) {
    issues.push(
      issue(
        path('readReplicas'),
        `${database.readReplicas} read replicas is outside the 0–${MAX_READ_REPLICAS} Slipway creates`,
        `use 0 to ${MAX_READ_REPLICAS}; more readers than that call for Aurora, whose one reader endpoint spreads them`,
      ),
    );
  }
  if (database.port < MIN_PORT || database.port > MAX_PORT) {
    issues.push(
      issue(
        path('port'),
        `${database.port} is outside the ${MIN_PORT}–${MAX_PORT} RDS for PostgreSQL accepts`,
        `use a port from ${MIN_PORT} to ${MAX_PORT}, or remove it for 5432`,
      ),
    );
  }
  if (database.allocatedStorageGb < MIN_STORAGE_GB || database.allocatedStorageGb > MAX_STORAGE_GB) {
    issues.push(
      issue(
        path('allocatedStorageGb'),
        `${database.allocatedStorageGb} GB is outside the ${MIN_STORAGE_GB}–${MAX_STORAGE_GB} GB RDS allows for gp3`,
        `use ${MIN_STORAGE_GB}–${MAX_STORAGE_GB}`,
      ),
    );
  }
  if (
    database.maxAllocatedStorageGb < database.allocatedStorageGb ||
    database.maxAllocatedStorageGb > MAX_STORAGE_GB
  ) {
    issues.push(
      issue(
        path('maxAllocatedStorageGb'),
        `${database.maxAllocatedStorageGb} GB must be between allocatedStorageGb (${database.allocatedStorageGb}) and ${MAX_STORAGE_GB}`,
        `set it to at least ${database.allocatedStorageGb}`,
      ),
    );
  }
  return issues;
}

/** Names are not per environment, so they are checked once, where they are written. */
function checkIdentifiers(config: SlipwayConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [name, database] of Object.entries(config.databases ?? {})) {
    const path = (field: string) => joinPath('databases', name, field);
    const names = {
      databaseName: database.databaseName ?? defaultDatabaseName(config.app),
      masterUsername: database.masterUsername ?? DATABASE_DEFAULTS.masterUsername,
      appUsername: database.appUsername ?? DATABASE_DEFAULTS.appUsername,
    };
    for (const [field, value] of Object.entries(names)) {
      if (!IDENTIFIER.test(value)) {
        issues.push(
          issue(
            path(field),
            `'${value}' is not a PostgreSQL name RDS accepts`,
            "use 1–63 lower-case letters, digits and '_', starting with a letter",
          ),
        );
      }
    }
    if (RESERVED_DATABASES.includes(names.databaseName)) {
      issues.push(
        issue(
          path('databaseName'),
          `'${names.databaseName}' is reserved by PostgreSQL or RDS`,
          `use a name of your own, e.g. '${defaultDatabaseName(config.app)}'`,
        ),
      );
    }
    for (const field of ['masterUsername', 'appUsername'] as const) {
      // RDS keeps every `rds*` role for itself; the provisioner refuses them too.
      if (RESERVED_USERS.includes(names[field]) || /^(pg_|rds)/.test(names[field])) {
        issues.push(
          issue(
            path(field),
            `'${names[field]}' is reserved by PostgreSQL or RDS`,
            "use a name of your own, e.g. 'app'",
          ),
        );
      }
    }
    if (names.appUsername === names.masterUsername) {
      issues.push(
        issue(
          path('appUsername'),
          `services would log in as the master user '${names.masterUsername}'; they must use a least-privilege role`,
          "give appUsername its own name, e.g. 'app'",
        ),
      );
    }
  }
  return issues;
}
