import type { Finding } from '../finding.js';
import type { CfnResource, SynthesizedStack } from '../../template/types.js';
import { SLIPWAY_RULES } from './registry.js';
import type { RuleContext, RuleResult, SlipwayRule, StackFacts } from './types.js';

function messageFor(rule: SlipwayRule, result: RuleResult): string | undefined {
  if (result === 'compliant' || result === 'not-applicable') return undefined;
  return result === 'non-compliant' ? rule.description : `${rule.description} Found: ${result.detail}.`;
}

/** A rule that throws is a bug in the rule, but the plan should still finish and show it. */
function checkSafely(rule: SlipwayRule, resource: CfnResource, context: RuleContext): string | undefined {
  try {
    return messageFor(rule, rule.check(resource, context));
  } catch (error) {
    return `${rule.id} could not check this resource: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Applies Slipway's rules to synthesized templates. Findings name the resource by logical id and
 * are not yet acknowledged; `collectFindings` adds construct paths and acknowledgements.
 */
export function runRules(
  stacks: readonly SynthesizedStack[],
  /** Whether a stack is production's, or everything the model says about it. */
  facts: (stack: SynthesizedStack) => boolean | StackFacts,
  rules: readonly SlipwayRule[] = SLIPWAY_RULES,
): Finding[] {
  const findings: Finding[] = [];
  for (const stack of stacks) {
    const known = facts(stack);
    const {
      production: isProduction,
      userPool,
      previewBranches,
    }: StackFacts = typeof known === 'boolean' ? { production: known } : known;
    for (const [logicalId, resource] of Object.entries(stack.template.Resources ?? {})) {
      const context: RuleContext = {
        logicalId,
        template: stack.template,
        stackName: stack.name,
        production: isProduction,
        region: stack.region,
        ...(userPool === undefined ? {} : { userPool }),
        ...(previewBranches === undefined ? {} : { previewBranches }),
      };
      for (const rule of rules) {
        const message = checkSafely(rule, resource, context);
        if (message === undefined) continue;
        findings.push({
          rule: rule.id,
          level: isProduction ? rule.level : (rule.nonProductionLevel ?? rule.level),
          stack: stack.name,
          resource: logicalId,
          message,
          acknowledged: false,
        });
      }
    }
  }
  return findings;
}
