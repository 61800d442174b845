/**
 * RDS for PostgreSQL's default `max_connections` is LEAST(DBInstanceClassMemory / 9531392, 5000)
 * (the default parameter group's formula, AWS RDS User Guide, "Maximum number of database
 * connections", read 2026-12). The class's memory is estimated from its name: burstable and general
 * classes have 1 GiB at micro, doubling per size up to 16 GiB at xlarge, then 16 GiB per multiple of
 * xlarge; memory-optimised `r` classes have twice that and `x` classes four times. RDS reserves
 * some memory for itself, so the real limit sits a little under this estimate: good enough to alarm
 * at a share of it, not to size a pool by.
 */
const BYTES_PER_CONNECTION = 9_531_392;
const MAX_CONNECTIONS = 5000;
const GIB = 1024 ** 3;

const SIZE_GIB: Readonly<Record<string, number>> = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16 };

/** Estimated default `max_connections` of an RDS PostgreSQL instance class, e.g. 'db.t4g.micro' → 112. */
export function estimatedMaxConnections(instanceClass: string): number {
  const [, family = '', size = ''] = instanceClass.split('.');
  const multiple = /^(\d+)xlarge$/.exec(size);
  const baseGib = multiple ? 16 * Number(multiple[1]) : (SIZE_GIB[size] ?? 1);
  const factor = family.startsWith('r') ? 2 : family.startsWith('x') ? 4 : 1;
  return Math.min(MAX_CONNECTIONS, Math.floor((baseGib * factor * GIB) / BYTES_PER_CONNECTION));
}
