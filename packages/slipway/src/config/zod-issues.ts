/**
 * Turns zod's issues into config issues a user can act on: the dotted path, what was wrong in
 * plain words, and the fix. Unknown keys name the key, list the keys allowed there and guess the
 * intended one.
 */
import type { z } from 'zod';
import { type ConfigIssue, issue, joinPath } from './errors.js';
import { allowedKeysAt } from './schema-keys.js';
import { didYouMean, listOf } from './suggest.js';

type ZodIssue = z.core.$ZodIssue;

/** Fixes for fields whose generic "set it to a string" would not say enough. */
const FIELD_HINTS: Readonly<Record<string, string>> = {
  app: "set app to a lower-case name such as 'shop' (letters, digits and hyphens)",
  github:
    "add github: { repository: 'owner/name' }; the deploy roles trust only that repository through GitHub OIDC",
  repository: "set it to the repository as 'owner/name', exactly as on GitHub",
  environments:
    "add environments: { dev: { account: '111111111111', region: 'us-east-1', availabilityZones: ['us-east-1a', 'us-east-1b'] } }",
  account: "write the 12-digit account id as a quoted string, e.g. '111111111111'",
  region: "set it to an AWS region name, e.g. 'us-east-1'",
  availabilityZones: "list at least two zones of the region, e.g. ['us-east-1a', 'us-east-1b']",
  port: 'set it to the port the container listens on, e.g. 8080',
  strategy: "set it to 'rolling', 'canary', 'linear' or 'blue-green'",
  rule: "set it to the rule id as the plan reports it, e.g. 'AwsSolutions-IAM5[Resource::*]'",
  reason: 'say in a sentence why the finding is acceptable; reviewers read it in every plan',
  name: "set it to the host name, e.g. 'app.example.com'",
  certificateArn: 'set it to the ARN of an ACM certificate in the same account and region',
};

/** Converts every zod issue; `schema` is consulted to list the keys allowed where one was unknown. */
export function fromZodIssues(issues: readonly ZodIssue[], schema: z.ZodType): ConfigIssue[] {
  return issues.flatMap((zodIssue) => convert(zodIssue, schema));
}

function convert(zodIssue: ZodIssue, schema: z.ZodType): ConfigIssue[] {
  const segments = zodIssue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  const path = joinPath(...segments);
  const field = lastKey(segments);
  switch (zodIssue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, segments);
      return zodIssue.keys.map((key) =>
        issue(
          joinPath(...segments, key),
          `'${key}' is not a known setting here${didYouMean(key, allowed)}`,
          allowed.length > 0
            ? `remove it, or use one of: ${allowed.join(', ')}`
            : 'remove it (see the config reference)',
        ),
      );
    }
    case 'invalid_type': {
      if (zodIssue.input === undefined) {
        return [
          issue(
            path,
            'is required but missing',
            FIELD_HINTS[field] ?? `add ${field} (${expected(zodIssue.expected)})`,
          ),
        ];
      }
      return [
        issue(
          path,
          `expected ${expected(zodIssue.expected)}, got ${describe(zodIssue.input)}`,
          FIELD_HINTS[field] ?? `set it to ${expected(zodIssue.expected)}`,
        ),
      ];
    }
    case 'invalid_value':
      return [
        issue(
          path,
          `${describe(zodIssue.input)} is not allowed`,
          `use ${listOf(zodIssue.values.map((value) => String(value)))}`,
        ),
      ];
    case 'too_small':
      return [
        issue(path, `${describe(zodIssue.input)} is too small`, `use at least ${String(zodIssue.minimum)}`),
      ];
    case 'too_big':
      return [
        issue(path, `${describe(zodIssue.input)} is too large`, `use at most ${String(zodIssue.maximum)}`),
      ];
    default:
      return [issue(path, zodIssue.message, 'correct the value (see the config reference)')];
  }
}

function lastKey(segments: readonly (string | number)[]): string {
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index];
    if (typeof segment === 'string') return segment;
  }
  return '';
}

function expected(type: string): string {
  switch (type) {
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'an object';
    default:
      return `a ${type}`;
  }
}

/** A short, quoted rendering of a wrong value, e.g. `'abc'`, `3.5`, `a list`. */
function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return `a ${typeof value}`;
}
