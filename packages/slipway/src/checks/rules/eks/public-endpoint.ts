import { asList, isFalse, isRecord, property } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { describeEksResource, eksConfigField } from './eks-resources.js';

const WORLD: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

export const eksPublicEndpoint: SlipwayRule = {
  id: 'Slipway-EKS1',
  level: 'error',
  description:
    "A cluster's public API endpoint must admit listed CIDRs only, never the whole internet; an empty list keeps the endpoint private to the VPC.",
  check(resource) {
    if (resource.Type !== 'AWS::EKS::Cluster') return 'not-applicable';
    const vpcConfig = property(resource, 'ResourcesVpcConfig');
    const config = isRecord(vpcConfig) ? vpcConfig : {};
    // EKS opens the public endpoint unless told not to, and to 0.0.0.0/0 unless given CIDRs.
    if (isFalse(config.EndpointPublicAccess)) return 'compliant';
    const cidrs = asList(config.PublicAccessCidrs);
    const open = cidrs.filter((cidr): cidr is string => typeof cidr === 'string' && WORLD.has(cidr));
    if (cidrs.length > 0 && open.length === 0) return 'compliant';
    const access = config.EndpointPublicAccess === undefined ? 'unset (EKS opens it)' : 'true';
    const found =
      open.length > 0
        ? `PublicAccessCidrs includes ${open.join(' and ')}`
        : 'PublicAccessCidrs is unset, which EKS reads as 0.0.0.0/0';
    return violation(
      `${describeEksResource(resource)} has EndpointPublicAccess ${access} and ${found}; ` +
        `list the admins' and CI's ranges in ${eksConfigField(resource, 'publicEndpointCidrs')}, or leave it empty`,
    );
  },
};
