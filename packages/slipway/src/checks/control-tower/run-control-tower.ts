import path from 'node:path';
import type { SynthesizedStack } from '../../template/types.js';
import type { LocatedFinding } from '../located-finding.js';
import { readViolations, type ControlViolation } from './read-violations.js';
import { controlTowerRulesDir, runGuard, type RunGuardOptions } from './run-guard.js';
import { resourceTypes, selectRules } from './select-rules.js';

function messageOf(violation: ControlViolation): string {
  const fix = violation.fix === undefined ? '' : ` Fix: ${violation.fix}`;
  return `${violation.requirement} (${violation.name}).${fix}`;
}

/**
 * AWS Control Tower's proactive controls over the synthesized templates: one finding per failing
 * control and resource, named by the control's id (`CT.CLOUDWATCH.PR.3`), level error. cfn-guard
 * runs once for all stacks. `pathOf` gives the construct path so acknowledge() calls in stacks
 * and construct-path acknowledgements in the config cover these findings like any other.
 */
export function runControlTower(
  stacks: readonly SynthesizedStack[],
  pathOf: (stack: string, logicalId: string) => string | undefined,
  options: RunGuardOptions = {},
): LocatedFinding[] {
  const byFile = new Map(stacks.map((stack) => [path.resolve(stack.templatePath), stack.name]));
  const rules = options.rules ?? selectRules(controlTowerRulesDir(), resourceTypes(stacks));
  if (rules.length === 0) return [];
  const reports = runGuard([...byFile.keys()], { rules });
  return readViolations(reports).flatMap((violation): LocatedFinding[] => {
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
