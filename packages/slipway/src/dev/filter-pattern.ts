/**
 * Lambda event filtering, as an event source mapping applies it before a record reaches the
 * function: a record passes when it matches any of the patterns. A pattern mirrors the record's
 * shape; each leaf is a list of conditions, any of which may match, and an array in the record
 * matches when any of its elements does.
 *
 * No maintained JavaScript library implements these rules, so this is the documented set Lambda
 * accepts (equals, null, empty string, prefix, suffix, equals-ignore-case, anything-but, numeric,
 * exists, `$or`); a pattern that uses anything else is refused up front by `checkFilterPattern`.
 */

export type FilterPattern = Readonly<Record<string, unknown>>;

const OPERATORS = new Set(['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'numeric', 'exists']);
const COMPARISONS = new Set(['=', '<', '<=', '>', '>=']);

/** Whether a record passes at least one of the patterns; with no patterns every record passes. */
export function passesFilters(patterns: readonly FilterPattern[], record: unknown): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesObject(pattern, record));
}

/**
 * Problems with a pattern, each as `<where>: <what is wrong>`, so a run stops before the first
 * record rather than dropping every record silently.
 */
export function checkFilterPattern(pattern: unknown, where: string): string[] {
  if (!isObject(pattern)) return [`${where}: a pattern is an object such as { eventName: ['INSERT'] }`];
  return Object.entries(pattern).flatMap(([key, value]) => checkField(value, `${where}.${key}`, key));
}

function checkField(value: unknown, where: string, key: string): string[] {
  if (key === '$or') {
    if (!Array.isArray(value) || value.length < 2)
      return [`${where}: $or takes a list of two or more patterns`];
    return value.flatMap((sub, i) => checkFilterPattern(sub, `${where}[${i}]`));
  }
  if (isObject(value)) return checkFilterPattern(value, where);
  if (!Array.isArray(value)) {
    return [
      `${where}: a leaf is a list of values or conditions, such as ['INSERT'] (not ${JSON.stringify(value)})`,
    ];
  }
  return value.flatMap((condition, i) => checkCondition(condition, `${where}[${i}]`));
}

function checkCondition(condition: unknown, where: string): string[] {
  if (condition === null || ['string', 'number', 'boolean'].includes(typeof condition)) return [];
  if (!isObject(condition)) return [`${where}: ${JSON.stringify(condition)} is not a value or a condition`];
  const keys = Object.keys(condition);
  const [operator] = keys;
  if (keys.length !== 1 || operator === undefined || !OPERATORS.has(operator)) {
    return [
      `${where}: ${JSON.stringify(condition)} is not a condition Lambda filters accept (one of ${[...OPERATORS].join(', ')})`,
    ];
  }
  const argument = condition[operator];
  if (operator === 'numeric') return checkNumeric(argument, where);
  if (operator === 'exists' && typeof argument !== 'boolean') return [`${where}: exists takes true or false`];
  return [];
}

function checkNumeric(argument: unknown, where: string): string[] {
  if (!Array.isArray(argument) || argument.length === 0 || argument.length % 2 !== 0) {
    return [`${where}: numeric takes pairs of a comparison and a number, such as ['>', 0, '<=', 5]`];
  }
  for (let i = 0; i < argument.length; i += 2) {
    if (!COMPARISONS.has(String(argument[i])) || typeof argument[i + 1] !== 'number') {
      return [`${where}: numeric takes pairs of a comparison (=, <, <=, >, >=) and a number`];
    }
  }
  return [];
}

function matchesObject(pattern: FilterPattern, value: unknown): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or') return (expected as FilterPattern[]).some((sub) => matchesObject(sub, value));
    const actual = isObject(value) ? value[key] : undefined;
    if (isObject(expected)) return matchesNested(expected, actual);
    return matchesLeaf(expected as readonly unknown[], actual);
  });
}

function matchesNested(pattern: FilterPattern, actual: unknown): boolean {
  if (Array.isArray(actual)) return actual.some((element) => matchesObject(pattern, element));
  return isObject(actual) && matchesObject(pattern, actual);
}

function matchesLeaf(conditions: readonly unknown[], actual: unknown): boolean {
  // A missing field satisfies only `exists: false`; every other condition needs a value.
  if (actual === undefined) return conditions.some((c) => isObject(c) && c.exists === false);
  const values = Array.isArray(actual) ? actual : [actual];
  return conditions.some((condition) => values.some((value) => matchesCondition(condition, value)));
}

function matchesCondition(condition: unknown, value: unknown): boolean {
  if (!isObject(condition)) return equals(condition, value);
  const [operator, argument] = Object.entries(condition)[0] ?? [];
  switch (operator) {
    case 'exists':
      return argument === true;
    case 'prefix':
      return typeof value === 'string' && value.startsWith(String(argument));
    case 'suffix':
      return typeof value === 'string' && value.endsWith(String(argument));
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === String(argument).toLowerCase();
    case 'anything-but':
      return !anythingButExcludes(argument, value);
    case 'numeric':
      return typeof value === 'number' && numericHolds(argument as readonly unknown[], value);
    default:
      return false;
  }
}

/** Whether `anything-but` rules the value out: a list of values, one value, or a prefix. */
function anythingButExcludes(argument: unknown, value: unknown): boolean {
  if (Array.isArray(argument)) return argument.some((excluded) => equals(excluded, value));
  if (isObject(argument) && typeof argument.prefix === 'string') {
    return typeof value === 'string' && value.startsWith(argument.prefix);
  }
  return equals(argument, value);
}

function numericHolds(ranges: readonly unknown[], value: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) {
    const bound = ranges[i + 1] as number;
    const holds = {
      '=': value === bound,
      '<': value < bound,
      '<=': value <= bound,
      '>': value > bound,
      '>=': value >= bound,
    }[String(ranges[i]) as '=' | '<' | '<=' | '>' | '>='];
    if (!holds) return false;
  }
  return true;
}

/** Exact match; numbers compare by value, so 5 and 5.0 are the same. */
function equals(expected: unknown, value: unknown): boolean {
  return expected === value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
