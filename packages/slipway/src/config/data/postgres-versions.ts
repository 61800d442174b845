/**
 * RDS for PostgreSQL: the major versions Slipway accepts and the instance classes RDS offers for
 * them. Offline synth cannot ask RDS (`describe-orderable-db-instance-options`), so an unknown
 * class or one the version cannot run is caught here instead of half-way through a deploy.
 *
 * Compiled 2026-11-21 from what we know of the RDS user guide page "Supported DB engines for DB
 * instance classes" and the RDS for PostgreSQL release calendar. Neither page could be read in
 * full when the table was compiled, so every entry says `verified: false`: it is our best
 * knowledge of the first supported minor version per major. Check an entry against
 * `aws rds describe-orderable-db-instance-options --engine postgres` before relying on it, then
 * flip its flag.
 */

export const POSTGRES_TABLE_COMPILED = '2026-11-21';

export interface PostgresMajor {
  /** Last day of RDS standard support; after it RDS charges for Extended Support. */
  readonly standardSupportEnds: string;
  readonly verified: boolean;
}

/** Majors Slipway accepts. */
export const POSTGRES_MAJORS: Readonly<Record<number, PostgresMajor>> = {
  13: { standardSupportEnds: '2026-02-28', verified: false },
  14: { standardSupportEnds: '2027-02-28', verified: false },
  15: { standardSupportEnds: '2028-02-29', verified: false },
  16: { standardSupportEnds: '2029-02-28', verified: false },
  17: { standardSupportEnds: '2030-02-28', verified: false },
};

export interface InstanceFamily {
  readonly sizes: readonly string[];
  /**
   * Per major: the first minor version that runs on this family (0 = every minor), or absent
   * when no minor of that major does.
   */
  readonly minMinor: Readonly<Partial<Record<number, number>>>;
  readonly verified: boolean;
}

const burstable = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'] as const;
const standard = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'] as const;
const every = { 13: 0, 14: 0, 15: 0, 16: 0, 17: 0 } as const;

export const INSTANCE_FAMILIES: Readonly<Record<string, InstanceFamily>> = {
  'db.t4g': { sizes: burstable, minMinor: { 13: 3, 14: 0, 15: 0, 16: 0, 17: 0 }, verified: false },
  'db.t3': { sizes: burstable, minMinor: every, verified: false },
  // Previous generation: RDS stopped offering it for PostgreSQL 13 and later.
  'db.t2': { sizes: burstable, minMinor: {}, verified: false },
  'db.m5': { sizes: [...standard, '24xlarge'], minMinor: every, verified: false },
  'db.m6g': { sizes: standard, minMinor: every, verified: false },
  'db.m6i': {
    sizes: [...standard, '24xlarge', '32xlarge'],
    minMinor: { 13: 4, 14: 0, 15: 0, 16: 0, 17: 0 },
    verified: false,
  },
  'db.m7g': { sizes: standard, minMinor: { 13: 7, 14: 5, 15: 2, 16: 0, 17: 0 }, verified: false },
  'db.m8g': {
    sizes: [...standard, '24xlarge', '48xlarge'],
    minMinor: { 13: 15, 14: 12, 15: 7, 16: 3, 17: 0 },
    verified: false,
  },
  'db.r5': { sizes: [...standard, '24xlarge'], minMinor: every, verified: false },
  'db.r6g': { sizes: standard, minMinor: every, verified: false },
  'db.r6i': {
    sizes: [...standard, '24xlarge', '32xlarge'],
    minMinor: { 13: 4, 14: 0, 15: 0, 16: 0, 17: 0 },
    verified: false,
  },
  'db.r7g': { sizes: standard, minMinor: { 13: 7, 14: 5, 15: 2, 16: 0, 17: 0 }, verified: false },
  'db.r8g': {
    sizes: [...standard, '24xlarge', '48xlarge'],
    minMinor: { 13: 15, 14: 12, 15: 7, 16: 3, 17: 0 },
    verified: false,
  },
};

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

/** Splits `17.6` into major and minor; a bare major (`17`) means "latest minor", minor undefined. */
export function parseEngineVersion(version: string): { major: number; minor?: number } | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(version);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: match[2] === undefined ? undefined : Number(match[2]) };
}
