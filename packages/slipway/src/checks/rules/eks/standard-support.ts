import { isRecord, property, show } from '../support/values.js';
import { type SlipwayRule, violation } from '../types.js';
import { describeEksResource, eksConfigField } from './eks-resources.js';

export const eksStandardSupport: SlipwayRule = {
  id: 'Slipway-EKS4',
  level: 'error',
  description:
    "A cluster must set UpgradePolicy.SupportType to STANDARD: CloudFormation's default, EXTENDED, bills $0.60 a cluster-hour instead of $0.10 once its version leaves standard support.",
  check(resource) {
    if (resource.Type !== 'AWS::EKS::Cluster') return 'not-applicable';
    const policy = property(resource, 'UpgradePolicy');
    const supportType = isRecord(policy) ? policy.SupportType : undefined;
    if (supportType === 'STANDARD') return 'compliant';
    const found = supportType === undefined ? 'unset, so EXTENDED' : show(supportType);
    return violation(
      `${describeEksResource(resource)} has UpgradePolicy.SupportType ${found}; ` +
        `keep ${eksConfigField(resource, 'version')} a version in standard support and let EKS upgrade it when support ends`,
    );
  },
};
