import { asList, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { describeEksResource, eksConfigField } from './eks-resources.js';
import { publicSubnetName } from './public-subnets.js';

export const eksPrivateNodeSubnets: SlipwayRule = {
  id: 'Slipway-EKS5',
  level: 'error',
  description:
    'A node group must launch its nodes in private subnets; in a public subnet each node sits one security-group rule away from the internet.',
  check(resource, { template }) {
    if (resource.Type !== 'AWS::EKS::Nodegroup') return 'not-applicable';
    const exposed = asList(property(resource, 'Subnets'))
      .map((subnet) => publicSubnetName(template, subnet))
      .filter((name): name is string => name !== undefined);
    if (exposed.length === 0) return 'compliant';
    return violation(
      `${describeEksResource(resource)} uses public subnets ${exposed.join(', ')}; ` +
        `the pools of ${eksConfigField(resource, 'nodePools')} run in the private subnets, so a node group added beside them must read private-subnet-<n>-id`,
    );
  },
};
