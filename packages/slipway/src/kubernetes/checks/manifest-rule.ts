import type { FindingLevel } from '../../checks/finding.js';
import type { RuleResult } from '../../checks/rules/types.js';

/** A generated Kubernetes object as plain data, the way its YAML reads. */
export type ManifestDocument = Readonly<Record<string, unknown>>;

/** One check on a Kubernetes object, pure, like the template rules beside the stacks' checks. */
export interface ManifestRule {
  /** `Slipway-K8S<n>`, never reused once published. */
  readonly id: string;
  readonly level: FindingLevel;
  /** One line: what the rule requires and why. */
  readonly description: string;
  readonly check: (document: ManifestDocument) => RuleResult;
}
