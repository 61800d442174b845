import { cite, qty, unitUsd } from '../format.js';
import { costLine, type Pricer } from '../pricing-context.js';
import { EDGE_REQUEST_MILLIONS_DEFAULT } from './cloudfront-distribution.js';

/**
 * `AWS::WAFv2::WebACL`: the ACL, each of its rules (a managed group is one rule), and the requests it
 * inspects, taken as the edge's requests (`usage.edgeRequestMillionsPerMonth`): the web ACL sits on
 * the distribution and sees every request it serves.
 */
export const priceWebAcl: Pricer = (logicalId, resource, context) => {
  const rules = Array.isArray(resource.Properties?.['Rules']) ? resource.Properties['Rules'].length : 0;
  const millions = context.usage.edgeRequestMillionsPerMonth ?? EDGE_REQUEST_MILLIONS_DEFAULT;
  const acl = context.prices.prices['waf.web-acl-month'];
  const rule = context.prices.prices['waf.rule-month'];
  const request = context.prices.prices['waf.request-million'];
  return [
    costLine(
      context,
      logicalId,
      resource,
      'WAF',
      acl.usd + rules * rule.usd + millions * request.usd,
      `${unitUsd(acl)} + ${qty(rules)} rules × ${unitUsd(rule)} + ${qty(millions)} M requests × ${unitUsd(request)} ` +
        cite('WAF', acl, rule, request),
    ),
  ];
};
