/**
 * Small readers for template property values, which are `unknown` until looked at: a literal
 * string or number, a list, a tag. Intrinsics (`Ref`, `Fn::Join`) read as absent.
 */

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function num(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A tag's value, from either tag shape CloudFormation uses (a list of Key/Value, or a map). */
export function tag(properties: Record<string, unknown> | undefined, key: string): string | undefined {
  const tags = properties?.Tags;
  if (Array.isArray(tags)) {
    const found = tags.map(record).find((t) => t.Key === key);
    return text(found?.Value);
  }
  return text(record(tags)[key]);
}

/**
 * A resource's name without the `<app>-<env>-` prefix every Slipway name carries, so a node
 * reads `orders`, not `orders-prod-orders`. Names without the prefix are kept whole.
 */
export function shortName(name: string, environment: string): string {
  const marker = `-${environment}-`;
  const at = name.indexOf(marker);
  return at >= 0 && at + marker.length < name.length ? name.slice(at + marker.length) : name;
}

/** `1024` MiB → `1 GB`, `512` → `0.5 GB`. */
export function gigabytes(mebibytes: number): string {
  return `${Number((mebibytes / 1024).toFixed(2))} GB`;
}
