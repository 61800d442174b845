/**
 * RDS for PostgreSQL: the versions Slipway accepts and the instance classes RDS offers for each
 * version in each region. Offline synth cannot ask RDS (`describe-orderable-db-instance-options`),
 * so an unorderable choice is caught here instead of half-way through a deploy.
 *
 * The tables are `aws-tables.generated.ts`, AWS's data as shipped in cfn-lint, the linter every
 * template passes through: what this file calls orderable is what cfn-lint's rules E3062 (class
 * for the version) and E3025 (class in the region) accept, so the two cannot disagree.
 */
import {
  CFN_LINT_VERSION,
  CLASSES_BY_REGION,
  CLASSES_BY_VERSION,
  type ClassList,
  POSTGRES_VERSIONS,
  type RegionCode,
} from './aws-tables.generated.js';

export { POSTGRES_VERSIONS };

const SIZE_ORDER = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge'];

/** Where the tables come from; printed in errors so a stale table is easy to recognise. */
export const POSTGRES_TABLE_SOURCE = `cfn-lint ${CFN_LINT_VERSION}`;

export interface PostgresMajor {
  /** Versions of this major RDS creates new instances on, oldest first. */
  readonly versions: readonly string[];
}

/** Majors Slipway accepts: those with at least one version in the table. */
export const POSTGRES_MAJORS: Readonly<Record<number, PostgresMajor>> = groupByMajor(POSTGRES_VERSIONS);

export interface InstanceFamily {
  /** Sizes RDS offers for PostgreSQL in some region, smallest first. */
  readonly sizes: readonly string[];
}

/** Every family RDS offers for PostgreSQL somewhere, for "is this a class at all" and "did you mean". */
export const INSTANCE_FAMILIES: Readonly<Record<string, InstanceFamily>> = allFamilies();

/** Splits `db.t4g.micro` into its family and size; undefined when it is not shaped like a class. */
export function parseInstanceClass(instanceClass: string): { family: string; size: string } | undefined {
  const match = /^(db\.[a-z0-9]+)\.([a-z0-9]+)$/.exec(instanceClass);
  return match ? { family: match[1]!, size: match[2]! } : undefined;
}

/** Every class in the table, for "did you mean". */
export function knownInstanceClasses(): string[] {
  return Object.entries(INSTANCE_FAMILIES).flatMap(([family, info]) =>
    info.sizes.map((size) => `${family}.${size}`),
  );
}

/** Splits `17.6` into major and minor; a bare major (`17`) has no minor. */
export function parseEngineVersion(version: string): { major: number; minor?: number } | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(version);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: match[2] === undefined ? undefined : Number(match[2]) };
}

/** Classes RDS offers for `version` in `region`, by family then size; empty when either is unknown. */
export function orderableClasses(region: string, version: string): string[] {
  const inRegion = classSet(CLASSES_BY_REGION[region as RegionCode]);
  return classNames(CLASSES_BY_VERSION[version]).filter((name) => inRegion.has(name));
}

export function isOrderable(region: string, version: string, instanceClass: string): boolean {
  return orderableClasses(region, version).includes(instanceClass);
}

/** Versions RDS runs `instanceClass` on in `region`, oldest first. */
export function versionsRunning(region: string, instanceClass: string): string[] {
  return POSTGRES_VERSIONS.filter((version) => isOrderable(region, version, instanceClass));
}

/** `db.t3 (micro, small), db.t4g (micro)`: a class list short enough to read in an error. */
export function describeClasses(classes: readonly string[]): string {
  const families = new Map<string, string[]>();
  for (const name of classes) {
    const parsed = parseInstanceClass(name);
    if (parsed === undefined) continue;
    families.set(parsed.family, [...(families.get(parsed.family) ?? []), parsed.size]);
  }
  return [...families].map(([family, sizes]) => `${family} (${sizes.join(', ')})`).join(', ');
}

function classNames(list: ClassList | undefined): string[] {
  return Object.entries(list ?? {}).flatMap(([family, sizes]) =>
    sizes.split(' ').map((size) => `${family}.${size}`),
  );
}

function classSet(list: ClassList | undefined): Set<string> {
  return new Set(classNames(list));
}

function groupByMajor(versions: readonly string[]): Record<number, PostgresMajor> {
  const majors: Record<number, string[]> = {};
  for (const version of versions) {
    const major = Number(version.split('.')[0]);
    (majors[major] ??= []).push(version);
  }
  return Object.fromEntries(
    Object.entries(majors).map(([major, list]): [string, PostgresMajor] => [major, { versions: list }]),
  );
}

/**
 * Families and sizes orderable for some version in some region. A class is in some region's list
 * and in some version's list exactly when some region offers it for some version, so the two
 * unions give the answer without walking every pair.
 */
function allFamilies(): Record<string, InstanceFamily> {
  const inSomeRegion = new Set(Object.values(CLASSES_BY_REGION).flatMap(classNames));
  const families: Record<string, string[]> = {};
  for (const name of new Set(Object.values(CLASSES_BY_VERSION).flatMap(classNames))) {
    if (!inSomeRegion.has(name)) continue;
    const { family, size } = parseInstanceClass(name)!;
    (families[family] ??= []).push(size);
  }
  return Object.fromEntries(
    Object.entries(families)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([family, sizes]): [string, InstanceFamily] => [family, { sizes: sortSizes(sizes) }]),
  );
}

function sortSizes(sizes: readonly string[]): string[] {
  const rank = (size: string) => {
    const named = SIZE_ORDER.indexOf(size);
    // `2xlarge` → 2 above `xlarge`; anything unexpected goes last.
    return named >= 0 ? named : SIZE_ORDER.length + (Number.parseInt(size, 10) || 1000);
  };
  return [...sizes].sort((a, b) => rank(a) - rank(b));
}
