/** Small readers for CloudFormation property values, which may be literals, strings or intrinsics. */

import type { CfnResource } from '../../../template/types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** CloudFormation accepts a single value where it accepts a list; rules read both the same way. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Booleans arrive as `true` or as the string `"true"` (load balancer attributes are all strings). */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

export function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/** A number, or a numeric string; undefined for anything else (including intrinsics). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function property(resource: CfnResource, name: string): unknown {
  return resource.Properties?.[name];
}

/** Reads `{Key, Value}` lists such as `LoadBalancerAttributes` and `TargetGroupAttributes`. */
export function keyValue(list: unknown, key: string): unknown {
  for (const entry of asList(list)) {
    if (isRecord(entry) && entry.Key === key) return entry.Value;
  }
  return undefined;
}

/** Renders a value for a finding message: literals as themselves, intrinsics as compact JSON. */
export function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
