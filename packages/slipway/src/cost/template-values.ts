/**
 * Reading CloudFormation property values that may be literals or intrinsic functions. Synthesized
 * templates write numbers as strings ("20") and booleans as either, so pricers read through these.
 */

/** A number written as a number or numeric string; undefined for tokens and anything else. */
export function literalNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** A plain string; undefined for intrinsic functions. */
export function literalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `true`/`false` written as booleans or strings; undefined otherwise. */
export function literalBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** A plain object (CloudFormation property bag), or undefined. */
export function literalObject(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The logical id a `{ "Ref": id }` points at, or undefined. */
export function refTarget(value: unknown): string | undefined {
  return literalString(literalObject(value)?.Ref);
}
