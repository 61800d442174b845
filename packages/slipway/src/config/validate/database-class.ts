/**
 * The engine version and instance class, checked against the dated table in
 * `data/postgres-versions.ts`: the version is a supported PostgreSQL major, the class exists, and
 * RDS offers that class for that version.
 */
import type { DatabaseModel } from '../../model/types.js';
import {
  INSTANCE_FAMILIES,
  knownInstanceClasses,
  POSTGRES_MAJORS,
  POSTGRES_TABLE_COMPILED,
  parseEngineVersion,
  parseInstanceClass,
} from '../data/postgres-versions.js';
import { type ConfigIssue, issue } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { databasePath, type Validator } from './context.js';

const MAJORS = Object.keys(POSTGRES_MAJORS).map(Number);
const SUGGESTED_CLASSES = 'db.t4g.micro, db.t4g.small, db.t4g.medium, db.m7g.large or db.r7g.large';

export const validateDatabaseClasses: Validator = ({ config, model }) =>
  model.environments.flatMap((env) =>
    env.databases.flatMap((database) =>
      check(database, (field) => databasePath(config, env.name, database.name, field)),
    ),
  );

function check(database: DatabaseModel, path: (field: string) => string): ConfigIssue[] {
  const version = parseEngineVersion(database.engineVersion);
  if (version === undefined) {
    return [
      issue(
        path('engineVersion'),
        `'${database.engineVersion}' is not a PostgreSQL version like '17.6'`,
        "write the major and minor version as a string, e.g. '17.6'",
      ),
    ];
  }
  if (POSTGRES_MAJORS[version.major] === undefined) {
    return [
      issue(
        path('engineVersion'),
        `PostgreSQL ${version.major} is not one Slipway supports (${MAJORS[0]}–${MAJORS.at(-1)}; table compiled ${POSTGRES_TABLE_COMPILED})`,
        `use '17.6' or another ${MAJORS[0]}–${MAJORS.at(-1)} version`,
      ),
    ];
  }
  const parsed = parseInstanceClass(database.instanceClass);
  const family = parsed === undefined ? undefined : INSTANCE_FAMILIES[parsed.family];
  if (parsed === undefined || family === undefined || !family.sizes.includes(parsed.size)) {
    return [
      issue(
        path('instanceClass'),
        `'${database.instanceClass}' is not an RDS for PostgreSQL instance class${didYouMean(database.instanceClass, knownInstanceClasses())}`,
        `use a class such as ${SUGGESTED_CLASSES}`,
      ),
    ];
  }
  const minMinor = family.minMinor[version.major];
  const note = family.verified ? '' : ` (table compiled ${POSTGRES_TABLE_COMPILED}, unverified)`;
  if (minMinor === undefined) {
    return [
      issue(
        path('instanceClass'),
        `RDS does not offer ${parsed.family} for PostgreSQL ${version.major}${note}`,
        `use a current class such as ${SUGGESTED_CLASSES}`,
      ),
    ];
  }
  // A bare major means RDS's latest minor, which every listed family supports.
  if (version.minor !== undefined && version.minor < minMinor) {
    return [
      issue(
        path('instanceClass'),
        `${parsed.family} needs PostgreSQL ${version.major}.${minMinor} or later, but engineVersion is ${database.engineVersion}${note}`,
        `set engineVersion to '${version.major}.${minMinor}' or later, or use a class such as db.t4g.small`,
      ),
    ];
  }
  return [];
}
