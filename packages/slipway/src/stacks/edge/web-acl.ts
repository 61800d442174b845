import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { WafModel, WafRuleGroup } from '../../model/edge.js';

/** AWS's names for the managed rule groups Slipway offers, with the capacity units each uses. */
export const MANAGED_RULE_GROUPS: Readonly<
  Record<WafRuleGroup, { readonly name: string; readonly wcu: number }>
> = {
  common: { name: 'AWSManagedRulesCommonRuleSet', wcu: 700 },
  'known-bad-inputs': { name: 'AWSManagedRulesKnownBadInputsRuleSet', wcu: 200 },
  'ip-reputation': { name: 'AWSManagedRulesAmazonIpReputationList', wcu: 25 },
  'anonymous-ip': { name: 'AWSManagedRulesAnonymousIpList', wcu: 50 },
  'sql-injection': { name: 'AWSManagedRulesSQLiRuleSet', wcu: 200 },
  linux: { name: 'AWSManagedRulesLinuxRuleSet', wcu: 200 },
  unix: { name: 'AWSManagedRulesUnixRuleSet', wcu: 100 },
};

/** Capacity units a rate-based rule with no scope-down statement uses. */
const RATE_RULE_WCU = 2;

/** Capacity units the web ACL's rules use; above 1,500 AWS charges extra per request. */
export function webAclCapacity(waf: WafModel): number {
  return (
    waf.managedRules.reduce((sum, group) => sum + MANAGED_RULE_GROUPS[group].wcu, 0) +
    (waf.rateLimit === undefined ? 0 : RATE_RULE_WCU)
  );
}

/**
 * The distribution's web ACL: CLOUDFRONT scope, so it lives in us-east-1 with the edge stack. It
 * allows by default; the rate rule comes first (cheapest to evaluate, blocks floods before the
 * managed groups look at them), then the managed groups in config order, each in its own
 * vendor's default action. Every rule samples requests and emits CloudWatch metrics.
 * Cost: $5 a month for the ACL, $1 per rule, $0.60 per million requests.
 */
export function webAcl(
  scope: Construct,
  id: string,
  props: { name: string; waf: WafModel },
): wafv2.CfnWebACL {
  const { name, waf } = props;
  const visibility = (metric: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
    cloudWatchMetricsEnabled: true,
    sampledRequestsEnabled: true,
    metricName: metric,
  });
  const rules: wafv2.CfnWebACL.RuleProperty[] = [];
  if (waf.rateLimit !== undefined) {
    rules.push({
      name: 'rate-limit-per-ip',
      priority: 0,
      action: { block: {} },
      statement: { rateBasedStatement: { limit: waf.rateLimit, aggregateKeyType: 'IP' } },
      visibilityConfig: visibility(`${name}-rate-limit`),
    });
  }
  waf.managedRules.forEach((group, index) => {
    const awsName = MANAGED_RULE_GROUPS[group].name;
    rules.push({
      name: awsName,
      priority: index + 1,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: awsName } },
      visibilityConfig: visibility(`${name}-${group}`),
    });
  });
  return new wafv2.CfnWebACL(scope, id, {
    name,
    scope: 'CLOUDFRONT',
    description: `CloudFront web ACL of ${name}`,
    defaultAction: { allow: {} },
    visibilityConfig: visibility(name),
    rules,
  });
}
