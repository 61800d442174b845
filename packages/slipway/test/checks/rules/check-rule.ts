import type { RuleResult, SlipwayRule } from '../../../src/checks/rules/types.js';
import type { CfnResource } from '../../../src/template/types.js';

export interface CheckOptions {
  /** Whether the stack is a production one. @default false */
  readonly production?: boolean;
  /** Other resources in the same template, by logical id. @default none */
  readonly others?: Readonly<Record<string, CfnResource>>;
  /** The stack's region. @default unknown */
  readonly region?: string;
  /** Whether the stack's environment has a user pool. @default unknown */
  readonly userPool?: boolean;
}

/** Runs one rule on one hand-written resource, placed in a template as `Subject`. */
export function checkRule(rule: SlipwayRule, resource: CfnResource, options: CheckOptions = {}): RuleResult {
  const template = { Resources: { ...options.others, Subject: resource } };
  return rule.check(resource, {
    logicalId: 'Subject',
    template,
    stackName: 'shop-dev-data',
    production: options.production ?? false,
    region: options.region,
    ...(options.userPool === undefined ? {} : { userPool: options.userPool }),
  });
}
