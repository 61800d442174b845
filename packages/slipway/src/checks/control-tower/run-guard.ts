import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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

/** Templates and the rule files (or folders) to evaluate them with, in one cfn-guard run. */
export interface GuardJob {
  readonly templates: readonly string[];
  readonly rules: readonly string[];
}

/** Where Control Tower's rule files are, for choosing among them. */
export function controlTowerRulesDir(): string {
  return guardPackage().rulesDir;
}

/** cfn-guard exits 19 when a rule fails and 5 when one fails on its own terms; both are results. */
const RESULT_CODES = new Set([0, 5, 19]);

/** The report of a large plan runs to megabytes; the default 1 MB buffer would cut it off. */
const MAX_BUFFER = 512 * 1024 * 1024;

const POOL_SCRIPT = fileURLToPath(new URL('./guard-pool.mjs', import.meta.url));

interface RunResult {
  readonly error?: string;
  readonly status?: number | null;
  readonly signal?: string | null;
  readonly stdout?: string;
  readonly stderr?: string;
}

function argsOf(job: GuardJob): string[] {
  return [
    'validate',
    ...job.rules.flatMap((rule) => ['--rules', rule]),
    ...job.templates.flatMap((template) => ['--data', template]),
    '--output-format',
    'json',
    '--show-summary',
    'none',
    '--structured',
  ];
}

function reportsOf(result: RunResult, binary: string): GuardFileReport[] {
  if (result.error !== undefined)
    throw new Error(`cfn-guard could not be started (${binary}): ${result.error}`);
  if (result.status === null || result.status === undefined || !RESULT_CODES.has(result.status)) {
    const how = result.status == null ? `signal ${result.signal}` : `exit code ${result.status}`;
    throw new Error(
      `cfn-guard failed with ${how}: ${(result.stderr ?? '').trim() || (result.stdout ?? '').trim()}`,
    );
  }
  const output = (result.stdout ?? '').trim();
  return output === '' ? [] : (JSON.parse(output) as GuardFileReport[]);
}

/**
 * Runs cfn-guard once per job and returns every template's report. One job runs directly; several
 * run side by side through a small pool script, so a plan's controls take the time of its largest
 * job on a machine with cores to spare rather than the sum of them all.
 */
export function runGuardJobs(jobs: readonly GuardJob[]): GuardFileReport[] {
  const work = jobs.filter((job) => job.templates.length > 0 && job.rules.length > 0);
  if (work.length === 0) return [];
  const { binary } = guardPackage();
  if (work.length === 1) {
    const run = spawnSync(binary, argsOf(work[0]!), { encoding: 'utf8', maxBuffer: MAX_BUFFER });
    return reportsOf(
      {
        error: run.error?.message,
        status: run.status,
        signal: run.signal,
        stdout: run.stdout,
        stderr: run.stderr,
      },
      binary,
    );
  }
  const pool = spawnSync(process.execPath, [POOL_SCRIPT], {
    input: JSON.stringify({ binary, jobs: work.map(argsOf) }),
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
  });
  if (pool.error || pool.status !== 0) {
    throw new Error(`cfn-guard's runner failed: ${pool.error?.message ?? pool.stderr.trim()}`);
  }
  return (JSON.parse(pool.stdout) as RunResult[]).flatMap((result) => reportsOf(result, binary));
}

/** Runs cfn-guard once over every template with every given rule file (the whole pack by default). */
export function runGuard(
  templatePaths: readonly string[],
  options: { readonly rules?: readonly string[] } = {},
): GuardFileReport[] {
  return runGuardJobs([{ templates: templatePaths, rules: options.rules ?? [guardPackage().rulesDir] }]);
}
