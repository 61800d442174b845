/**
 * What tables, functions, topics and queues share: a name that becomes `<app>-<env>-<name>` (and a
 * `<KIND>_<NAME>` variable), checked against the AWS service's length limit, and references to
 * them that must name a declared one.
 */
import { type ConfigIssue, issue } from '../errors.js';
import { didYouMean, listOf } from '../suggest.js';

/** Lower-case words and single hyphens: the resource's part of `<app>-<env>-<name>` and of its variable. */
const RESOURCE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface ResourceNameRule {
  /** 'table', 'function', 'topic', 'queue'. */
  readonly kind: string;
  /** The AWS service whose limit applies, e.g. 'DynamoDB'. */
  readonly service: string;
  readonly maxLength: number;
  /** A name to suggest when nothing of the given one is left. */
  readonly example: string;
}

/** The name's shape, and the longest `<app>-<env>-<name>` it gives against the service's limit. */
export function resourceNameIssues(
  rule: ResourceNameRule,
  name: string,
  path: string,
  app: string,
  environments: readonly string[],
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!RESOURCE_NAME.test(name)) {
    const cleaned = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    issues.push(
      issue(
        path,
        `'${name}' is not a ${rule.kind} name Slipway can use: lower-case letters, digits and single hyphens, starting with a letter`,
        `rename it, e.g. '${cleaned || rule.example}'`,
      ),
    );
  }
  const longest = Math.max(...environments.map((env) => `${app}-${env}-${name}`.length));
  if (longest > rule.maxLength) {
    issues.push(
      issue(
        path,
        `the ${rule.kind} would be named with ${longest} characters (<app>-<env>-<name>); ${rule.service} allows ${rule.maxLength}`,
        `shorten the name by ${longest - rule.maxLength} characters`,
      ),
    );
  }
  return issues;
}

/** A reference to a table, topic… the config does not declare, with the nearest declared name. */
export function undeclaredIssues(
  kind: string,
  name: string,
  declared: readonly string[],
  path: string,
  declaration: string,
): ConfigIssue[] {
  if (declared.includes(name)) return [];
  return [
    issue(
      path,
      `no ${kind} named '${name}' is declared${didYouMean(name, declared)}`,
      declared.length > 0
        ? `use one of ${listOf(declared)}, or declare '${name}' under ${kind}s`
        : `declare it, e.g. ${declaration}`,
    ),
  ];
}
