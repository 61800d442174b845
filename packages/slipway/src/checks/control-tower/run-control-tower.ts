import path from 'node:path';
import type { SynthesizedStack } from '../../template/types.js';
import type { LocatedFinding } from '../located-finding.js';
import { readViolations, type ControlViolation } from './read-violations.js';
import { controlTowerRulesDir, type GuardJob, runGuardJobs } from './run-guard.js';
import { resourceTypes, selectRules } from './select-rules.js';

function messageOf(violation: ControlViolation): string {
  const fix = violation.fix === undefined ? '' : ` Fix: ${violation.fix}`;
  return `${violation.requirement} (${violation.name}).${fix}`;
}

/** Templates per cfn-guard run: enough runs to share the cores, few enough that starts stay cheap. */
const TEMPLATES_PER_JOB = 4;

/**
 * One job per set of stacks that need the same rule files, each evaluated only against the controls
 * for the types it creates (a network stack never meets the ECS controls), split into runs of a few
 * templates so the runs can share the machine's cores. cfn-guard's time grows with rules ×
 * templates, so this cuts the work as well as spreading it.
 */
function guardJobs(stacks: readonly SynthesizedStack[]): GuardJob[] {
  const rulesDir = controlTowerRulesDir();
  const groups = new Map<string, { rules: string[]; templates: string[] }>();
  for (const stack of stacks) {
    const rules = selectRules(rulesDir, resourceTypes([stack]));
    const key = rules.join('\n');
    const group = groups.get(key) ?? { rules, templates: [] };
    group.templates.push(path.resolve(stack.templatePath));
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(({ rules, templates }) =>
    Array.from({ length: Math.ceil(templates.length / TEMPLATES_PER_JOB) }, (_, i) => ({
      rules,
      templates: templates.slice(i * TEMPLATES_PER_JOB, (i + 1) * TEMPLATES_PER_JOB),
    })),
  );
}

/**
 * AWS Control Tower's proactive controls over the synthesized templates: one finding per failing
 * control and resource, named by the control's id (`CT.CLOUDWATCH.PR.3`), level error. cfn-guard
 * runs a few times side by side, each over the stacks that share a set of resource types. `pathOf` gives the construct path so acknowledge() calls in stacks
 * and construct-path acknowledgements in the config cover these findings like any other.
 */
export function runControlTower(
  stacks: readonly SynthesizedStack[],
  pathOf: (stack: string, logicalId: string) => string | undefined,
  options: { readonly rules?: readonly string[] } = {},
): LocatedFinding[] {
  const byFile = new Map(stacks.map((stack) => [path.resolve(stack.templatePath), stack.name]));
  const jobs: GuardJob[] =
    options.rules === undefined
      ? guardJobs(stacks)
      : [{ templates: [...byFile.keys()], rules: options.rules }];
  const reports = runGuardJobs(jobs);
  // The runs finish in any order: report in the order of the stacks given, then by file report.
  const order = new Map([...byFile.keys()].map((file, index) => [file, index]));
  const byStack = (a: { file: string }, b: { file: string }) =>
    (order.get(path.resolve(a.file)) ?? 0) - (order.get(path.resolve(b.file)) ?? 0);
  return [...readViolations(reports)].sort(byStack).flatMap((violation): LocatedFinding[] => {
    const stack = byFile.get(path.resolve(violation.file));
    if (stack === undefined) return [];
    const base = { rule: violation.control, level: 'error' as const, stack, message: messageOf(violation) };
    // A control that names no resource still fails the stack; report it there so it is seen.
    if (violation.logicalIds.length === 0) return [{ ...base, path: stack }];
    return violation.logicalIds.map((logicalId) => ({
      ...base,
      logicalId,
      path: pathOf(stack, logicalId),
    }));
  });
}
