import { mentionsResource, resourcesOfType } from '../support/references.js';
import { type SlipwayRule, violation } from '../types.js';
import { internetFacingGroups } from './internet-ingress.js';

export const ec2SingleInternetFacingGroup: SlipwayRule = {
  id: 'Slipway-EC22',
  level: 'error',
  description:
    "Only the load balancer's security group may admit 0.0.0.0/0 or ::/0; task, node and database groups admit other security groups only.",
  check(resource, { template, logicalId }) {
    if (resource.Type !== 'AWS::EC2::SecurityGroup') return 'not-applicable';
    const open = internetFacingGroups(template);
    if (!open.includes(logicalId)) return 'compliant';

    const problems: string[] = [];
    const onLoadBalancer = resourcesOfType(template, 'AWS::ElasticLoadBalancingV2::LoadBalancer').some(
      ({ resource: loadBalancer }) => mentionsResource(loadBalancer.Properties?.SecurityGroups, logicalId),
    );
    if (!onLoadBalancer) problems.push('it admits the internet but no load balancer in this stack uses it');
    const others = open.filter((id) => id !== logicalId);
    if (others.length > 0) problems.push(`other groups also admit the internet: ${others.join(', ')}`);
    return problems.length === 0 ? 'compliant' : violation(problems.join('; '));
  },
};
