import type { DatabaseModel } from '../../model/types.js';
import type { DatabaseConfig, DatabaseOverrideConfig } from '../schema.js';
import { DATABASE_DEFAULTS, defaultDatabaseName, stageDefaults } from './defaults.js';

/**
 * One database in one environment: override, then top-level declaration, then the defaults of the
 * environment's stage.
 */
export function resolveDatabase(
  app: string,
  name: string,
  database: DatabaseConfig,
  override: DatabaseOverrideConfig | undefined,
  production: boolean,
): DatabaseModel {
  const stage = stageDefaults(production);
  const o = override ?? {};
  const removalPolicy = o.removalPolicy ?? database.removalPolicy ?? DATABASE_DEFAULTS.removalPolicy;
  return {
    name,
    engineVersion: o.engineVersion ?? database.engineVersion ?? DATABASE_DEFAULTS.engineVersion,
    instanceClass: o.instanceClass ?? database.instanceClass ?? DATABASE_DEFAULTS.instanceClass,
    allocatedStorageGb:
      o.allocatedStorageGb ?? database.allocatedStorageGb ?? DATABASE_DEFAULTS.allocatedStorageGb,
    maxAllocatedStorageGb:
      o.maxAllocatedStorageGb ?? database.maxAllocatedStorageGb ?? DATABASE_DEFAULTS.maxAllocatedStorageGb,
    multiAz: o.multiAz ?? database.multiAz ?? stage.multiAz,
    backupRetentionDays:
      o.backupRetentionDays ?? database.backupRetentionDays ?? DATABASE_DEFAULTS.backupRetentionDays,
    deletionProtection: o.deletionProtection ?? database.deletionProtection ?? stage.deletionProtection,
    keepAutomatedBackups:
      o.keepAutomatedBackups ?? database.keepAutomatedBackups ?? stage.keepAutomatedBackups,
    performanceInsights: o.performanceInsights ?? database.performanceInsights ?? stage.performanceInsights,
    monitoringIntervalSeconds:
      o.monitoringIntervalSeconds ?? database.monitoringIntervalSeconds ?? stage.monitoringIntervalSeconds,
    port: o.port ?? database.port ?? DATABASE_DEFAULTS.port,
    readReplicas: o.readReplicas ?? database.readReplicas ?? DATABASE_DEFAULTS.readReplicas,
    // 'destroy' is rejected by validation (read from the config, where it was written).
    removalPolicy: removalPolicy === 'retain' ? 'retain' : 'snapshot',
    databaseName: database.databaseName ?? defaultDatabaseName(app),
    masterUsername: database.masterUsername ?? DATABASE_DEFAULTS.masterUsername,
    appUsername: database.appUsername ?? DATABASE_DEFAULTS.appUsername,
  };
}
