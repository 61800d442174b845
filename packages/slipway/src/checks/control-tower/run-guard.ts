import { spawnSync } from 'node:child_process';
import { guardPackage } from './guard-package.js';

/** One data file's result as `cfn-guard validate --structured --output-format json` prints it. */
export interface GuardFileReport {
  /** The data file, as passed with `--data`. */
  readonly name: string;
  /** One entry per failing rule; the shape below `Rule` depends on how the rule is written. */
  readonly not_compliant: readonly GuardRuleResult[];
}

export interface GuardRuleResult {
  readonly Rule?: { readonly name: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

export interface RunGuardOptions {
  /** Rule files or folders. @default Control Tower's rules folder */
  readonly rules?: readonly string[];
}

/** Where Control Tower's rule files are, for choosing among them. */
export function controlTowerRulesDir(): string {
  return guardPackage().rulesDir;
}

/** cfn-guard exits 19 when a rule fails and 5 when one fails on its own terms; both are results. */
const RESULT_CODES = new Set([0, 5, 19]);

/**
 * Runs cfn-guard once over every template with every rule file. One process for the whole plan
 * keeps the cost to a single start and parse of the rules, rather than one per template or rule.
 */
export function runGuard(templatePaths: readonly string[], options: RunGuardOptions = {}): GuardFileReport[] {
  if (templatePaths.length === 0) return [];
  const { binary, rulesDir } = guardPackage();
  const rules = options.rules ?? [rulesDir];
  const args = [
    'validate',
    ...rules.flatMap((rule) => ['--rules', rule]),
    ...templatePaths.flatMap((template) => ['--data', template]),
    '--output-format',
    'json',
    '--show-summary',
    'none',
    '--structured',
  ];
  // The report of a large plan runs to megabytes; the default 1 MB buffer would cut it off.
  const run = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (run.error) {
    throw new Error(`cfn-guard could not be started (${binary}): ${run.error.message}`);
  }
  if (run.status === null || !RESULT_CODES.has(run.status)) {
    const how = run.status === null ? `signal ${run.signal}` : `exit code ${run.status}`;
    throw new Error(`cfn-guard failed with ${how}: ${run.stderr.trim() || run.stdout.trim()}`);
  }
  const output = run.stdout.trim();
  return output === '' ? [] : (JSON.parse(output) as GuardFileReport[]);
}
