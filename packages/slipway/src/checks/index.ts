// Security checks: cdk-nag's AwsSolutions pack plus Slipway's own rules, with acknowledgements.
export { acknowledge } from './acknowledge.js';
export { AcknowledgementError, type AcknowledgementProblem } from './acknowledgement-error.js';
export { acknowledgementProblems } from './acknowledgement-rules.js';
export { STALE_ACKNOWLEDGEMENT_RULE } from './apply-acknowledgements.js';
export {
  BYPASSED_ACKNOWLEDGEMENT_RULE,
  type CollectFindingsInput,
  collectFindings,
} from './collect-findings.js';
export { prepareChecks } from './prepare-checks.js';
export { SLIPWAY_RULES } from './rules/registry.js';
export { runRules } from './rules/run-rules.js';
export type { RuleContext, RuleResult, RuleViolation, SlipwayRule } from './rules/types.js';
