import { referencedLogicalId, resourcesOfType } from '../support/references.js';
import { asList, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';

function redirectsToHttps(action: unknown): boolean {
  return (
    isRecord(action) &&
    action.Type === 'redirect' &&
    isRecord(action.RedirectConfig) &&
    action.RedirectConfig.Protocol === 'HTTPS'
  );
}

export const elbHttpRedirectsToHttps: SlipwayRule = {
  id: 'Slipway-ELB4',
  level: 'error',
  description:
    'When a load balancer has an HTTPS listener, its HTTP listener must only redirect to HTTPS, so nothing is served in clear text.',
  check(resource, { template, logicalId }) {
    if (
      resource.Type !== 'AWS::ElasticLoadBalancingV2::Listener' ||
      property(resource, 'Protocol') !== 'HTTP'
    ) {
      return 'not-applicable';
    }
    const loadBalancer = referencedLogicalId(property(resource, 'LoadBalancerArn'));
    if (loadBalancer === undefined) return 'not-applicable';
    const hasHttps = resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::Listener').some(
      ({ resource: listener }) =>
        property(listener, 'Protocol') === 'HTTPS' &&
        referencedLogicalId(property(listener, 'LoadBalancerArn')) === loadBalancer,
    );
    if (!hasHttps) return 'not-applicable';
    const problems: string[] = [];
    const actions = asList(property(resource, 'DefaultActions'));
    if (actions.length === 0 || !actions.every(redirectsToHttps))
      problems.push('its default action does not redirect to HTTPS');
    // Rules added by other stacks are checked in those stacks' templates; these are the ones visible here.
    for (const { logicalId: ruleId, resource: rule } of resourcesOfType(
      template,
      'AWS::ElasticLoadBalancingV2::ListenerRule',
    )) {
      if (referencedLogicalId(property(rule, 'ListenerArn')) !== logicalId) continue;
      if (!asList(property(rule, 'Actions')).every(redirectsToHttps))
        problems.push(`listener rule ${ruleId} serves plain HTTP`);
    }
    return problems.length === 0 ? 'compliant' : violation(problems.join('; '));
  },
};
