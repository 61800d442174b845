import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SynthesizedStack } from '../../template/types.js';
import type { LocatedFinding } from '../located-finding.js';
import { readViolations, type ControlViolation } from './read-violations.js';
import { controlTowerRulesDir, type GuardJob, runGuardJobs } from './run-guard.js';
import { guardDocument } from './guard-document.js';
import { resourceTypes, selectRules, typesNamedBy } from './select-rules.js';

function messageOf(violation: ControlViolation): string {
  const fix = violation.fix === undefined ? '' : ` Fix: ${violation.fix}`;
  return `${violation.requirement} (${violation.name}).${fix}`;
}

/**
 * One cfn-guard run per service folder of the rules the plan needs (the ECS controls, the RDS
 * controls...), over every template that creates a type those controls name, each cut down to
 * those types (`guardDocument`). cfn-guard copies the whole data document for every rule file, so
 * a control meeting only the resources it checks is several times cheaper than meeting the whole
 * template; a folder's controls name much the same types, so one run serves them all, and the runs
 * go side by side on the machine's cores. A rule file that names no type reads whole templates.
 */
function guardJobs(
  stacks: readonly SynthesizedStack[],
  documentsDir: string,
  stackOfFile: Map<string, SynthesizedStack>,
): GuardJob[] {
  const rulesDir = controlTowerRulesDir();
  const byFolder = new Map<string, string[]>();
  for (const rule of selectRules(rulesDir, resourceTypes(stacks))) {
    const folder = path.dirname(rule);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), rule]);
  }
  return [...byFolder.values()].map((rules, index) => {
    const named = rules.map((rule) => typesNamedBy(rulesDir, rule));
    const whole = named.some((types) => types.size === 0);
    const types = new Set(named.flatMap((set) => [...set]));
    const dir = path.join(documentsDir, String(index));
    mkdirSync(dir);
    const templates = stacks.flatMap((stack, position) => {
      if (whole) return [path.resolve(stack.templatePath)];
      const document = guardDocument(stack.template, types);
      if (document === undefined) return [];
      const file = path.join(dir, `${position}.json`);
      writeFileSync(file, JSON.stringify(document));
      stackOfFile.set(file, stack);
      return [file];
    });
    return { rules, templates };
  });
}

/**
 * AWS Control Tower's proactive controls over the synthesized templates: one finding per failing
 * control and resource, named by the control's id (`CT.CLOUDWATCH.PR.3`), level error. cfn-guard
 * runs once per service folder of controls, side by side (see `guardJobs`). `pathOf` gives the
 * construct path so acknowledge() calls in stacks and construct-path acknowledgements in the
 * config cover these findings like any other.
 */
export function runControlTower(
  stacks: readonly SynthesizedStack[],
  pathOf: (stack: string, logicalId: string) => string | undefined,
  options: { readonly rules?: readonly string[] } = {},
): LocatedFinding[] {
  // Reports name the data file: a template, or the cut-down copy of one.
  const stackOfFile = new Map(stacks.map((stack) => [path.resolve(stack.templatePath), stack]));
  const documentsDir = mkdtempSync(path.join(tmpdir(), 'slipway-guard-'));
  let reports;
  try {
    const jobs: GuardJob[] =
      options.rules === undefined
        ? guardJobs(stacks, documentsDir, stackOfFile)
        : [{ templates: stacks.map((stack) => path.resolve(stack.templatePath)), rules: options.rules }];
    reports = runGuardJobs(jobs);
  } finally {
    rmSync(documentsDir, { recursive: true, force: true });
  }
  // The runs finish in any order: report in the order of the stacks given, then by file report.
  const order = new Map(stacks.map((stack, index) => [stack, index]));
  const position = (file: string) => {
    const stack = stackOfFile.get(path.resolve(file));
    return stack === undefined ? 0 : (order.get(stack) ?? 0);
  };
  const byStack = (a: { file: string }, b: { file: string }) => position(a.file) - position(b.file);
  return [...readViolations(reports)].sort(byStack).flatMap((violation): LocatedFinding[] => {
    const stack = stackOfFile.get(path.resolve(violation.file))?.name;
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
