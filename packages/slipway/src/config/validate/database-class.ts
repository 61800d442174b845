/**
 * The engine version and instance class, checked against AWS's data in `data/postgres-versions.ts`
 * (generated from cfn-lint): the version is one RDS creates new instances on, the class is one RDS
 * offers for PostgreSQL, and RDS offers that class for that version in the environment's region.
 *
 * Slipway's defaults get no special pass: where RDS does not offer the default class (ca-west-1
 * has no Graviton classes), the config must name one. Picking another class per region would
 * change the architecture and the price without the config saying so.
 */
import type { DatabaseModel, EnvironmentModel } from '../../model/types.js';
import {
  describeClasses,
  INSTANCE_FAMILIES,
  knownInstanceClasses,
  orderableClasses,
  parseEngineVersion,
  parseInstanceClass,
  POSTGRES_MAJORS,
  POSTGRES_TABLE_SOURCE,
  versionsRunning,
} from '../data/postgres-versions.js';
import { REGIONS } from '../data/regions.js';
import { type ConfigIssue, issue } from '../errors.js';
import { DATABASE_DEFAULTS } from '../resolve/defaults.js';
import type { SlipwayConfig } from '../schema.js';
import { didYouMean, listOf } from '../suggest.js';
import { databasePath, type Validator } from './context.js';

const MAJORS = Object.keys(POSTGRES_MAJORS).map(Number);
const MAJOR_RANGE = `${MAJORS[0]}–${MAJORS.at(-1)}`;
const SOURCE = `AWS data from ${POSTGRES_TABLE_SOURCE}`;
/** Suggested first when offered: the cheapest burstable classes, then general purpose. */
const PREFERRED_CLASSES = [
  'db.t4g.micro',
  'db.t3.micro',
  'db.t4g.small',
  'db.t3.small',
  'db.m7g.large',
  'db.m6g.large',
  'db.m6i.large',
];

export const validateDatabaseClasses: Validator = ({ config, model }) =>
  model.environments.flatMap((env) => env.databases.flatMap((database) => check(config, env, database)));

function check(config: SlipwayConfig, env: EnvironmentModel, database: DatabaseModel): ConfigIssue[] {
  const path = (field: string) => databasePath(config, env.name, database.name, field);
  const versionIssue = checkVersion(database.engineVersion, path('engineVersion'));
  if (versionIssue !== undefined) return [versionIssue];
  const classIssue = checkClassName(database.instanceClass, path('instanceClass'));
  if (classIssue !== undefined) return [classIssue];
  // An unknown region is reported by the region check; there is nothing to look up here.
  if (REGIONS[env.region] === undefined) return [];
  return checkOrderable(config, env, database);
}

function checkVersion(version: string, path: string): ConfigIssue | undefined {
  const parsed = parseEngineVersion(version);
  if (parsed === undefined) {
    return issue(
      path,
      `'${version}' is not a PostgreSQL version like '${DATABASE_DEFAULTS.engineVersion}'`,
      `write the major and minor version as a string, e.g. '${DATABASE_DEFAULTS.engineVersion}'`,
    );
  }
  const major = POSTGRES_MAJORS[parsed.major];
  if (major === undefined) {
    return issue(
      path,
      `PostgreSQL ${parsed.major} is not one Slipway supports (${MAJOR_RANGE}; ${SOURCE})`,
      `use '${DATABASE_DEFAULTS.engineVersion}' or another ${MAJOR_RANGE} version`,
    );
  }
  const newest = major.versions.at(-1)!;
  if (parsed.minor === undefined) {
    // The stacks pin the minor version so that every deploy of the config runs the same one.
    return issue(
      path,
      `'${version}' names a major version only; Slipway needs the minor version too`,
      `write '${newest}' (the newest ${parsed.major} RDS offers) or another of ${listOf(major.versions)}`,
    );
  }
  if (!major.versions.includes(version)) {
    return issue(
      path,
      `RDS does not offer PostgreSQL ${version} for new instances (${SOURCE})`,
      `use one of the ${parsed.major} versions it offers: ${listOf(major.versions)}`,
    );
  }
  return undefined;
}

function checkClassName(instanceClass: string, path: string): ConfigIssue | undefined {
  const parsed = parseInstanceClass(instanceClass);
  if (parsed !== undefined && INSTANCE_FAMILIES[parsed.family]?.sizes.includes(parsed.size)) return undefined;
  return issue(
    path,
    `'${instanceClass}' is not an instance class RDS offers for PostgreSQL ${MAJOR_RANGE} in any region${didYouMean(instanceClass, knownInstanceClasses())} (${SOURCE})`,
    `use a class such as ${listOf(PREFERRED_CLASSES)}`,
  );
}

/**
 * The class must be offered for the version in the region. The issue names the class where the
 * user wrote it (or where they would set it, when it is the default), and the fix offers both ways
 * out: another class for this version, or another version for this class.
 */
function checkOrderable(
  config: SlipwayConfig,
  env: EnvironmentModel,
  database: DatabaseModel,
): ConfigIssue[] {
  const { engineVersion: version, instanceClass } = database;
  const offered = orderableClasses(env.region, version);
  if (offered.includes(instanceClass)) return [];
  const otherVersions = versionsRunning(env.region, instanceClass);
  const subject = wroteClass(config, env.name, database.name)
    ? `RDS does not offer ${instanceClass}`
    : `instanceClass defaults to ${instanceClass}, which RDS does not offer`;
  const scope =
    otherVersions.length === 0
      ? `in ${env.region} for any PostgreSQL ${MAJOR_RANGE} version`
      : `for PostgreSQL ${version} in ${env.region}`;
  const fixes = [
    offered.length === 0
      ? `no class is offered for PostgreSQL ${version} in ${env.region}; choose another version or region`
      : `choose a class offered for PostgreSQL ${version} in ${env.region}, such as ${suggestion(offered)}: ${describeClasses(offered)}`,
    ...(otherVersions.length === 0
      ? []
      : [
          `set engineVersion to one that runs ${instanceClass} there: ${listOf(nearest(otherVersions, version))}`,
        ]),
  ];
  return [
    issue(
      databasePath(config, env.name, database.name, 'instanceClass'),
      `${subject} ${scope} (environment '${env.name}'; ${SOURCE})`,
      fixes.join('; or '),
    ),
  ];
}

/** The versions of the same major when there are any (the smallest upgrade), else all of them. */
function nearest(versions: readonly string[], version: string): readonly string[] {
  const major = version.split('.')[0];
  const sameMajor = versions.filter((candidate) => candidate.split('.')[0] === major);
  return sameMajor.length > 0 ? sameMajor : versions;
}

function suggestion(offered: readonly string[]): string {
  return PREFERRED_CLASSES.find((name) => offered.includes(name)) ?? offered[0]!;
}

/** Whether the config itself sets the class for this database, in the environment or at the top. */
function wroteClass(config: SlipwayConfig, env: string, database: string): boolean {
  return (
    config.environments[env]?.databases?.[database]?.instanceClass !== undefined ||
    config.databases?.[database]?.instanceClass !== undefined
  );
}
